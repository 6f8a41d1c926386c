import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShanghai } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { createOrganization } from '../src/features/organizations/organization.service.ts';
import { createApplication } from '../src/features/applications/application.service.ts';
import { setStatusIfCurrent } from '../src/features/applications/application.repository.ts';
import { actorOf } from './support/journey.ts';
import { applicantAccount, creditCode, stampedPage, unitIds, unitMember } from './support/recommendation-fixture.ts';
import type { Actor } from '../src/context.ts';

// 河南 2025 from its template: the 19 city teams, ≥3 per track per city, and the organizer's
// compliance view — who is short, and which cities entered every track (优秀组织奖).

const CITY_TRACKS = ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji'];

describeEachEngine('recommendation: 河南 city compliance', (engine) => {
  let h: Harness;
  let organizer: Client;
  let programId: string;
  let cities: Record<string, string>;
  let applicant: { client: Client; actor: Actor };
  const members: Record<string, Client> = {};
  let n = 0;

  /** A submitted entry of a new enterprise on `trackId`, naming `city` (or none). The 附件1 form is long: setup sets the status directly. */
  async function entry(trackId: string, city?: string): Promise<string> {
    const org = await createOrganization(h.deps, applicant.actor, {
      name: `河南企业${++n}`, creditCode: creditCode(5000 + n), regionCode: '410100', kind: 'enterprise', address: '河南',
      contactName: '企业联系人', contactPhone: '0371-12345678', contactEmail: applicant.actor.email,
    });
    const app = await createApplication(h.deps, applicant.actor, { programId, trackId, organizationId: org.id, unitId: city && cities[city] });
    assert.ok(await setStatusIfCurrent(h.deps.db, app.id, { statuses: ['draft'] }, { status: 'submitted', submitted_at: h.deps.now(), updated_at: h.deps.now() }));
    return app.id;
  }

  async function endorse(city: string, trackId: string, count: number) {
    for (let i = 0; i < count; i++) {
      const id = await entry(trackId, city);
      const r = await members[city].post(`/api/recommendation/candidates/${id}/endorse`, { opinion: `${city}推荐`, stampedFileId: await stampedPage(members[city], id) });
      assert.equal(r.statusCode, 200, r.body);
    }
  }

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    organizer = h.client();
    await organizer.login(first.email, first.password);
    const admin = await actorOf(h, organizer);
    const callEndsOn = formatShanghai(Date.now() + 10 * 86_400_000, false);
    const created = await createProgram(h.deps, admin, { from: 'template', templateSlug: 'henan-green-2025', slug: 'henan-test', callEndsOn });
    programId = (await setProgramStatus(h.deps, admin, created.id, 'open')).id;
    applicant = await applicantAccount(h, 'henan-applicant@example.com');
    cities = await unitIds(applicant.client, programId);
    for (const [city, mail] of [['郑州市', 'zhengzhou'], ['开封市', 'kaifeng'], ['洛阳市', 'luoyang']]) members[city] = (await unitMember(h, `${mail}@example.com`, cities[city], programId)).client;
  });
  after(() => h.close());

  test('the template gives 19 city teams, each owing at least 3 per city track, with no cap', async () => {
    assert.equal(Object.keys(cities).length, 19);
    const list = (await organizer.get(`/api/programs/${programId}/recommending-units`)).json();
    assert.equal(list.unitKind, 'city');
    assert.deepEqual(list.units.slice(0, 2).map((u: { name: string; regionCode: string }) => [u.name, u.regionCode]), [['郑州市', '410100'], ['开封市', '410200']]);
    assert.deepEqual(list.units.map((u: { name: string }) => u.name).slice(-2), ['济源示范区', '航空港区']);
    assert.deepEqual(list.units[0].quotas.map((q: { trackId: string; limit: number | null; min: number | null }) => [q.trackId, q.limit, q.min]), CITY_TRACKS.map((t) => [t, null, 3]));
  });

  test('compliance: short of the minimum, quota used per city, and who entered every track', async () => {
    for (const t of CITY_TRACKS) await endorse('郑州市', t, 3);
    await endorse('郑州市', 'qingjie', 1); // a 4th: a minimum is no cap
    for (const t of CITY_TRACKS) await endorse('开封市', t, 1);
    for (const t of CITY_TRACKS.slice(0, 3)) await endorse('洛阳市', t, 3);
    const declined = await entry('lvse-sheji', '洛阳市');
    assert.equal((await members['洛阳市'].post(`/api/recommendation/candidates/${declined}/decline`, { reason: '不属于制造业企业' })).statusCode, 200);
    await entry('qingjie', '郑州市'); // waiting for 郑州's decision
    await entry('qingjie'); // names no city yet
    await entry('gongyingshang'); // 典型案例: direct, never a city's

    const r = await organizer.get(`/api/programs/${programId}/recommendation/compliance`);
    assert.equal(r.statusCode, 200, r.body);
    const c = r.json();
    assert.deepEqual(c.tracks.map((t: { id: string; min: number; max: number | null }) => [t.id, t.min, t.max]), CITY_TRACKS.map((t) => [t, 3, null]));
    const row = (name: string) => c.units.find((u: { name: string }) => u.name === name);
    const used = (name: string) => row(name).quotas.map((q: { used: number }) => q.used);
    assert.deepEqual(used('郑州市'), [4, 3, 3, 3]);
    assert.deepEqual(used('开封市'), [1, 1, 1, 1]);
    assert.deepEqual(used('洛阳市'), [3, 3, 3, 0]);
    assert.deepEqual([row('郑州市').enteredEveryTrack, row('郑州市').metEveryMinimum], [true, true]);
    assert.deepEqual([row('开封市').enteredEveryTrack, row('开封市').metEveryMinimum], [true, false]);
    assert.deepEqual([row('洛阳市').enteredEveryTrack, row('洛阳市').tracksEntered], [false, 3]);
    assert.deepEqual(c.units.filter((u: { enteredEveryTrack: boolean }) => u.enteredEveryTrack).map((u: { name: string }) => u.name), ['郑州市', '开封市'], 'the 优秀组织奖 candidates');
    assert.deepEqual([row('郑州市').quotas[0].pending, row('洛阳市').quotas[3].declined], [1, 1]);
    assert.equal(c.unassigned, 1, 'the entry naming no city; the direct 典型案例 is not counted');

    const short = (name: string) => c.short.filter((s: { unitName: string }) => s.unitName === name).map((s: { trackId: string; short: number }) => [s.trackId, s.short]);
    assert.deepEqual(short('郑州市'), []);
    assert.deepEqual(short('开封市'), CITY_TRACKS.map((t) => [t, 2]));
    assert.deepEqual(short('洛阳市'), [['lvse-sheji', 3]]);
    assert.equal(c.short.length, 4 + 1 + 16 * 4, 'the 16 cities that entered nothing are short everywhere');
  });

  test('compliance is the organizer\'s: applicants and city teams get 403', async () => {
    assert.equal((await applicant.client.get(`/api/programs/${programId}/recommendation/compliance`)).statusCode, 403);
    assert.equal((await members['郑州市'].get(`/api/programs/${programId}/recommendation/compliance`)).statusCode, 403);
    assert.equal((await members['郑州市'].get(`/api/programs/${programId}/recommending-units`)).statusCode, 403);
  });
});
