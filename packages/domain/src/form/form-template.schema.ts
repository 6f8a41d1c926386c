import { z } from 'zod';
import { checkTemplate } from './form-refs.ts';

export { OTHER_VALUE } from './form-refs.ts';

// A form template (申报表) is data: versioned sections of typed fields. The browser renders it
// and the server validates answers against the same object, so a rule is written once.
// Chinese is the primary language of every label; English is optional beside it.
//
// Answers are JSON shaped by the template: { [sectionId]: { [fieldId]: value } }, so an error path
// reads `basic.companyName`, `team.members.2.name` or `finance.rd.revenue.2021`.

/** Field and section ids become path segments: no dots, and not all digits (those are item indexes). */
const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Label = z.string().trim().min(1).max(500);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Show a field only when another one has a given answer. `field` names a field in the same
 * section (or the same group item, falling back to the section), or `section.field` anywhere.
 * For a multiple choice, `equals` means "includes". A hidden field's answer counts as empty.
 */
export const ConditionSchema = z.union([
  z.strictObject({ field: z.string().min(1), equals: Scalar }),
  z.strictObject({ field: z.string().min(1), in: z.array(Scalar).min(1) }),
  z.strictObject({ field: z.string().min(1), notEmpty: z.literal(true) }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/**
 * What the platform already knows about the applicant's organization and copies into a new
 * application's answer (once, at creation; the applicant may change it like any answer).
 * Only fields directly in a section take one, not a group's.
 */
export const prefillSources = [
  'organization.name', 'organization.creditCode', 'organization.regionCode', 'organization.address',
  'organization.contactName', 'organization.contactPhone', 'organization.contactEmail',
] as const;
export type PrefillSource = (typeof prefillSources)[number];
const TextPrefill = z.enum(prefillSources).exclude(['organization.regionCode']);

const base = {
  id: Id,
  label: Label,
  labelEn: Label.optional(),
  required: z.boolean().default(false),
  help: z.string().max(2000).optional(),
  helpEn: z.string().max(2000).optional(),
  visibleIf: ConditionSchema.optional(),
};

export const TextFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('text'),
  /** Limits in 字 as counted by countChars (whitespace does not count). */
  maxChars: z.number().int().positive().optional(),
  minChars: z.number().int().nonnegative().optional(),
  multiline: z.boolean().default(false),
  placeholder: z.string().max(500).optional(),
  placeholderEn: z.string().max(500).optional(),
  format: z.enum(['email', 'phone', 'url']).optional(),
  prefill: TextPrefill.optional(),
});

export const NumberFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('number'),
  /** Shown after the box: 万元, 人, %, 项, tCO2… */
  unit: z.string().max(20).optional(),
  unitEn: z.string().max(40).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
});

export const DateFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('date'),
  /** day: YYYY-MM-DD; month: YYYY-MM (起止年月); year: YYYY. */
  precision: z.enum(['day', 'month', 'year']).default('day'),
  min: IsoDate.optional(),
  max: IsoDate.optional(),
});

export const ChoiceOptionSchema = z.strictObject({
  value: z.string().min(1).max(100),
  label: Label,
  labelEn: Label.optional(),
});

/**
 * Single choice answers a string (an option value) or { other: '…' }; multiple choice answers an
 * array of those. `allowOther` adds the option "其他，具体为____".
 */
export const ChoiceFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('choice'),
  options: z.array(ChoiceOptionSchema).min(1),
  multiple: z.boolean().default(false),
  minSelected: z.number().int().nonnegative().optional(),
  maxSelected: z.number().int().positive().optional(),
  allowOther: z.boolean().default(false),
  otherLabel: Label.default('其他，具体为'),
  otherLabelEn: Label.default('Other, please specify'),
  otherMaxChars: z.number().int().positive().default(200),
});

export const YearTableRowSchema = z.strictObject({
  id: Id,
  label: Label,
  labelEn: Label.optional(),
  unit: z.string().max(20).optional(),
  unitEn: z.string().max(40).optional(),
  /** number (default) rows are averaged; choice rows (高/较高/一般) are not. */
  type: z.enum(['number', 'choice']).default('number'),
  options: z.array(ChoiceOptionSchema).optional(),
  integer: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A row the applicant may leave blank even when the table is required. */
  optional: z.boolean().default(false),
  help: z.string().max(2000).optional(),
  helpEn: z.string().max(2000).optional(),
});

/** Rows are metrics, columns are years plus a computed 平均值. Answer: { [rowId]: { [year]: value } }. */
export const YearTableFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('yearTable'),
  rows: z.array(YearTableRowSchema).min(1),
  years: z.array(z.number().int().min(1900).max(2200)).min(1),
  /** Column headings that differ from "2022年", e.g. { "2022": "2022年1-6月" }. */
  yearLabels: z.record(z.string(), Label).optional(),
  yearLabelsEn: z.record(z.string(), Label).optional(),
  average: z.boolean().default(true),
  averageLabel: Label.default('平均值'),
  averageLabelEn: Label.default('Average'),
  /** Decimal places the average is rounded to. */
  decimals: z.number().int().min(0).max(6).default(2),
});

export const RegionFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('region'),
  /** GB/T 2260 level the answer must reach (a coarser region with nothing below it also counts). */
  level: z.enum(['province', 'city', 'county']),
  prefill: z.literal('organization.regionCode').optional(),
});

export const IndustryFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('industry'),
  scheme: z.enum(['gb4754-2017', 'strategic-emerging-2018']).default('gb4754-2017'),
  /** The coarsest level accepted: section 门类 / division 大类 / group 中类 / class 小类. */
  level: z.enum(['section', 'division', 'group', 'class']),
  multiple: z.boolean().default(false),
  maxSelected: z.number().int().positive().optional(),
});

/** 技术成熟度 TRL 1–9 (GB/T 22900-2009). Answer: an integer. */
export const TrlFieldSchema = z.strictObject({ ...base, kind: z.literal('trl') });

/** 统一社会信用代码. Answer: an 18-character string. */
export const CreditCodeFieldSchema = z.strictObject({ ...base, kind: z.literal('creditCode'), prefill: z.literal('organization.creditCode').optional() });

/** An uploaded file as the answers hold it; the bytes live in file storage under `id`. */
export const FileRefSchema = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  type: z.string().max(255).default(''),
});
export type FileRef = z.infer<typeof FileRefSchema>;

const Accept = z.array(z.string().regex(/^(\.[A-Za-z0-9]+|[a-z]+\/([a-z0-9.+-]+|\*))$/, 'accept: ".pdf" or "application/pdf" or "image/*"'));

export const FileFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('file'),
  /** Extensions (".pdf") or MIME types ("image/*"); empty means any. */
  accept: Accept.default([]),
  maxSizeMB: z.number().positive().default(20),
  multiple: z.boolean().default(false),
  minFiles: z.number().int().nonnegative().optional(),
  maxFiles: z.number().int().positive().optional(),
});

/** 承诺申明: a statement the applicant must tick on submit. Answer: true. */
export const DeclarationFieldSchema = z.strictObject({
  ...base,
  required: z.boolean().default(true),
  kind: z.literal('declaration'),
  text: z.string().min(1).max(5000),
  textEn: z.string().max(5000).optional(),
  checkboxLabel: Label.default('本单位已阅读并承诺遵守以上申明'),
  checkboxLabelEn: Label.default('We have read and agree to the declaration above'),
});

/** The stamped signature page (申报单位公章 + 年月日). Answer: { file, date }. */
export const SignatureFieldSchema = z.strictObject({
  ...base,
  required: z.boolean().default(true),
  kind: z.literal('signature'),
  /** Whose stamp: 申报单位公章, 推荐单位公章… */
  signer: Label.default('申报单位公章'),
  signerEn: Label.default("applicant's official seal"),
  accept: Accept.default(['.pdf', '.jpg', '.jpeg', '.png']),
  maxSizeMB: z.number().positive().default(10),
});

export type ComputedExpr = { op: 'sum' | 'avg' | 'difference' | 'ratio'; args: Array<string | number | ComputedExpr> };

/**
 * A value derived from others — no eval, only these operations. Arguments are field references
 * (as in conditions, plus `table.row.2021` and `table.row.average` for year-table cells),
 * numbers, or nested expressions: growth = ratio(difference(b, a), a).
 */
export const ComputedExprSchema: z.ZodType<ComputedExpr> = z.lazy(() =>
  z
    .strictObject({
      op: z.enum(['sum', 'avg', 'difference', 'ratio']),
      args: z.array(z.union([z.string().min(1), z.number(), ComputedExprSchema])).min(1),
    })
    .refine((e) => (e.op === 'difference' || e.op === 'ratio' ? e.args.length === 2 : true), 'difference and ratio take exactly two arguments'),
);

export const ComputedFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('computed'),
  expression: ComputedExprSchema,
  unit: z.string().max(20).optional(),
  unitEn: z.string().max(40).optional(),
  /** Multiplies the result, e.g. 100 to show a ratio as %. */
  scale: z.number().default(1),
  decimals: z.number().int().min(0).max(6).default(2),
});

const leafKinds = [
  TextFieldSchema,
  NumberFieldSchema,
  DateFieldSchema,
  ChoiceFieldSchema,
  YearTableFieldSchema,
  RegionFieldSchema,
  IndustryFieldSchema,
  TrlFieldSchema,
  CreditCodeFieldSchema,
  FileFieldSchema,
  DeclarationFieldSchema,
  SignatureFieldSchema,
  ComputedFieldSchema,
] as const;

export const LeafFieldSchema = z.discriminatedUnion('kind', [...leafKinds]);
export type LeafField = z.infer<typeof LeafFieldSchema>;

/** A repeating group (工作经历, 获奖情况…): an answer is an array of items { [fieldId]: value }. */
export const GroupFieldSchema = z.strictObject({
  ...base,
  kind: z.literal('group'),
  fields: z.array(LeafFieldSchema).min(1),
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
  /** What one item is called on its "add" button: 工作经历, 奖项. */
  itemLabel: Label.optional(),
  itemLabelEn: Label.optional(),
});

export const FieldSchema = z.discriminatedUnion('kind', [...leafKinds, GroupFieldSchema]);
export type Field = z.infer<typeof FieldSchema>;
export type GroupField = z.infer<typeof GroupFieldSchema>;
export type FieldKind = Field['kind'];

export const SectionSchema = z.strictObject({
  id: Id,
  title: Label,
  titleEn: Label.optional(),
  description: z.string().max(5000).optional(),
  descriptionEn: z.string().max(5000).optional(),
  /** Who fills the section in: 推荐单位意见 is written by the recommending unit, not the applicant. */
  filledBy: z.enum(['applicant', 'recommender']).default('applicant'),
  visibleIf: ConditionSchema.optional(),
  fields: z.array(FieldSchema).min(1),
});
export type Section = z.infer<typeof SectionSchema>;

export const FormTemplateSchema = z
  .strictObject({
    id: Id,
    version: z.number().int().positive(),
    title: Label,
    titleEn: Label.optional(),
    sections: z.array(SectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    for (const issue of checkTemplate(template)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type FormTemplate = z.infer<typeof FormTemplateSchema>;
/** What a template author writes (defaults not yet filled in). */
export type FormTemplateInput = z.input<typeof FormTemplateSchema>;
