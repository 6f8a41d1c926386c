export * from './errors.ts';
export * from './api/error.schema.ts';
export * from './api/zod-issues.ts';
export * from './access/roles.ts';
export * from './auth/auth.schema.ts';
export * from './program/program-summary.schema.ts';
export * from './form/index.ts';
export * from './reference/index.ts';
