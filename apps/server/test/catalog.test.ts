import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { CatalogFieldsInput, ProgramDefinitionInput } from '@lvping/domain';
import { pdfText } from './documents/pdf-text.ts';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { outcomeOf, setOutcomeIfCurrent, upsertDecision } from '../src/features/outcome/outcome.repository.ts';
import { freshCatalogIndex } from '../src/features/catalog/catalog-index.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { testProgram } from './support/program-fixture.ts';
import { creditCode, submittedApplication } from './support/screening.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';

// The catalog on both engines: a published program's winners are invited (notice + email), the
// owner opts in, completes and submits; the catalog organizer approves and the public finds the
// entry; an update is pending while the public keeps the old version; suspend / retire hide it
// with the reason shown; the history lists it all. Contacts never reach a public response, nobody
// else edits an entry, only the catalog organizer reviews; bad input changes nothing; search
// filters; exports; and a second process's index follows the changes.

function catalogProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  def.tracks[0] = { ...def.tracks[0], awardTiers: [{ id: 'first', name: '一等奖', nameEn: 'First prize', count: 2 }] };
  def.decision = { approval: { by: 'none' }, publicity: { results: { required: false } } };
  // The title titleOf names an application by (and the catalog its technology).
  def.review = { affinityFields: [{ form: 'main', fields: ['basic.projectName'] }] };
  return def;
}

const fields = (over: Partial<CatalogFieldsInput> = {}): CatalogFieldsInput => ({
  name: '退役光伏组件回收利用技术',
  fieldId: 'glt2024-3',
  scope: '适用于光伏电站退役晶硅光伏组件的拆解与资源化回收。',
  process: '采用热解除胶与物理分选工艺，回收玻璃、铝框、银和铜等材料。',
  parameters: '组件处理能力≥2万吨/年，材料回收率≥95%。',
  benefits: { energySavedTce: 8000, co2ReducedT: 21000, others: [{ name: '回收银', value: 3.5, unit: '吨/年' }] },
  cases: [{ name: '某光伏电站组件回收项目', place: '河南省郑州市', year: 2024, description: '年处理退役组件1万吨。' }],
  ip: { kind: 'granted_patents', detail: 'ZL202310000001.1' },
  trl: 8,
  contact: { name: '李工', phone: '13911112222', email: 'secret-contact@example.com' },
  ...over,
});

describeEachEngine('catalog: entries from results, versions, review, public search, privacy, exports', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let organizer: Client;
  let programId: string;
  const owners: { client: Client; email: string; appId: string }[] = [];
  let stranger: Client;
  let entryId: string;
  let otherEntryId: string;
  const pub = '/api/public/catalog';

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url, publicUrl: 'https://lvping.example.org' });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    const adminActor = await actorOf(h, admin);
    const created = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(catalogProgram('cat-test', h.deps.now())) });
    programId = (await setProgramStatus(h.deps, adminActor, created.id, 'open')).id;

    organizer = h.client();
    assert.equal((await organizer.register('catalog-organizer@example.com')).statusCode, 200);
    await grantRole(h.deps, adminActor, { userId: (await actorOf(h, organizer)).userId, role: 'catalog_organizer', programId: null, trackId: null });
    stranger = h.client();
    assert.equal((await stranger.register('stranger@example.com')).statusCode, 200);

    const projects = [
      { projectName: '光伏组件回收', summary: '退役光伏组件的拆解与材料回收利用。', region: '410105' },
      { projectName: '液流电池储能', summary: '全钒液流电池储能系统，适用于新能源配套。', region: '320505' },
      { projectName: '未获奖项目', summary: '未获奖。', region: '110105' },
    ];
    for (const [i, p] of projects.entries()) {
      const email = `cat-owner${i}@example.com`;
      const a = await applicantWithOrg(h, email, creditCode(700 + i), p.region);
      const app = await submittedApplication(a.client, programId, a.orgId, 'green', { projectName: p.projectName, summary: p.summary });
      owners.push({ client: a.client, email, appId: app.id });
    }
    // The review itself is not under test: the applications stand where the last round leaves them.
    await h.deps.db.updateTable('applications').set({ status: 'in_review' }).where('program_id', '=', programId).execute();
    const now = h.deps.now();
    for (const [i, o] of owners.entries()) {
      await upsertDecision(h.deps.db, {
        program_id: programId, application_id: o.appId, track_id: 'green', tier_id: i < 2 ? 'first' : null, proposed_tier_id: i < 2 ? 'first' : null,
        rank: i + 1, score: 90 - i, p_above: null, reason: null, removed: 0, decided_by: adminActor.userId, decided_at: now,
      });
    }
  });
  after(async () => {
    await h?.close();
    await smtp?.close();
  });

  test('winners join only once the results are published, only by the catalog organizer; each owner is invited by notice and email', async () => {
    const early = await organizer.post(`/api/catalog/programs/${programId}/import`, {});
    assert.equal(early.statusCode, 409, early.body);
    assert.match(early.json().error.message['zh-CN'], /尚未发布/);

    await outcomeOf(h.deps.db, programId, h.deps.now());
    assert.ok(await setOutcomeIfCurrent(h.deps.db, programId, 'deciding', { status: 'approved', updated_at: h.deps.now() }));
    const published = await admin.post(`/api/programs/${programId}/publication/publish`, {});
    assert.equal(published.statusCode, 200, published.body);

    assert.equal((await owners[0].client.post(`/api/catalog/programs/${programId}/import`, {})).statusCode, 403);
    assert.equal((await owners[0].client.get('/api/catalog/programs')).statusCode, 403);
    const programs = (await organizer.get('/api/catalog/programs')).json();
    assert.deepEqual(programs.items.map((p: { id: string; awarded: number; inCatalog: number }) => [p.id, p.awarded, p.inCatalog]), [[programId, 2, 0]]);

    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const r = await organizer.post(`/api/catalog/programs/${programId}/import`, {});
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { added: 2, alreadyInCatalog: 0 });
    assert.deepEqual((await organizer.post(`/api/catalog/programs/${programId}/import`, {})).json(), { added: 0, alreadyInCatalog: 2 }, 'adding twice adds nothing');

    const mine = (await owners[0].client.get('/api/catalog/mine')).json().items;
    assert.equal(mine.length, 1);
    assert.deepEqual([mine[0].status, mine[0].name, mine[0].publishedVersion], ['invited', '光伏组件回收', null]);
    entryId = mine[0].id;
    otherEntryId = (await owners[1].client.get('/api/catalog/mine')).json().items[0].id;
    assert.deepEqual((await owners[2].client.get('/api/catalog/mine')).json().items, [], 'not awarded: not invited');

    const detail = (await owners[0].client.get(`/api/catalog/entries/${entryId}`)).json();
    assert.deepEqual(detail.latest.fields, { name: '光伏组件回收', fieldId: 'green', scope: '退役光伏组件的拆解与材料回收利用。' }, 'prefilled from the application');
    assert.deepEqual(detail.tracks.map((t: { id: string }) => t.id), ['green', 'storage']);
    const mail = decodeMail((await smtp.waitForMail('cat-owner0@example.com')).raw);
    assert.match(mail.subject, /邀请加入绿色技术推广目录：光伏组件回收/);
    assert.match(mail.text, new RegExp(`/catalog/entries/${entryId}/edit`));
    const notices = (await owners[0].client.get('/api/notifications')).json().items as { kind: string }[];
    assert.ok(notices.some((n) => n.kind === 'catalog.invited'));
  });

  test('nobody else reads or edits an entry; the owner opts in before submitting; bad fields are named and nothing is stored', async () => {
    assert.equal((await stranger.get(`/api/catalog/entries/${entryId}`)).statusCode, 404);
    assert.equal((await owners[1].client.post(`/api/catalog/entries/${entryId}/opt-in`, {})).statusCode, 404);
    assert.equal((await stranger.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields() })).statusCode, 404);
    assert.equal((await h.client().get(`/api/catalog/entries/${entryId}`)).statusCode, 401);

    const tooEarly = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields() });
    assert.equal(tooEarly.statusCode, 409);
    assert.match(tooEarly.json().error.message['zh-CN'], /已邀请，不能提交/);
    const opted = await owners[0].client.post(`/api/catalog/entries/${entryId}/opt-in`, {});
    assert.equal(opted.statusCode, 200, opted.body);
    assert.equal(opted.json().status, 'draft');

    const bad = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields({ trl: 10, cases: [], contact: { name: '李工', phone: '电话', email: 'li@example.com' } }) });
    assert.equal(bad.statusCode, 400, bad.body);
    const paths = (bad.json().error.fields as { path: string; message: { 'zh-CN': string; en: string } }[]);
    assert.deepEqual(paths.map((f) => f.path).sort(), ['fields.cases', 'fields.contact.phone', 'fields.trl']);
    assert.equal(paths.find((f) => f.path === 'fields.contact.phone')!.message['zh-CN'], '电话号码格式不正确');
    const badField = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields({ fieldId: 'nonexistent-track' }) });
    assert.equal(badField.statusCode, 400);
    assert.equal(badField.json().error.fields[0].path, 'fields.fieldId');
    const after = (await owners[0].client.get(`/api/catalog/entries/${entryId}`)).json();
    assert.equal(after.status, 'draft');
    assert.equal(after.versions.length, 1);
    assert.equal(after.latest.status, 'draft', 'nothing stored');

    const ok = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields() });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().status, ok.json().submittedVersion, ok.json().latest.status], ['pending', 1, 'pending']);
    assert.equal((await h.client().get(`${pub}/entries/${entryId}`)).statusCode, 404, 'not public before approval');
    assert.equal((await h.client().get(`${pub}/search?q=光伏组件回收`)).json().total, 0);
  });

  test('only the catalog organizer reviews; approval publishes it, the public finds it by a Chinese search, never with its contact', async () => {
    assert.equal((await owners[0].client.post(`/api/catalog/entries/${entryId}/versions/1/approve`, {})).statusCode, 403);
    assert.equal((await stranger.get('/api/catalog/entries?status=review')).statusCode, 403);
    assert.equal((await owners[0].client.post(`/api/catalog/entries/${entryId}/suspend`, { reason: '测试原因' })).statusCode, 403);
    const queue = (await organizer.get('/api/catalog/entries?status=review')).json().items;
    assert.deepEqual(queue.map((e: { id: string; pendingVersion: number }) => [e.id, e.pendingVersion]), [[entryId, 1]]);
    const noNote = await organizer.post(`/api/catalog/entries/${entryId}/versions/1/reject`, {});
    assert.equal(noNote.statusCode, 400);
    assert.equal(noNote.json().error.fields[0].path, 'note');

    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const approved = await organizer.post(`/api/catalog/entries/${entryId}/versions/1/approve`, {});
    assert.equal(approved.statusCode, 200, approved.body);
    assert.deepEqual([approved.json().status, approved.json().publishedVersion], ['published', 1]);
    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/versions/1/approve`, {})).statusCode, 409, 'not twice');
    assert.match(decodeMail((await smtp.waitForMail('cat-owner0@example.com')).raw).subject, /已通过审核/);

    const search = await h.client().get(`${pub}/search?q=${encodeURIComponent('光伏组件回收')}&region=410000`);
    assert.equal(search.statusCode, 200, search.body);
    const body = search.json();
    assert.equal(body.total, 1);
    const item = body.items[0];
    assert.equal(item.id, entryId);
    assert.deepEqual(item.name, [{ text: '退役', hit: false }, { text: '光伏组件回收', hit: true }, { text: '利用技术', hit: false }]);
    assert.deepEqual([item.fieldName['zh-CN'], item.regionName, item.trl, item.co2ReducedT, item.organizationName], ['资源循环利用产业', '河南省郑州市金水区', 8, 21000, '测试企业 cat-owner0@example.com']);
    assert.doesNotMatch(search.body, /secret-contact|13911112222|李工/);

    const page = await h.client().get(`${pub}/entries/${entryId}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.doesNotMatch(page.body, /secret-contact|13911112222|李工/);
    const e = page.json();
    assert.deepEqual([e.status, e.version, e.fields.name, e.fields.benefits.energySavedTce, e.programName], ['published', 1, '退役光伏组件回收利用技术', 8000, '测试活动 cat-test']);
    assert.equal('contact' in e.fields, false);
    assert.deepEqual(e.history.map((x: { kind: string; version: number }) => [x.kind, x.version]), [['approved', 1]]);
  });

  test('an owner update is pending while the public sees the approved version; approving it shows it, and the history lists both', async () => {
    const update = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields({ name: '光伏组件绿色回收成套技术', trl: 9 }) });
    assert.equal(update.statusCode, 200, update.body);
    assert.deepEqual([update.json().status, update.json().submittedVersion, update.json().publishedVersion], ['published', 2, 1]);
    const during = (await h.client().get(`${pub}/entries/${entryId}`)).json();
    assert.deepEqual([during.version, during.fields.name, during.fields.trl], [1, '退役光伏组件回收利用技术', 8]);
    assert.equal((await h.client().get(`${pub}/search?q=${encodeURIComponent('成套技术')}`)).json().total, 0);

    const rejected = await organizer.post(`/api/catalog/entries/${entryId}/versions/2/reject`, { note: '成熟度证明不足' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.deepEqual([rejected.json().status, rejected.json().latest.status, rejected.json().latest.reviewNote], ['published', 'rejected', '成熟度证明不足']);
    const again = await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields({ name: '光伏组件绿色回收成套技术', trl: 9 }) });
    assert.equal(again.json().submittedVersion, 3, 'after a decision an update is a new version');
    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/versions/3/approve`, { note: '同意' })).statusCode, 200);

    const shown = (await h.client().get(`${pub}/entries/${entryId}`)).json();
    assert.deepEqual([shown.version, shown.fields.name, shown.fields.trl], [3, '光伏组件绿色回收成套技术', 9]);
    assert.deepEqual(shown.history.map((x: { kind: string; version: number }) => [x.kind, x.version]), [['approved', 1], ['approved', 3]], 'rejections are not public');
    assert.equal((await h.client().get(`${pub}/search?q=${encodeURIComponent('成套技术')}`)).json().items[0].id, entryId);
    const owner = (await owners[0].client.get(`/api/catalog/entries/${entryId}`)).json();
    assert.deepEqual(owner.versions.map((v: { status: string }) => v.status), ['superseded', 'rejected', 'approved']);
  });

  test('suspend and retire hide the entry from search, its page shows the reason; reinstate brings it back; every change is audited', async () => {
    const shortReason = await organizer.post(`/api/catalog/entries/${entryId}/suspend`, { reason: '' });
    assert.equal(shortReason.statusCode, 400);
    assert.equal((await h.client().get(`${pub}/search?q=光伏`)).json().total, 1);

    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/suspend`, { reason: '核查用户投诉期间暂停展示' })).statusCode, 200);
    assert.equal((await h.client().get(`${pub}/search?q=光伏`)).json().total, 0);
    const suspended = (await h.client().get(`${pub}/entries/${entryId}`)).json();
    assert.deepEqual([suspended.status, suspended.statusReason, suspended.fields], ['suspended', '核查用户投诉期间暂停展示', null]);
    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/suspend`, { reason: '再次暂停' })).statusCode, 409);

    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/reinstate`, { reason: '核查完毕，情况属实' })).statusCode, 200);
    assert.equal((await h.client().get(`${pub}/search?q=光伏`)).json().total, 1);
    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/retire`, { reason: '技术已被新一代替代' })).statusCode, 200);
    assert.equal((await h.client().get(`${pub}/search?q=光伏`)).json().total, 0);
    const retired = (await h.client().get(`${pub}/entries/${entryId}`)).json();
    assert.deepEqual([retired.status, retired.statusReason], ['retired', '技术已被新一代替代']);
    assert.deepEqual(retired.history.map((x: { kind: string; reason: string | null }) => [x.kind, x.reason]), [
      ['approved', null], ['approved', '同意'], ['suspended', '核查用户投诉期间暂停展示'], ['reinstated', '核查完毕，情况属实'], ['retired', '技术已被新一代替代'],
    ]);
    assert.equal((await owners[0].client.post(`/api/catalog/entries/${entryId}/submit`, { fields: fields() })).statusCode, 409, 'a retired entry takes no updates');
    assert.equal((await organizer.post(`/api/catalog/entries/${entryId}/reinstate`, { reason: '重新评估后恢复' })).statusCode, 200);

    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'catalog_entry').where('entity_id', '=', entryId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), [
      'catalog.opt_in', 'catalog.submit', 'catalog.approve', 'catalog.submit', 'catalog.reject', 'catalog.submit', 'catalog.approve',
      'catalog.suspend', 'catalog.reinstate', 'catalog.retire', 'catalog.reinstate',
    ]);
    assert.equal((await h.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'catalog.import').execute()).length, 2);
  });

  test('search filters by field, region, TRL and benefit; a second process’s index follows the changes', async () => {
    // A second process on the same database: its own index, built from the generation.
    const other = h.testDb.open();
    try {
      const before = await freshCatalogIndex(other.db);
      assert.equal(before.index.size, 1);

      const o = owners[1].client;
      assert.equal((await o.post(`/api/catalog/entries/${otherEntryId}/opt-in`, {})).statusCode, 200);
      const storage = fields({
        name: '全钒液流电池储能系统', fieldId: 'glt2024-4', scope: '适用于光伏电站、风电场配套储能与电网调峰。', process: '全钒液流电池电堆与电解液循环系统，功率与容量解耦设计。',
        parameters: '能量效率≥75%，循环寿命≥15000次。', benefits: { energySavedTce: null, co2ReducedT: 3000, others: [] }, trl: 6,
        contact: { name: '赵工', phone: '13800001111', email: 'storage-contact@example.com' },
      });
      assert.equal((await o.post(`/api/catalog/entries/${otherEntryId}/submit`, { fields: storage })).statusCode, 200);
      assert.equal((await organizer.post(`/api/catalog/entries/${otherEntryId}/versions/1/approve`, {})).statusCode, 200);
      const after = await freshCatalogIndex(other.db);
      assert.equal(after.index.size, 2);
      assert.deepEqual(after.index.search({ q: '液流电池' }).hits.map((x) => x.id), [otherEntryId]);
    } finally {
      await other.close();
    }

    const ids = async (query: string) => {
      const r = await h.client().get(`${pub}/search?${query}`);
      assert.equal(r.statusCode, 200, r.body);
      return (r.json().items as { id: string }[]).map((i) => i.id).sort();
    };
    const both = [entryId, otherEntryId].sort();
    assert.deepEqual(await ids(`q=${encodeURIComponent('光伏')}`), both, 'both mention 光伏');
    assert.deepEqual(await ids(`q=${encodeURIComponent('光伏')}&field=glt2024-4`), [otherEntryId]);
    assert.deepEqual(await ids('region=32'), [otherEntryId]);
    assert.deepEqual(await ids('region=410105'), [entryId]);
    assert.deepEqual(await ids('trlMin=7&trlMax=9'), [entryId]);
    assert.deepEqual(await ids('trlMax=6'), [otherEntryId]);
    assert.deepEqual(await ids('co2Min=5000'), [entryId]);
    assert.deepEqual(await ids('energyMin=1'), [entryId]);
    assert.deepEqual(await ids(''), both);
    assert.equal((await h.client().get(`${pub}/search?trlMin=12`)).statusCode, 400);
    assert.equal((await h.client().get(`${pub}/search?region=abc`)).statusCode, 400);
    const ranked = (await h.client().get(`${pub}/search?q=${encodeURIComponent('储能')}`)).json();
    assert.equal(ranked.items[0].id, otherEntryId);
    assert.ok(ranked.items[0].snippet.some((s: { hit: boolean; text: string }) => s.hit && s.text.includes('储能')));
  });

  test('exports: the public Excel has published fields only, the organizer’s every entry with contacts; the entry PDF', async () => {
    const sheet = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const pubX = await h.client().get(`${pub}/export.xlsx`);
    assert.equal(pubX.statusCode, 200);
    const pubRows = await sheet(pubX.rawPayload);
    assert.equal(pubRows.length, 3);
    assert.deepEqual(pubRows.slice(1).map((r) => r[0]).sort(), ['光伏组件绿色回收成套技术', '全钒液流电池储能系统'].sort());
    assert.doesNotMatch(JSON.stringify(pubRows), /contact@example\.com|13911112222|联系/);

    assert.equal((await stranger.get('/api/catalog/export.xlsx')).statusCode, 403);
    const orgX = await organizer.get('/api/catalog/export.xlsx');
    assert.equal(orgX.statusCode, 200);
    const orgRows = await sheet(orgX.rawPayload);
    assert.equal(orgRows.length, 3);
    assert.ok(orgRows[0].includes('联系邮箱'));
    assert.ok(orgRows.some((r) => r.includes('secret-contact@example.com')));

    const pdf = await h.client().get(`${pub}/entries/${entryId}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = (await pdfText(pdf.rawPayload)).all;
    for (const s of ['光伏组件绿色回收成套技术', '资源循环利用产业', '21000', '核查用户投诉期间暂停展示']) assert.ok(text.includes(s), s);
    assert.doesNotMatch(text, /secret-contact|13911112222/);
    assert.equal((await h.client().get(`${pub}/entries/nope/pdf`)).statusCode, 404);
  });

  test('a signed-in visitor asks for contact: the owner gets the message, the visitor no contact', async () => {
    assert.equal((await h.client().post(`${pub}/entries/${entryId}/contact-requests`, { message: '希望了解合作方式' })).statusCode, 403, 'no CSRF token, no session');
    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const r = await stranger.post(`${pub}/entries/${entryId}/contact-requests`, { message: '希望了解技术许可方式' });
    assert.equal(r.statusCode, 200, r.body);
    assert.doesNotMatch(r.body, /secret-contact|13911112222/);
    const mail = decodeMail((await smtp.waitForMail('cat-owner0@example.com')).raw);
    assert.match(mail.text, /stranger@example\.com/);
    assert.match(mail.text, /希望了解技术许可方式/);
  });

  test('a catalog-selection program (decision.outcome: catalog) invites its winners into the catalog as it publishes', async () => {
    const adminActor = await actorOf(h, admin);
    const def = catalogProgram('cat-selection', h.deps.now());
    def.decision = { ...def.decision, outcome: 'catalog' };
    const created = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(def) });
    const selection = (await setProgramStatus(h.deps, adminActor, created.id, 'open')).id;
    const email = 'cat-selected@example.com';
    const a = await applicantWithOrg(h, email, creditCode(720), '410105');
    const app = await submittedApplication(a.client, selection, a.orgId, 'green', { projectName: '工业余热梯级利用', summary: '钢铁企业烧结余热的梯级回收利用。' });
    await h.deps.db.updateTable('applications').set({ status: 'in_review' }).where('id', '=', app.id).execute();
    const now = h.deps.now();
    await upsertDecision(h.deps.db, { program_id: selection, application_id: app.id, track_id: 'green', tier_id: 'first', proposed_tier_id: 'first', rank: 1, score: 91, p_above: null, reason: null, removed: 0, decided_by: adminActor.userId, decided_at: now });
    await outcomeOf(h.deps.db, selection, now);
    assert.ok(await setOutcomeIfCurrent(h.deps.db, selection, 'deciding', { status: 'approved', updated_at: now }));
    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;

    const published = await admin.post(`/api/programs/${selection}/publication/publish`, {});
    assert.equal(published.statusCode, 200, published.body);
    const mine = (await a.client.get('/api/catalog/mine')).json().items as { status: string; name: string }[];
    assert.deepEqual(mine.map((m) => [m.status, m.name]), [['invited', '工业余热梯级利用']], 'invited on publication, without an import');
    // Publishing queues its mails (a job each): once they have run, the invitation is there beside the result.
    await h.runJobs();
    await smtp.waitForMail(email);
    assert.ok(smtp.mails.some((m) => m.to.includes(email) && /邀请加入绿色技术推广目录：工业余热梯级利用/.test(decodeMail(m.raw).subject)), 'the invitation mail');
    assert.deepEqual((await organizer.post(`/api/catalog/programs/${selection}/import`, {})).json(), { added: 0, alreadyInCatalog: 1 });
  });
});
