import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShanghai, type ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, multipart, samplePdf } from './support/journey.ts';
import { creditCode, stampedPage, unitIds, unitMember } from './support/recommendation-fixture.ts';

// 多级遴选: a provincial selection's chosen applications become recommended applications of the
// national program — answers mapped field by field, files by reference, history imported — once
// each applicant confirms; the province is the recommending unit, within its quota.

const day = 86_400_000;
const window = (now: number) => ({ startsAt: formatShanghai(now - 5 * day, false), endsAt: `${formatShanghai(now + 10 * day, false)} 24:00` });

const provincial = (now: number): ProgramDefinitionInput => ({
  slug: 'prov-2026', name: '省级遴选 2026', year: 2026, organizers: ['省工信厅'],
  phases: [{ id: 'call', kind: 'call', name: '征集', ...window(now) }],
  tracks: [{ id: 'rec', name: '省赛道', formId: 'f', entry: 'recommendation' }],
  forms: [{ id: 'f', version: 1, title: '省申报表', sections: [{ id: 's', title: '基本情况', fields: [
    { id: 'name', kind: 'text', label: '项目名称', required: true, maxChars: 50 },
    { id: 'attach', kind: 'file', label: '证明材料', accept: ['.pdf'], maxSizeMB: 1 },
  ] }] }],
  recommendation: { units: [{ id: 'city', name: '郑州市推荐组', regionCode: '410100' }] },
});

const national = (now: number): ProgramDefinitionInput => ({
  slug: 'nat-2026', name: '全国评选 2026', year: 2026, organizers: ['部委'],
  phases: [{ id: 'call', kind: 'call', name: '征集', ...window(now) }],
  tracks: [{ id: 'nat', name: '国赛道', formId: 'g', entry: 'recommendation' }],
  forms: [{ id: 'g', version: 1, title: '国申报表', sections: [{ id: 'basic', title: '概况', fields: [
    { id: 'title', kind: 'text', label: '名称', required: true, maxChars: 50 },
    { id: 'proof', kind: 'file', label: '材料', accept: ['.pdf'], maxSizeMB: 1 },
    { id: 'extra', kind: 'text', label: '补充说明', maxChars: 200 },
  ] }] }],
  recommendation: { units: [{ id: 'henan', name: '河南省', regionCode: '410000' }], quotas: [{ id: 'q', tracks: ['nat'], kind: 'max', count: 1 }] },
  feeds: [{ id: 'from-henan', from: 'prov-2026', unit: 'henan', statuses: ['endorsed'], opinion: '经省级遴选推荐。', tracks: [{ from: 'rec', to: 'nat', fields: { 'basic.title': 's.name', 'basic.proof': 's.attach' } }] }],
});

describeEachEngine('program feeds: provincial chosen → national recommended', (engine) => {
  let h: Harness;
  let admin: Client;
  let province: Client;
  let provinceId: string;
  let nationalId: string;
  const applicants: { client: Client; sourceId: string; targetId?: string }[] = [];
  let notChosen: string;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    province = h.client();
    await province.register('organizer@prov.example');
    await admin.post('/api/admin/program-creators', { email: 'organizer@prov.example' });
    const now = h.deps.now();
    const src = await province.post('/api/programs', { from: 'text', format: 'json', text: JSON.stringify(provincial(now)) });
    assert.equal(src.statusCode, 200, src.body);
    provinceId = src.json().id;
    assert.equal((await province.post(`/api/programs/${provinceId}/status`, { status: 'open' })).statusCode, 200);
    const tgt = await admin.post('/api/programs', { from: 'text', format: 'json', text: JSON.stringify(national(now)) });
    assert.equal(tgt.statusCode, 200, tgt.body);
    nationalId = tgt.json().id;
    await admin.post(`/api/programs/${nationalId}/status`, { status: 'open' });

    const city = (await unitIds(h.client(), provinceId))['郑州市推荐组']!;
    const member = await unitMember(h, 'member@city.example', city, provinceId);
    for (let n = 1; n <= 3; n++) {
      const c = h.client();
      await c.register(`applicant${n}@example.com`);
      const org = await c.post('/api/organizations', { name: `申报企业${n}`, creditCode: creditCode(n), regionCode: '410100', kind: 'enterprise', address: '郑州市', contactName: '王五', contactPhone: '0371-12345678', contactEmail: `applicant${n}@example.com` });
      const app = await c.post('/api/applications', { programId: provinceId, trackId: 'rec', organizationId: org.json().id, unitId: city });
      assert.equal(app.statusCode, 200, app.body);
      const id = app.json().id as string;
      const file = (await c.upload(`/api/applications/${id}/files?field=s.attach`, multipart('证明.pdf', samplePdf, 'application/pdf'))).json();
      assert.equal((await c.put(`/api/applications/${id}/draft`, { answers: { s: { name: `储能项目${n}`, attach: file } }, baseRevision: 0 })).statusCode, 200);
      assert.equal((await c.post(`/api/applications/${id}/submit`, { baseRevision: 1 })).statusCode, 200);
      if (n === 3) { notChosen = id; continue; }
      const stamp = await stampedPage(member.client, id);
      assert.equal((await member.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意', stampedFileId: stamp })).statusCode, 200);
      applicants.push({ client: c, sourceId: id });
    }
  });
  after(() => h.close());

  const auditOf = async (entityId: string) =>
    (await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);

  test('the source organizer sees the feed and its chosen applications; refusals name what is wrong', async () => {
    const feeds = await province.get(`/api/programs/${provinceId}/feeds`);
    assert.equal(feeds.statusCode, 200, feeds.body);
    const [feed] = feeds.json().feeds;
    assert.deepEqual([feed.targetSlug, feed.feedId, feed.unitName], ['nat-2026', 'from-henan', '河南省']);
    assert.deepEqual(feed.candidates.map((c: { applicationId: string }) => c.applicationId).sort(), applicants.map((a) => a.sourceId).sort());
    assert.ok(feed.candidates.every((c: { fed: unknown }) => c.fed === null));

    const stranger = h.client();
    await stranger.register('stranger@example.com');
    const body = { targetProgramId: nationalId, feedId: 'from-henan', applicationIds: [applicants[0]!.sourceId] };
    assert.equal((await stranger.post(`/api/programs/${provinceId}/feeds/send`, body)).statusCode, 403);
    assert.equal((await province.post(`/api/programs/${provinceId}/feeds/send`, { ...body, feedId: 'nope' })).statusCode, 404);
    const unchosen = await province.post(`/api/programs/${provinceId}/feeds/send`, { ...body, applicationIds: [notChosen] });
    assert.equal(unchosen.statusCode, 400);
    assert.match(unchosen.json().error.fields[0].message['zh-CN'], /不是本次推送可选的入选申报（已推荐）/);
    assert.match(unchosen.json().error.fields[0].message.en, /not among the chosen ones this feed takes \(endorsed\)/);
  });

  test('sending: new applications of the same organizations, answers mapped, files by reference, history imported', async () => {
    const sent = await province.post(`/api/programs/${provinceId}/feeds/send`, { targetProgramId: nationalId, feedId: 'from-henan', applicationIds: applicants.map((a) => a.sourceId) });
    assert.equal(sent.statusCode, 200, sent.body);
    for (const f of sent.json().fed) applicants.find((a) => a.sourceId === f.sourceApplicationId)!.targetId = f.targetApplicationId;
    const again = await province.post(`/api/programs/${provinceId}/feeds/send`, { targetProgramId: nationalId, feedId: 'from-henan', applicationIds: [applicants[0]!.sourceId] });
    assert.equal(again.statusCode, 409);

    const a = applicants[0]!;
    const src = (await a.client.get(`/api/applications/${a.sourceId}`)).json();
    const tgt = (await a.client.get(`/api/applications/${a.targetId}`)).json();
    assert.equal(tgt.status, 'fed');
    assert.equal(tgt.programId, nationalId);
    assert.equal(tgt.organization.id, src.organization.id);
    assert.equal(tgt.answers.basic.title, src.answers.s.name);
    assert.equal(tgt.answers.basic.extra, undefined, 'unmapped fields start empty');
    assert.notEqual(tgt.answers.basic.proof.id, src.answers.s.attach.id, 'a new attachment row…');
    const rows = await h.deps.db.selectFrom('application_files').select(['id', 'sha256']).where('id', 'in', [tgt.answers.basic.proof.id, src.answers.s.attach.id]).execute();
    assert.equal(new Set(rows.map((r) => r.sha256)).size, 1, '…naming the same stored bytes');
    const pdf = await a.client.get(`/api/applications/${a.targetId}/files/${tgt.answers.basic.proof.id}`);
    assert.equal(pdf.statusCode, 200);
    assert.deepEqual(pdf.rawPayload, samplePdf);
    const imported = tgt.timeline.filter((e: { note: string | null }) => e.note?.startsWith('〔导入自「省级遴选 2026」'));
    assert.ok(imported.length >= 3, 'draft, submitted and endorsed carried over');
    assert.ok(imported.some((e: { note: string }) => e.note.includes('已推荐')));
    assert.ok(src.timeline.some((e: { note: string | null }) => e.note?.includes('已推荐至「全国评选 2026」')), 'the source keeps its own history');

    const feed = (await a.client.get(`/api/applications/${a.targetId}/feed`)).json();
    assert.deepEqual([feed.state, feed.unitName, feed.sourceProgramSlug, feed.mappedFields], ['pending', '河南省', 'prov-2026', ['basic.title', 'basic.proof']]);
    const notice = (await a.client.get('/api/notifications')).json();
    assert.ok(JSON.stringify(notice).includes('推荐待确认'));
    const list = (await province.get(`/api/programs/${provinceId}/feeds`)).json().feeds[0].candidates;
    assert.ok(list.every((c: { fed: { state: string } | null }) => c.fed?.state === 'pending'));
    assert.deepEqual(await auditOf(a.sourceId).then((x) => x.filter((y) => y.startsWith('application.feed'))), ['application.feed_out']);
    assert.deepEqual(await auditOf(a.targetId!), ['application.feed_in']);
  });

  test('the applicant confirms: submitted and endorsed by the province unit, within its quota; the other declines', async () => {
    const [a, b] = applicants as [typeof applicants[0], typeof applicants[0]];
    assert.equal((await b.client.post(`/api/applications/${a.targetId}/feed/confirm`)).statusCode, 404, 'someone else’s');
    const confirmed = await a.client.post(`/api/applications/${a.targetId}/feed/confirm`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, 'endorsed');
    const nomination = await h.deps.db.selectFrom('nominations').innerJoin('recommending_units as u', 'u.id', 'nominations.unit_id').select(['u.name', 'nominations.opinion', 'nominations.status', 'nominations.decided_by'])
      .where('nominations.application_id', '=', a.targetId!).executeTakeFirstOrThrow();
    assert.deepEqual([nomination.name, nomination.opinion, nomination.status], ['河南省', '经省级遴选推荐。', 'endorsed']);
    assert.equal(nomination.decided_by, (await actorOf(h, province)).userId, 'the source organizer acted as the unit');
    assert.equal((await a.client.post(`/api/applications/${a.targetId}/feed/confirm`)).statusCode, 409, 'answered once');

    // The unit's max of 1 is taken: the second confirmation is refused and changes nothing.
    const full = await b.client.post(`/api/applications/${b.targetId}/feed/confirm`);
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().error.code, 'QUOTA_EXHAUSTED');
    assert.equal((await b.client.get(`/api/applications/${b.targetId}`)).json().status, 'fed');
    const declined = await b.client.post(`/api/applications/${b.targetId}/feed/decline`, { reason: '不参加国赛' });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().status, 'withdrawn');
    assert.equal((await b.client.get(`/api/applications/${b.targetId}/feed`)).json().state, 'declined');

    assert.deepEqual(await auditOf(a.targetId!), ['application.feed_in', 'application.feed_confirm', 'nomination.endorse']);
    assert.deepEqual(await auditOf(b.targetId!), ['application.feed_in', 'application.feed_decline']);
    assert.ok((await auditOf(a.sourceId)).includes('nomination.endorse'), 'the source keeps its own endorsement record');
    const states = (await province.get(`/api/programs/${provinceId}/feeds`)).json().feeds[0].candidates.map((c: { fed: { state: string } }) => c.fed.state).sort();
    assert.deepEqual(states, ['confirmed', 'declined']);
  });
});
