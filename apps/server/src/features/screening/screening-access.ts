import { AppError, can, type ProgramDefinition, type Track } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { isOwner, isPrivateDraft } from '../applications/application-access.ts';
import { findApplication, type ApplicationRow } from '../applications/application.repository.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';

export type Screenable = { row: ApplicationRow; def: ProgramDefinition; track: Track };

export async function programAndTrack(deps: Deps, programId: string, trackId?: string): Promise<{ def: ProgramDefinition; track?: Track }> {
  const program = await findProgramById(deps.db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(program);
  if (trackId === undefined) return { def };
  const track = def.tracks.find((t) => t.id === trackId);
  if (!track) throw new AppError('NOT_FOUND', { fields: [{ path: 'trackId', message: { 'zh-CN': '没有这个赛道/榜单', en: 'No such track' } }] });
  return { def, track };
}

/**
 * An application as a screener may work it: the role matrix's 'application.screen' on its
 * program and track. Its applicant and readers who may not screen are refused (403); anyone
 * else learns nothing, not even that it exists (404). Drafts are nobody's business but the applicant's.
 */
export async function loadForScreening(deps: Deps, actor: Actor | null, id: string): Promise<Screenable> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findApplication(deps.db, id);
  if (!row || isPrivateDraft(row)) throw new AppError(row && isOwner(actor, row) ? 'FORBIDDEN' : 'NOT_FOUND');
  const scope = { programId: row.program_id, trackId: row.track_id };
  if (!can(actor, 'application.screen', scope)) {
    throw new AppError(isOwner(actor, row) || can(actor, 'application.list', scope) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  const { def, track } = await programAndTrack(deps, row.program_id, row.track_id);
  return { row, def, track: track! };
}
