import type { Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { listAllPrograms } from '../programs/program.repository.ts';
import { loadProgramRec, programUnits } from './recommendation-access.ts';
import { addMember, insertUnit } from './unit.repository.ts';

/**
 * Demo data only: the demo recommender acts for a unit in every demo edition that has a
 * recommendation step — the first unit the call names (河南: 郑州市), or a demo unit in the
 * program's first channel — so the recommender's pages have something to show.
 */
export async function joinDemoUnits(deps: Deps, userId: string): Promise<void> {
  const now = deps.now();
  for (const p of await listAllPrograms(deps.db)) {
    if (!p.slug.endsWith('-demo') || !p.definition_json) continue;
    const rec = await loadProgramRec(deps.db, p.id);
    if (!rec.def.recommendation) continue;
    let unitId = (await programUnits(deps.db, rec, now))[0]?.id;
    if (!unitId) {
      unitId = newId();
      await insertUnit(deps.db, {
        id: unitId, program_id: p.id, definition_unit_id: null, name: '演示推荐单位', region_code: '110000',
        channels_json: JSON.stringify(rec.block.channels.slice(0, 1).map((c) => c.id)), contacts_json: '[]', admin_emails_json: '[]',
        invite_token_hash: null, created_at: now, updated_at: now,
      });
    }
    await addMember(deps.db, unitId, userId, now);
  }
}
