import type { Migration } from 'kysely';
import * as foundation from './20261122000100_foundation.ts';

// Timestamped names sort into the order they run. Add new migrations here.
export const migrations: Record<string, Migration> = {
  '20261122000100_foundation': foundation,
};
