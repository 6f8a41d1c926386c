import type { Role } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { createAccount } from '../auth/auth.service.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { grantRole } from '../access/grant.service.ts';

export const DEMO_PASSWORD = 'lvping-demo-2026';

const demoUsers: { email: string; displayName: string; role: Role | null }[] = [
  { email: 'organizer@demo.lvping.local', displayName: '演示主办方', role: 'organizer' },
  { email: 'institution@demo.lvping.local', displayName: '演示初评机构', role: 'review_institution' },
  { email: 'recommender@demo.lvping.local', displayName: '演示推荐单位', role: 'recommender' },
  { email: 'expert@demo.lvping.local', displayName: '演示评审专家', role: 'expert' },
  { email: 'committee@demo.lvping.local', displayName: '演示评选委员会', role: 'committee' },
  { email: 'applicant@demo.lvping.local', displayName: '演示申报企业', role: null },
];

/** Demo accounts, one per role on every seed program; for trying the product, never for production. */
export async function loadDemoData(deps: Deps): Promise<string[]> {
  const programs = await deps.db.selectFrom('programs').select('id').execute();
  const created: string[] = [];
  for (const u of demoUsers) {
    if (await findUserByEmail(deps.db, u.email)) continue;
    const userId = await createAccount(deps, { email: u.email, displayName: u.displayName, password: DEMO_PASSWORD }, { actorId: null });
    if (u.role) for (const p of programs) await grantRole(deps, null, { userId, role: u.role, programId: p.id, trackId: null });
    created.push(u.email);
  }
  return created;
}
