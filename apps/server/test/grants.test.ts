import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { loadSeedPrograms } from '../src/features/programs/program.service.ts';
import { resolveSession } from '../src/features/auth/auth.service.ts';
import type { Actor } from '../src/context.ts';

describeEachEngine('roles are granted through one guarded service', (engine) => {
  let h: Harness;
  let programs: { id: string; slug: string }[];
  const actorOf = async (c: ReturnType<Harness['client']>): Promise<Actor> => {
    const r = await resolveSession(h.deps, c.cookies.get('lvping_session'));
    assert.equal(r.state, 'ok');
    return (r as { actor: Actor }).actor;
  };
  before(async () => {
    h = await startHarness(engine);
    await loadSeedPrograms(h.deps);
    programs = await h.deps.db.selectFrom('programs').select(['id', 'slug']).orderBy('slug').execute();
  });
  after(() => h.close());

  test('the first start makes one admin with a one-time password, and only once', async () => {
    const first = await ensureFirstAdmin(h.deps);
    assert.ok(first && first.password.length >= 12);
    assert.equal(await ensureFirstAdmin(h.deps), null);
    const c = h.client();
    const r = await c.login(first.email, first.password);
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().user.mustChangePassword, true);
    assert.deepEqual(r.json().user.grants, [{ role: 'platform_admin', programId: null, trackId: null }]);
  });

  test('an organizer grants roles on their own program, not on another, and never platform admin', async () => {
    const [p1, p2] = programs;
    const org = h.client();
    await org.register('org@example.com');
    const orgActor = await actorOf(org);
    await grantRole(h.deps, null, { userId: orgActor.userId, role: 'organizer', programId: p1.id, trackId: null });
    const organizer = await actorOf(org);

    const ex = h.client();
    await ex.register('expert@example.com');
    const expertId = (await actorOf(ex)).userId;
    await grantRole(h.deps, organizer, { userId: expertId, role: 'expert', programId: p1.id, trackId: 'track-a' });
    assert.deepEqual((await ex.get('/api/auth/me')).json().grants, [{ role: 'expert', programId: p1.id, trackId: 'track-a' }]);

    const refused = async (input: Parameters<typeof grantRole>[2], code: string) =>
      assert.rejects(grantRole(h.deps, organizer, input), (e: unknown) => e instanceof AppError && e.code === code);
    await refused({ userId: expertId, role: 'expert', programId: p2.id, trackId: null }, 'FORBIDDEN');
    await refused({ userId: expertId, role: 'platform_admin', programId: null, trackId: null }, 'FORBIDDEN');
    await refused({ userId: expertId, role: 'expert', programId: null, trackId: null }, 'VALIDATION');
    await refused({ userId: 'no-such-user', role: 'expert', programId: p1.id, trackId: null }, 'NOT_FOUND');
    // An expert cannot hand out roles at all.
    await assert.rejects(grantRole(h.deps, await actorOf(ex), { userId: expertId, role: 'organizer', programId: p1.id, trackId: null }), (e: unknown) => (e as AppError).code === 'FORBIDDEN');
    const grants = await h.deps.db.selectFrom('grants').select('role').where('user_id', '=', expertId).execute();
    assert.equal(grants.length, 1, 'refusals changed nothing');
  });
});
