import { z } from 'zod';
import { ProgramDefinitionSchema } from './program-definition.schema.ts';
import { programStatuses } from './program-summary.schema.ts';
import { LocalizedSchema } from '../api/error.schema.ts';

// Requests and responses of /api/programs/*, shared by the server's routes and the web app.

export const DefinitionFormatSchema = z.enum(['json', 'yaml']);

/** A program as its call page and the organizer's editor see it. */
export const ProgramDetailSchema = z.object({
  id: z.string(),
  slug: z.string(),
  status: z.enum(programStatuses),
  definition: ProgramDefinitionSchema,
  /** The current version of each form; a submitted application keeps the one it was filled against. */
  formVersions: z.record(z.string(), z.number().int()),
  /** Epoch ms, from the call phase in Asia/Shanghai. */
  callOpensAt: z.number(),
  callClosesAt: z.number(),
  updatedAt: z.number(),
  /** What the asking user may do here (the UI hides what the server would refuse). */
  canConfigure: z.boolean(),
  /** The statuses the program may move to next (program-status.ts): one step along its phases. */
  nextStatuses: z.array(z.enum(programStatuses)),
  /** The status the phases' dates suggest now; shown beside the real one, it moves nothing. */
  calendarStatus: z.enum(programStatuses),
});
export type ProgramDetail = z.infer<typeof ProgramDetailSchema>;

export const ProgramTemplateListSchema = z.object({
  templates: z.array(z.object({ slug: z.string(), name: z.string(), year: z.number(), tracks: z.number() })),
});

export const CreateProgramRequestSchema = z.discriminatedUnion('from', [
  /** A copy of a built-in template, optionally for another year under another slug. */
  z.strictObject({ from: z.literal('template'), templateSlug: z.string().min(1).max(64), slug: z.string().min(2).max(64).optional(), name: z.string().min(1).max(500).optional() }),
  z.strictObject({ from: z.literal('text'), format: DefinitionFormatSchema, text: z.string().min(1).max(5_000_000) }),
  /** A copy of an existing program (one the creator may read) under a new slug, as a draft. */
  z.strictObject({ from: z.literal('copy'), programId: z.string().min(1).max(100), slug: z.string().min(2).max(64), name: z.string().trim().min(1).max(500).optional(), year: z.number().int().min(2000).max(2100).optional() }),
  /** From scratch: a minimal program to grow in the definition editor. */
  z.strictObject({ from: z.literal('blank'), slug: z.string().min(2).max(64), name: z.string().trim().min(1).max(500), year: z.number().int().min(2000).max(2100) }),
]);
export type CreateProgramRequest = z.infer<typeof CreateProgramRequestSchema>;

/** Replace the definition. `baseUpdatedAt` guards against overwriting someone else's edit. */
export const UpdateDefinitionRequestSchema = z.strictObject({
  format: DefinitionFormatSchema,
  text: z.string().min(1).max(5_000_000),
  baseUpdatedAt: z.number(),
});

export const ValidateDefinitionRequestSchema = z.strictObject({ format: DefinitionFormatSchema, text: z.string().max(5_000_000) });
export const ValidateDefinitionResponseSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: LocalizedSchema })),
});

export const SetProgramStatusRequestSchema = z.strictObject({ status: z.enum(programStatuses) });

export const ProgramIdParamsSchema = z.strictObject({ programId: z.string().min(1).max(100) });
export const ProgramSlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(100) });
export const ExportQuerySchema = z.strictObject({ format: DefinitionFormatSchema.default('yaml') });

/** 活动创建者: who holds the platform-wide grant to start programs (a platform admin's list). */
export const ProgramCreatorListSchema = z.object({
  creators: z.array(z.object({ grantId: z.string(), userId: z.string(), email: z.string(), displayName: z.string(), grantedAt: z.number() })),
});
export const AddProgramCreatorRequestSchema = z.strictObject({ email: z.email().max(254) });
export const GrantIdParamsSchema = z.strictObject({ grantId: z.string().min(1).max(100) });
