import { z } from 'zod';

export const LocalizedSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

/** The body of every error response. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: LocalizedSchema,
    fields: z.array(z.object({ path: z.string(), message: LocalizedSchema })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
