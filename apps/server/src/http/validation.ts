import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { AppError, issuesToFieldErrors } from '@lvping/domain';

/**
 * Validates with the route's zod schema and fails with our AppError, keeping zod's issues
 * so every field gets a message in zh-CN and en (the browser shows the same ones).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  return { error: new AppError('VALIDATION', { fields: issuesToFieldErrors(result.error.issues) }) };
};
