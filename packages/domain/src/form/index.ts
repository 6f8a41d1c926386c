export * from './text-length.ts';
export * from './credit-code.ts';
export * from './form-template.schema.ts';
export { resolveRef, checkTemplate, type RefTarget, type RefScope, type TemplateIssue } from './form-refs.ts';
export { FormState, isEmpty, type FormAnswers, type FieldPlace } from './form-state.ts';
export { computeDerived, roundTo, rowAverage, type DerivedValues } from './compute.ts';
export { compileFormValidator, validateAnswers, type FormValidator, type ValidateMode, type ValidateOptions, type ValidationResult } from './validate-answers.ts';
export { formMessages } from './messages.ts';
export { fileRefsIn, isFileRef } from './file-refs.ts';
