import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateProgramRequestSchema, ExportQuerySchema, ProgramDetailSchema, ProgramIdParamsSchema, ProgramListResponseSchema,
  ProgramSlugParamsSchema, ProgramTemplateListSchema, SetProgramStatusRequestSchema, UpdateDefinitionRequestSchema,
  ValidateDefinitionRequestSchema, ValidateDefinitionResponseSchema, parseDefinitionText,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { contentDisposition } from '../../http/download.ts';
import { createProgram, exportProgram, getProgram, listManageablePrograms, listPrograms, listTemplates, setProgramStatus, updateDefinition } from './program.service.ts';

export function programRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];

  r.get('/api/programs', { schema: { tags, summary: 'Published programs (public)', response: { 200: ProgramListResponseSchema } } }, async () => ({
    programs: await listPrograms(deps),
  }));

  r.get('/api/programs/manageable', { schema: { tags, summary: 'Programs I may configure, drafts included', response: { 200: ProgramListResponseSchema } } }, async (req) => ({
    programs: await listManageablePrograms(deps, requireActor(req)),
  }));

  r.get('/api/programs/templates', { schema: { tags, summary: 'Built-in program templates', response: { 200: ProgramTemplateListSchema } } }, async (req) => ({
    templates: listTemplates(requireActor(req)),
  }));

  r.get('/api/programs/by-slug/:slug', { schema: { tags, summary: 'A program by its slug (its call page)', params: ProgramSlugParamsSchema, response: { 200: ProgramDetailSchema } } }, async (req) =>
    getProgram(deps, req.actor, { slug: req.params.slug }));

  r.get('/api/programs/:programId', { schema: { tags, summary: 'A program', params: ProgramIdParamsSchema, response: { 200: ProgramDetailSchema } } }, async (req) =>
    getProgram(deps, req.actor, { id: req.params.programId }));

  r.post('/api/programs', { schema: { tags, summary: 'Create a program from a template or a JSON/YAML definition', body: CreateProgramRequestSchema, response: { 200: ProgramDetailSchema } } }, async (req) =>
    createProgram(deps, requireActor(req), req.body, req.id));

  r.post('/api/programs/validate', { schema: { tags, summary: 'Validate a definition; lists every problem', body: ValidateDefinitionRequestSchema, response: { 200: ValidateDefinitionResponseSchema } } }, async (req) => {
    requireActor(req);
    const parsed = parseDefinitionText(req.body.text, req.body.format);
    return parsed.ok ? { ok: true, problems: [] } : { ok: false, problems: parsed.problems };
  });

  r.put('/api/programs/:programId/definition', { schema: { tags, summary: 'Replace the definition (forms get new versions when changed)', params: ProgramIdParamsSchema, body: UpdateDefinitionRequestSchema, response: { 200: ProgramDetailSchema } } }, async (req) =>
    updateDefinition(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.post('/api/programs/:programId/status', { schema: { tags, summary: 'Publish, close or unpublish the call', params: ProgramIdParamsSchema, body: SetProgramStatusRequestSchema, response: { 200: ProgramDetailSchema } } }, async (req) =>
    setProgramStatus(deps, requireActor(req), req.params.programId, req.body.status, req.id));

  r.get('/api/programs/:programId/export', { schema: { tags, summary: 'Download the definition as YAML or JSON', params: ProgramIdParamsSchema, querystring: ExportQuerySchema } }, async (req, reply) => {
    const { filename, text } = await exportProgram(deps, requireActor(req), req.params.programId, req.query.format);
    return reply
      .header('content-type', req.query.format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
      .header('content-disposition', contentDisposition(filename))
      .send(text);
  });
}
