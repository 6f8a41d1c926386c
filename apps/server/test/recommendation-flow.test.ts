import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShanghai } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, multipart, samplePdf } from './support/journey.ts';
import { addMember } from '../src/features/recommendation/unit.repository.ts';
import { applicantAccount, creditCode, openRecProgram, recProgram, stampedPage, submittedCandidate, unitIds, unitMember } from './support/recommendation-fixture.ts';
import type { Actor } from '../src/context.ts';

// 推荐 end to end over HTTP: the applicant names its unit, the unit sees its own candidates only,
// endorses with its opinion and stamped page or declines with a reason, within its quota.

describeEachEngine('recommendation: naming a unit, endorsing, declining', (engine) => {
  let h: Harness;
  let admin: Actor;
  let organizer: Client;
  let programId: string;
  let units: Record<string, string>;
  let applicant: { client: Client; actor: Actor };
  let jia: { client: Client; actor: Actor };
  let yi: { client: Client; actor: Actor };
  let n = 0;
  const candidate = (trackId: string, unit: string | undefined) => submittedCandidate(h, applicant.actor, programId, trackId, unit && units[unit], ++n);
  const ledger = async () => (await h.deps.db.selectFrom('quota_usage').selectAll().execute()).map((r) => `${r.unit_id}/${r.track_id}=${r.used}`).sort();
  const auditCount = async () => Number((await h.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    // Sessions outlive the clock moved past the deadline below.
    h = await startHarness(engine, { auth: { sessionTtlMs: 60 * 86_400_000 } as never });
    const first = (await ensureFirstAdmin(h.deps))!;
    organizer = h.client();
    await organizer.login(first.email, first.password);
    admin = await actorOf(h, organizer);
    programId = await openRecProgram(h, admin, recProgram('rec-flow'));
    applicant = await applicantAccount(h, 'applicant@example.com');
    units = await unitIds(applicant.client, programId);
    jia = await unitMember(h, 'jia@example.com', units['甲单位'], programId);
    yi = await unitMember(h, 'yi@example.com', units['乙单位'], programId);
  });
  after(() => h.close());

  test('the applicant names its unit: from the list, through the unit link, never on a direct track', async () => {
    const choices = (await applicant.client.get(`/api/programs/${programId}/recommending-units/choices`)).json();
    assert.deepEqual(choices.units.map((u: { name: string }) => u.name), ['甲单位', '乙单位', '丙单位'], 'in the order the definition names them');
    assert.deepEqual(choices.units[1].channels.map((c: { name: string }) => c.name), ['渠道一', '渠道二']);
    assert.equal(choices.units[0].contacts, undefined, 'applicants see no contacts');

    const id = await candidate('rec', '甲单位');
    const view = (await applicant.client.get(`/api/applications/${id}/recommendation`)).json();
    assert.deepEqual([view.takesRecommendation, view.unit.name, view.nomination.status, view.canChange], [true, '甲单位', 'pending', true]);

    const link = await yi.client.post(`/api/recommendation/units/${units['乙单位']}/invite-link`, {});
    assert.equal(link.statusCode, 200, link.body);
    const { token, url } = link.json();
    assert.ok(url.endsWith(token));
    const info = (await applicant.client.get(`/api/recommendation/invites/${token}`)).json();
    assert.deepEqual([info.unitName, info.programId, info.tracks.map((t: { id: string }) => t.id)], ['乙单位', programId, ['rec', 'rec2']]);
    const moved = await applicant.client.put(`/api/applications/${id}/recommendation`, { inviteToken: token });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().unit.name, '乙单位');

    const refused: [unknown, number, string][] = [
      [{ unitId: 'forged-unit' }, 400, 'VALIDATION'],
      [{ inviteToken: 'x'.repeat(32) }, 400, 'TOKEN_INVALID'],
      [{ unitId: units['甲单位'], inviteToken: token }, 400, 'VALIDATION'],
      [{}, 400, 'VALIDATION'],
    ];
    for (const [body, status, code] of refused) {
      const r = await applicant.client.put(`/api/applications/${id}/recommendation`, body);
      assert.deepEqual([r.statusCode, r.json().error.code], [status, code], JSON.stringify(body));
    }
    assert.equal((await applicant.client.get(`/api/applications/${id}/recommendation`)).json().unit.name, '乙单位', 'nothing changed');
    assert.equal((await jia.client.put(`/api/applications/${id}/recommendation`, { unitId: units['甲单位'] })).statusCode, 404, "someone else's application");
    const org = await applicant.client.post('/api/organizations', {
      name: '经由 HTTP 的企业', creditCode: creditCode(900), regionCode: '410100', kind: 'enterprise', address: '郑州市', contactName: '赵六', contactPhone: '0371-87654321', contactEmail: 'applicant@example.com',
    });
    const create = (trackId: string) => applicant.client.post('/api/applications', { programId, trackId, organizationId: org.json().id, unitId: units['丙单位'] });
    const direct = await create('direct');
    assert.deepEqual([direct.statusCode, direct.json().error.fields[0].path], [400, 'unitId'], 'a direct track has no recommending unit');
    const withUnit = await create('rec');
    assert.equal(withUnit.statusCode, 200, withUnit.body);
    assert.equal((await applicant.client.get(`/api/applications/${withUnit.json().id}/recommendation`)).json().unit.name, '丙单位', 'named with the draft');
    assert.equal((await applicant.client.get(`/api/recommendation/invites/${'y'.repeat(32)}`)).json().error.code, 'TOKEN_INVALID');
  });

  test('a unit sees and decides on its own candidates only', async () => {
    const mine = await candidate('rec2', '甲单位');
    const theirs = await candidate('rec2', '乙单位');
    const list = await jia.client.get(`/api/recommendation/units/${units['甲单位']}/candidates`);
    assert.equal(list.statusCode, 200, list.body);
    const ids = list.json().items.map((i: { applicationId: string }) => i.applicationId);
    assert.ok(ids.includes(mine) && !ids.includes(theirs));
    for (const r of [
      await jia.client.get(`/api/recommendation/units/${units['乙单位']}/candidates`),
      await jia.client.get(`/api/recommendation/candidates/${theirs}`),
      await jia.client.post(`/api/recommendation/candidates/${theirs}/decline`, { reason: '不属于本单位' }),
      await jia.client.post(`/api/recommendation/candidates/${theirs}/endorse`, { opinion: '同意', stampedFileId: 'x' }),
      await applicant.client.get(`/api/recommendation/units/${units['甲单位']}/candidates`),
      await jia.client.get('/api/recommendation/candidates/forged-application-id'),
    ]) assert.equal(r.statusCode, 404, r.body);
    assert.equal((await applicant.client.get(`/api/applications/${theirs}`)).json().status, 'submitted', 'untouched');

    const noStamp = await jia.client.post(`/api/recommendation/candidates/${mine}/endorse`, { opinion: '同意推荐', stampedFileId: 'nope' });
    assert.deepEqual([noStamp.statusCode, noStamp.json().error.fields[0].path], [400, 'stampedFileId']);
    const stamp = await stampedPage(jia.client, mine);
    const endorsed = await jia.client.post(`/api/recommendation/candidates/${mine}/endorse`, { opinion: '该技术成熟，同意推荐。', stampedFileId: stamp });
    assert.equal(endorsed.statusCode, 200, endorsed.body);
    const body = endorsed.json();
    assert.deepEqual([body.application.status, body.nomination.status, body.nomination.opinion, body.nomination.stampedFile.name], ['endorsed', 'endorsed', '该技术成熟，同意推荐。', '推荐意见（盖章）.pdf']);
    assert.deepEqual([body.quota.used, body.quota.min, body.quota.short], [1, 2, 1]);
    const file = await jia.client.get(`/api/recommendation/candidates/${mine}/files/${stamp}`);
    assert.equal(file.statusCode, 200);

    const seen = (await applicant.client.get(`/api/applications/${mine}/recommendation`)).json();
    assert.deepEqual([seen.nomination.status, seen.canChange], ['endorsed', false]);
    assert.equal((await applicant.client.put(`/api/applications/${mine}/recommendation`, { unitId: units['乙单位'] })).statusCode, 409, 'decided: the unit is fixed');

    const other = await candidate('rec2', '乙单位');
    assert.equal((await yi.client.post(`/api/recommendation/candidates/${other}/decline`, { reason: '' })).statusCode, 400, 'a reason is required');
    const declined = await yi.client.post(`/api/recommendation/candidates/${other}/decline`, { reason: '技术成熟度不足' });
    assert.equal(declined.statusCode, 200, declined.body);
    const detail = (await applicant.client.get(`/api/applications/${other}`)).json();
    assert.deepEqual([detail.status, detail.timeline.at(-1).note], ['declined', '技术成熟度不足']);
  });

  test('replayed and forged decisions get 4xx and change nothing', async () => {
    const id = await candidate('rec', '乙单位');
    const stamp = await stampedPage(yi.client, id);
    assert.equal((await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp })).statusCode, 200);
    const [ledgerBefore, auditBefore] = [await ledger(), await auditCount()];
    const replays = [
      await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp }),
      await yi.client.post(`/api/recommendation/candidates/${id}/decline`, { reason: '改变主意' }),
      await yi.client.upload(`/api/recommendation/candidates/${id}/stamped-page`, multipart('p.pdf', samplePdf, 'application/pdf')),
      await yi.client.post('/api/recommendation/candidates/forged/endorse', { opinion: '同意', stampedFileId: stamp }),
      await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp, extra: 1 }),
    ];
    assert.deepEqual(replays.map((r) => r.statusCode), [409, 409, 409, 404, 400]);
    assert.deepEqual(await ledger(), ledgerBefore, 'the quota ledger did not move');
    assert.equal(await auditCount(), auditBefore, 'nothing was recorded');
    assert.equal((await h.deps.db.selectFrom('nominations').selectAll().where('application_id', '=', id).execute()).length, 1);
  });

  test('returned after endorsement, the resubmitted revision goes back to screening with its endorsement', async () => {
    const id = await candidate('rec', '乙单位');
    assert.equal((await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: await stampedPage(yi.client, id) })).statusCode, 200);
    const ledgerBefore = await ledger();
    const view = (await organizer.get(`/api/applications/${id}/screening`)).json();
    const returned = await organizer.post(`/api/applications/${id}/screening/decision`, { outcome: 'return', baseRevision: view.revision, comments: '请补充项目名称的全称' });
    assert.equal(returned.statusCode, 200, returned.body);
    const draft = (await applicant.client.get(`/api/applications/${id}`)).json();
    assert.equal(draft.status, 'returned');
    const saved = await applicant.client.put(`/api/applications/${id}/draft`, { answers: { ...draft.answers, s: { ...(draft.answers.s ?? {}), name: '项目名称全称' } }, baseRevision: draft.revision });
    assert.equal(saved.statusCode, 200, saved.body);
    const resubmitted = await applicant.client.post(`/api/applications/${id}/submit`, { baseRevision: saved.json().revision });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);
    assert.equal(resubmitted.json().status, 'endorsed', 'the standing endorsement is not asked for again');
    assert.deepEqual(await ledger(), ledgerBefore, 'and takes no second quota place');
    const again = (await organizer.get(`/api/applications/${id}/screening`)).json();
    const passed = await organizer.post(`/api/applications/${id}/screening/decision`, { outcome: 'pass', baseRevision: again.revision });
    assert.equal(passed.statusCode, 200, passed.body);
    assert.equal((await applicant.client.get(`/api/applications/${id}`)).json().status, 'eligible');
  });

  test('withdrawing an endorsed application gives its place back to the unit', async () => {
    const id = await candidate('rec2', '乙单位');
    assert.equal((await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: await stampedPage(yi.client, id) })).statusCode, 200);
    const used = async () => (await h.deps.db.selectFrom('quota_usage').select('used').where('unit_id', '=', units['乙单位']).where('track_id', '=', 'rec2').executeTakeFirst())?.used ?? 0;
    const before = await used();
    assert.equal((await applicant.client.post(`/api/applications/${id}/withdraw`, { reason: '项目调整' })).statusCode, 200);
    assert.equal(await used(), before - 1);
    assert.equal((await applicant.client.post(`/api/applications/${id}/withdraw`, { reason: '再撤一次' })).statusCode, 409, 'a replay gives nothing back twice');
    assert.equal(await used(), before - 1);
  });

  test('an applicant cannot endorse itself, and a member needs the recommender role', async () => {
    // The 甲 member applies too, naming its own unit.
    const own = await submittedCandidate(h, jia.actor, programId, 'rec2', units['甲单位'], ++n);
    const stamp = await stampedPage(jia.client, own);
    const self = await jia.client.post(`/api/recommendation/candidates/${own}/endorse`, { opinion: '自荐', stampedFileId: stamp });
    assert.deepEqual([self.statusCode, self.json().error.code], [403, 'FORBIDDEN']);
    assert.equal((await jia.client.get(`/api/applications/${own}`)).json().status, 'submitted');

    const noGrant = h.client();
    await noGrant.register('member-without-role@example.com');
    await addMember(h.deps.db, units['甲单位'], (await actorOf(h, noGrant)).userId, Date.now());
    const r = await noGrant.post(`/api/recommendation/candidates/${own}/decline`, { reason: '无权限的尝试' });
    assert.equal(r.statusCode, 403);
  });

  test('once the quota is used, a further endorsement is refused with a message that says so; stacking doubles it', async () => {
    const ids = [await candidate('rec', '甲单位'), await candidate('rec', '甲单位'), await candidate('rec', '甲单位'), await candidate('rec', '甲单位')];
    const used = (await jia.client.get(`/api/recommendation/units/${units['甲单位']}/quota`)).json().quotas.find((q: { trackId: string }) => q.trackId === 'rec').used;
    const results = [];
    for (const id of ids.slice(0, 3 - used + 1)) results.push(await jia.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: await stampedPage(jia.client, id) }));
    const last = results.at(-1)!;
    assert.deepEqual(results.slice(0, -1).map((r) => r.statusCode), Array(3 - used).fill(200));
    assert.equal(last.statusCode, 409);
    assert.equal(last.json().error.code, 'QUOTA_EXHAUSTED');
    assert.match(last.json().error.message['zh-CN'], /本单位该榜单\/赛道（推荐赛道）推荐名额已用完（3\/3）/);
    const meter = (await jia.client.get('/api/recommendation/units/mine')).json().units[0].quotas;
    assert.deepEqual(meter.find((q: { trackId: string }) => q.trackId === 'rec'), { trackId: 'rec', trackName: '推荐赛道', used: 3, limit: 3, left: 0, min: null, short: 0 });
    // 乙 is in two channels: "可叠加推荐名额".
    const yiMeter = (await yi.client.get(`/api/recommendation/units/${units['乙单位']}`)).json().quotas.find((q: { trackId: string }) => q.trackId === 'rec');
    assert.equal(yiMeter.limit, 6);
  });

  test("after the unit's deadline no decision is taken, until the organizer extends that unit's", async () => {
    const id = await candidate('rec2', '乙单位');
    const stamp = await stampedPage(yi.client, id);
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + 11 * 86_400_000; // the call (no recommendation phase) closed yesterday
    try {
      const late = await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp });
      assert.deepEqual([late.statusCode, late.json().error.code], [409, 'DEADLINE_PASSED']);
      assert.match(late.json().error.message['zh-CN'], /推荐截止时间 .*（北京时间）已过/);
      const until = formatShanghai(h.deps.now() + 2 * 86_400_000, false);
      const ext = await organizer.post(`/api/programs/${programId}/units/${units['乙单位']}/deadline`, { until, reason: '盖章流程延误' });
      assert.equal(ext.statusCode, 200, ext.body);
      assert.equal((await yi.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp })).statusCode, 200);
    } finally {
      h.deps.now = realNow;
    }
  });
});
