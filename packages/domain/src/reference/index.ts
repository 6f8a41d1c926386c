export * from './regions.ts';
export * from './industry.ts';
export * from './green-catalogue.ts';
