import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { programStatuses } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findProgramBySlug, insertProgram } from './program.repository.ts';

const templatesDir = fileURLToPath(new URL('../../../../../templates', import.meta.url));

const TemplateSummarySchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  year: z.number().int(),
  organizers: z.array(z.string()).min(1),
  status: z.enum(programStatuses),
  summary: z.string(),
});

/** The built-in programs in templates/, validated; a bad file stops the start with its name. */
export function readProgramTemplates(): z.infer<typeof TemplateSummarySchema>[] {
  return readdirSync(templatesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = TemplateSummarySchema.safeParse(JSON.parse(readFileSync(`${templatesDir}/${f}`, 'utf8')));
      if (!parsed.success) throw new Error(`templates/${f} is not a valid program: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Loads each built-in program once (by slug); later starts leave organizers' edits alone. */
export async function loadSeedPrograms(deps: Deps): Promise<string[]> {
  const added: string[] = [];
  for (const t of readProgramTemplates()) {
    await deps.db.transaction().execute(async (trx) => {
      if (await findProgramBySlug(trx, t.slug)) return;
      const now = deps.now();
      const id = newId();
      await insertProgram(trx, {
        id, slug: t.slug, name: t.name, year: t.year, organizers_json: JSON.stringify(t.organizers),
        status: t.status, summary: t.summary, definition_json: null, created_at: now, updated_at: now,
      });
      await appendAudit(trx, { actorId: null, action: 'program.seed', entity: 'program', entityId: id, after: t }, now);
      added.push(t.slug);
    });
  }
  return added;
}
