export * from './instance.ts';
export * from './result.ts';
export * from './solve.ts';
export * from './certificate.ts';
export * from './quality.ts';
export * from './dimacs.ts';
export * from './instance-file.schema.ts';
