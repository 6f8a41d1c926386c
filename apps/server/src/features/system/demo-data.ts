import { callWindow, formatShanghai, rescheduleProgram, type Role } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { createAccount } from '../auth/auth.service.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { grantRole } from '../access/grant.service.ts';
import { readProgramTemplates } from '../programs/program-templates.ts';
import { findProgramBySlug } from '../programs/program.repository.ts';
import { insertProgramDefinition } from '../programs/program.service.ts';
import { joinDemoUnits } from '../recommendation/demo-units.ts';
import { loadDemoExperts } from '../experts/demo-experts.ts';

const DAY = 86_400_000;

export const DEMO_PASSWORD = 'lvping-demo-2026';

const demoUsers: { email: string; displayName: string; role: Role | null }[] = [
  { email: 'organizer@demo.lvping.local', displayName: '演示主办方', role: 'organizer' },
  { email: 'institution@demo.lvping.local', displayName: '演示初评机构', role: 'review_institution' },
  { email: 'recommender@demo.lvping.local', displayName: '演示推荐单位', role: 'recommender' },
  { email: 'expert@demo.lvping.local', displayName: '演示评审专家', role: 'expert' },
  { email: 'committee@demo.lvping.local', displayName: '演示评选委员会', role: 'committee' },
  { email: 'applicant@demo.lvping.local', displayName: '演示申报企业', role: null },
];

/**
 * The seed programs' calls closed years ago. For trying the product, each gets a demo
 * edition (`<slug>-demo`) with the same forms and rhythm, its call closing 30 days from now.
 */
async function loadDemoEditions(deps: Deps): Promise<void> {
  for (const template of readProgramTemplates()) {
    const slug = `${template.slug}-demo`;
    // The call opened a week ago and stays open at least three more weeks, however long it is.
    const { opensAt, closesAt } = callWindow(template);
    const callDays = Math.round((closesAt - opensAt) / DAY);
    const callEndsOn = formatShanghai(deps.now() + Math.max(21, callDays - 7) * DAY, false);
    await deps.db.transaction().execute(async (trx) => {
      if (await findProgramBySlug(trx, slug)) return;
      // Marked in both languages: an English reader must not take the demo for the real call.
      const def = { ...rescheduleProgram(template, callEndsOn), slug, name: `（演示）${template.name}`, ...(template.nameEn ? { nameEn: `(Demo) ${template.nameEn}` } : {}) };
      await insertProgramDefinition(trx, def, { status: 'open', createdBy: null, now: deps.now() });
    });
  }
}

/** Demo accounts, one per role on every program; for trying the product, never for production. */
export async function loadDemoData(deps: Deps): Promise<string[]> {
  await loadDemoEditions(deps);
  const programs = await deps.db.selectFrom('programs').select('id').execute();
  const created: string[] = [];
  for (const u of demoUsers) {
    if (await findUserByEmail(deps.db, u.email)) continue;
    const userId = await createAccount(deps, { email: u.email, displayName: u.displayName, password: DEMO_PASSWORD }, { actorId: null });
    if (u.role) for (const p of programs) await grantRole(deps, null, { userId, role: u.role, programId: p.id, trackId: null });
    if (u.role === 'recommender') await joinDemoUnits(deps, userId);
    created.push(u.email);
  }
  // The expert pool, with the demo expert account as one of it (added once, by address).
  await loadDemoExperts(deps);
  return created;
}
