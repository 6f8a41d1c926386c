export * from './regions.ts';
export * from './industry.ts';
