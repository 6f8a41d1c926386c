export * from './match-profile.schema.ts';
export * from './match-filters.ts';
export * from './matching.ts';
export * from './match-source.ts';
export * from './interest-status.ts';
export * from './match-api.schema.ts';
