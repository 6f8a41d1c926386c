import { AppError, can, type ApplicationQuery, type ApplicationSummary, type Subject } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { queryProgramApplications, streamProgramApplications, type ProgramApplicationFilter } from './application.repository.ts';
import { toSummary } from './application.service.ts';
import { searchTerms } from './search-text.ts';

/**
 * The filter a reader of a program's applications may use: organizers see every track,
 * a track-scoped reviewer only theirs. Drafts stay private to their applicants.
 */
async function readerFilter(deps: Deps, actor: Actor | null, programId: string, q: Omit<ApplicationQuery, 'page' | 'pageSize'>): Promise<{ filter: ProgramApplicationFilter; trackNames: Map<string, string> }> {
  const program = await findProgramById(deps.db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(program);
  const subject: Subject | null = actor;
  const whole = can(subject, 'application.list', { programId });
  const tracks = whole ? null : def.tracks.filter((t) => can(subject, 'application.list', { programId, trackId: t.id })).map((t) => t.id);
  if (!whole && !tracks!.length) authorize(actor, 'application.list', { programId });
  if (q.status === 'draft') throw new AppError('VALIDATION', { fields: [{ path: 'status', message: { 'zh-CN': '草稿仅申报单位本人可见', en: 'Drafts are visible to their applicants only' } }] });
  const trackNames = new Map(def.tracks.map((t) => [`${programId}/${t.id}`, t.name]));
  return { filter: { programId, trackIds: tracks, trackId: q.trackId, status: q.status, region: q.region, terms: searchTerms(q.q), excludeDrafts: true }, trackNames };
}

export async function listProgramApplications(deps: Deps, actor: Actor | null, programId: string, q: ApplicationQuery): Promise<{ total: number; items: ApplicationSummary[] }> {
  const { filter, trackNames } = await readerFilter(deps, actor, programId, q);
  const { total, rows } = await queryProgramApplications(deps.db, filter, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { total, items: rows.map((r) => toSummary(r, trackNames)) };
}

/** Rows for an export, read in pages as the writer consumes them. */
export async function exportableApplications(deps: Deps, actor: Actor | null, programId: string, q: Omit<ApplicationQuery, 'page' | 'pageSize'>) {
  const { filter } = await readerFilter(deps, actor, programId, q);
  const program = (await findProgramById(deps.db, programId))!;
  return {
    def: programDefinition(program), rows: streamProgramApplications(deps.db, filter),
    /** How many rows the export will have (its progress bar's total). */
    count: async () => (await queryProgramApplications(deps.db, filter, { offset: 0, limit: 1 })).total,
  };
}
