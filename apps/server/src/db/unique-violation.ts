import { AppError } from '@lvping/domain';

/** A write refused by a unique index (SQLite "UNIQUE constraint failed", PostgreSQL "duplicate key"). */
export const isUniqueViolation = (e: unknown): boolean => !(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error)?.message));
