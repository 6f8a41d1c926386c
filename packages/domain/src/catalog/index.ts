export * from './catalog-fields.schema.ts';
export * from './catalog-status.ts';
export * from './catalog-search.ts';
export * from './catalog-api.schema.ts';
