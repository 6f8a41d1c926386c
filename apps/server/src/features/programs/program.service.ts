import type { ProgramSummary } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import type { ProgramsTable } from '../../db/schema.ts';
import { listPublicPrograms } from './program.repository.ts';

export function toSummary(row: ProgramsTable): ProgramSummary {
  return {
    id: row.id, slug: row.slug, name: row.name, year: row.year,
    organizers: JSON.parse(row.organizers_json) as string[],
    status: row.status as ProgramSummary['status'], summary: row.summary,
  };
}

/** Programs anyone may see: every one whose call has been published. */
export async function listPrograms(deps: Deps): Promise<ProgramSummary[]> {
  return (await listPublicPrograms(deps.db)).map(toSummary);
}
