import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { pdfText as readPdf } from './documents/pdf-text.ts';
import { defaultHolidayCalendar, publicityPeriod, RECEIPT_PATTERN, type ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { outcomeOf, setOutcomeIfCurrent, upsertDecision, findDecision } from '../src/features/outcome/outcome.repository.ts';
import { OBJECTIONS_PER_HOUR } from '../src/features/publicity/objection.service.ts';
import { actorOf, applicantWithOrg, multipart, samplePdf, samplePng } from './support/journey.ts';
import { creditCode, submittedApplication, withRole } from './support/screening.ts';
import { testProgram } from './support/program-fixture.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';

// 公示 and 异议 on both engines: a results 公示 opened from an approved outcome (period over the
// holiday calendar), the public list with only the columns shown, real-name objections with
// evidence checked by content, every bad input refused with nothing stored, the secretariat's
// investigation with the applicant's response, rulings and their consequences, late objections,
// closing, the notice PDF and Excel, the holiday calendar, and who may do what.

const PROJECTS = ['余热回收发电', '光伏储能微电网', '污水深度处理'];

function publicityProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  def.tracks[0].awardTiers = [{ id: 'first', name: '一等奖' }, { id: 'second', name: '二等奖' }];
  def.review = { affinityFields: [{ form: 'main', fields: ['basic.projectName'] }] } as ProgramDefinitionInput['review'];
  def.decision = {
    publicity: {
      results: { workingDays: 5, show: ['title', 'organization', 'tier'] },
      candidates: { workingDays: 3, show: ['title', 'organization', 'unit'] },
      howToObject: '公示期内可实名提出异议，匿名或逾期不予受理。联系人：王老师 0371-65509953。',
    },
  } as ProgramDefinitionInput['decision'];
  return def;
}

const pdfText = async (bytes: Buffer): Promise<string> => (await readPdf(bytes)).pages.join('');

describeEachEngine('公示 and objections', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let organizer: Client;
  let expert: Client;
  let programId: string;
  let publicityId: string;
  let realNow: () => number;
  const apps: { id: string; number: string; client: Client }[] = [];
  const pub = (ip: string) => { const c = h.client(); return { c, get: (u: string) => c.get(u, { 'x-forwarded-for': ip }), post: (u: string, b: unknown) => c.post(u, b, { 'x-forwarded-for': ip }), upload: (u: string, f: { body: Buffer; contentType: string }) => c.request('POST', u, f.body, { 'content-type': f.contentType, 'x-forwarded-for': ip }) }; };
  const counts = async () => {
    const n = async (t: 'objections' | 'objection_files' | 'objection_events' | 'files') => Number((await h.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { objections: await n('objections'), objectionFiles: await n('objection_files'), events: await n('objection_events'), files: await n('files') };
  };
  const mailWhere = async (pred: (m: { to: string[]; raw: string }) => boolean) => {
    for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      const m = smtp.mails.find(pred);
      if (m) return m;
    }
    throw new Error('no such mail');
  };
  const objector = { name: '张三', organization: '郑州某某环保科技有限公司', phone: '13812345678', email: 'objector@example.com', reasons: '该项目申报材料中的检测报告数据与原始记录不符，附检测机构说明。' };

  before(async () => {
    smtp = await startSmtpServer();
    // Sessions outlive the clock moved past the period's end.
    h = await startHarness(engine, { smtpUrl: smtp.url, trustProxy: true, auth: { sessionTtlMs: 90 * 86_400_000 } } as Parameters<typeof startHarness>[1]);
    realNow = h.deps.now;
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    const adminActor = await actorOf(h, admin);
    const created = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(publicityProgram('gongshi-test', h.deps.now())) });
    programId = (await setProgramStatus(h.deps, adminActor, created.id, 'open')).id;
    organizer = await withRole(h, adminActor, 'secretariat@example.com', 'organizer', programId);
    expert = await withRole(h, adminActor, 'pexpert@example.com', 'expert', programId);
    for (const [i, projectName] of PROJECTS.entries()) {
      const a = await applicantWithOrg(h, `papplicant${i}@example.com`, creditCode(700 + i));
      const app = await submittedApplication(a.client, programId, a.orgId, 'green', { projectName });
      const number = (await h.deps.db.selectFrom('applications').select('number').where('id', '=', app.id).executeTakeFirstOrThrow()).number;
      apps.push({ id: app.id, number, client: a.client });
    }
    // The decision step (another feature) is not run here: its result is written as it would leave it.
    const now = h.deps.now();
    for (const [i, a] of apps.entries()) {
      await h.deps.db.updateTable('applications').set({ status: i < 2 ? 'candidate' : 'advanced' }).where('id', '=', a.id).execute();
      await upsertDecision(h.deps.db, { program_id: programId, application_id: a.id, track_id: 'green', tier_id: ['first', 'second', null][i], proposed_tier_id: ['first', 'second', null][i], rank: i + 1, score: 90 - i * 5, p_above: null, reason: null, removed: 0, decided_by: adminActor.userId, decided_at: now });
    }
    await outcomeOf(h.deps.db, programId, now);
  });
  after(async () => {
    h.deps.now = realNow;
    await h.close();
    await smtp.close();
  });

  test('who may: the public and other roles are refused the secretariat’s endpoints; only platform admins edit the calendar', async () => {
    const anon = h.client();
    await anon.start();
    assert.equal((await anon.get(`/api/programs/${programId}/publicity`)).statusCode, 401);
    for (const c of [expert, apps[0].client]) {
      assert.equal((await c.get(`/api/programs/${programId}/publicity`)).statusCode, 403);
      assert.equal((await c.post(`/api/programs/${programId}/publicities`, { kind: 'results' })).statusCode, 403);
      assert.equal((await c.get(`/api/programs/${programId}/objections`)).statusCode, 403);
    }
    const cal = (await anon.get('/api/holiday-calendar')).json();
    assert.equal(cal.isDefault, true);
    assert.deepEqual(cal.calendar.years.map((y: { year: number; status: string }) => `${y.year}:${y.status}`), ['2025:official', '2026:official', '2027:provisional']);
    assert.equal((await organizer.put('/api/holiday-calendar', cal.calendar)).statusCode, 403);
    assert.equal((await anon.put('/api/holiday-calendar', cal.calendar)).statusCode, 401);
  });

  test('the results 公示 opens only from an approved outcome, with the period counted over the calendar', async () => {
    const refused = await organizer.post(`/api/programs/${programId}/publicities`, { kind: 'results' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message['zh-CN'], /名单须先审定/);
    const o = await outcomeOf(h.deps.db, programId, h.deps.now());
    assert.equal(await setOutcomeIfCurrent(h.deps.db, programId, o.status as 'deciding', { status: 'approved', updated_at: h.deps.now(), approved_at: h.deps.now() }), true);

    const overview = (await organizer.get(`/api/programs/${programId}/publicity`)).json();
    const results = overview.openings.find((x: { kind: string }) => x.kind === 'results');
    const expected = publicityPeriod(h.deps.now(), 5, defaultHolidayCalendar);
    assert.deepEqual({ allowed: results.allowed, items: results.items, endsOn: results.endsOn, endsAt: results.endsAt }, { allowed: true, items: 2, endsOn: expected.endsOn, endsAt: expected.endsAt });

    const opened = await organizer.post(`/api/programs/${programId}/publicities`, { kind: 'results' });
    assert.equal(opened.statusCode, 200, opened.body);
    const p = opened.json().publicities[0];
    publicityId = p.id;
    assert.equal(opened.json().outcomeStatus, 'in_publicity');
    assert.equal(p.title, `测试活动 gongshi-test评比结果公示`);
    assert.deepEqual(p.items.map((i: { number: string; tierName: string }) => `${i.number}:${i.tierName}`), [`${apps[0].number}:一等奖`, `${apps[1].number}:二等奖`]);
    const audit = await h.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'outcome.open_publicity').where('entity_id', '=', programId).execute();
    assert.equal(audit.length, 1);
    assert.equal(JSON.parse(audit[0].after_json!).endsAt, expected.endsAt);
    // Only one results 公示 at a time.
    assert.equal((await organizer.post(`/api/programs/${programId}/publicities`, { kind: 'results' })).statusCode, 409);
  });

  test('the public list shows only the columns the definition shows, the period and how to object', async () => {
    const page = await h.client().get('/api/public/programs/gongshi-test/publicities');
    assert.equal(page.statusCode, 200, page.body);
    const p = page.json().publicities[0];
    assert.deepEqual(p.columns, ['title', 'organization', 'tier']);
    assert.deepEqual(p.items.map((i: Record<string, string>) => Object.keys(i).sort()), [['applicationId', 'number', 'organization', 'tier', 'title'], ['applicationId', 'number', 'organization', 'tier', 'title']]);
    assert.deepEqual(p.items.map((i: { title: string; tier: string }) => `${i.title}/${i.tier}`), ['余热回收发电/一等奖', '光伏储能微电网/二等奖']);
    assert.equal(p.state, 'open');
    assert.match(p.howToObject, /匿名或逾期不予受理/);
    assert.equal((await h.client().get('/api/public/programs/no-such/publicities')).statusCode, 404);
  });

  let receiptNo: string;
  test('an objection with evidence gets a receipt; its status by receipt shows nothing of the objector', async () => {
    const web = pub('10.0.0.1');
    await web.c.start();
    const up = await web.upload(`/api/public/publicities/${publicityId}/evidence`, multipart('检测报告.pdf', samplePdf, 'application/pdf'));
    assert.equal(up.statusCode, 200, up.body);
    const filed = await web.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, applicationId: apps[0].id, fileIds: [up.json().id] });
    assert.equal(filed.statusCode, 200, filed.body);
    receiptNo = filed.json().receiptNo;
    assert.match(receiptNo, RECEIPT_PATTERN);
    const mail = decodeMail((await mailWhere((m) => m.to.includes(objector.email) && decodeMail(m.raw).subject.includes(receiptNo))).raw);
    assert.match(mail.text, /可凭回执号查询/);
    const status = await h.client().get(`/api/public/objections/${receiptNo.toLowerCase()}`);
    assert.equal(status.statusCode, 200, status.body);
    assert.equal(status.json().status, 'received');
    assert.equal(status.json().applicationTitle, '余热回收发电');
    for (const secret of [objector.name, objector.phone, objector.email, objector.organization]) assert.ok(!status.body.includes(secret), secret);
    assert.equal((await h.client().get('/api/public/objections/GS-20260101-AAAAAAAA')).statusCode, 404);
    assert.equal((await h.client().get('/api/public/objections/nonsense')).statusCode, 400);
  });

  test('bad objections are refused with the reason, and nothing is stored', async () => {
    const web = pub('10.0.0.2');
    await web.c.start();
    const before = await counts();
    const url = `/api/public/publicities/${publicityId}/objections`;
    const fields = async (body: unknown) => {
      const r = await web.post(url, body);
      assert.equal(r.statusCode, 400, r.body);
      return Object.fromEntries(r.json().error.fields.map((f: { path: string; message: { 'zh-CN': string } }) => [f.path, f.message['zh-CN']]));
    };
    const { name: _n, ...anonymous } = objector;
    assert.deepEqual(await fields({ ...anonymous, applicationId: apps[0].id }), { name: '此项为必填项' });
    assert.deepEqual(Object.keys(await fields({ ...objector, phone: '12345', email: 'x', applicationId: apps[0].id })).sort(), ['email', 'phone']);
    assert.match((await fields({ ...objector, reasons: '不服', applicationId: apps[0].id })).reasons, /至少 10 字/);
    // Not in this 公示 (no tier), or not an application at all.
    assert.match((await fields({ ...objector, applicationId: apps[2].id })).applicationId, /不在本次公示名单中/);
    assert.match((await fields({ ...objector, applicationId: 'nope' })).applicationId, /不在本次公示名单中/);
    // Evidence that is unknown, or already another objection's.
    const claimed = JSON.parse((await h.deps.db.selectFrom('objections').select('file_ids_json').executeTakeFirstOrThrow()).file_ids_json)[0];
    assert.match((await fields({ ...objector, applicationId: apps[0].id, fileIds: [claimed] })).fileIds, /证明材料无效/);
    // A file that lies about its type: a PNG named .pdf, and an executable named .jpg.
    for (const [name, bytes] of [['报告.pdf', samplePng], ['照片.jpg', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')]] as const) {
      const r = await web.upload(`/api/public/publicities/${publicityId}/evidence`, multipart(name, bytes, 'application/pdf'));
      assert.equal(r.statusCode, 415, r.body);
      assert.equal(r.json().error.code, 'FILE_TYPE_MISMATCH');
    }
    const exe = await web.upload(`/api/public/publicities/${publicityId}/evidence`, multipart('tool.exe', samplePdf));
    assert.equal(exe.statusCode, 415);
    assert.deepEqual(await counts(), before);
  });

  test('one address filing too often is rate limited, and the refused one is not stored', async () => {
    const web = pub('10.0.0.3');
    await web.c.start();
    for (let i = 0; i < OBJECTIONS_PER_HOUR; i++) {
      const r = await web.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, email: `flood${i}@example.com`, applicationId: apps[1].id });
      assert.equal(r.statusCode, 200, r.body);
    }
    const before = await counts();
    const r = await web.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, applicationId: apps[1].id });
    assert.equal(r.statusCode, 429);
    assert.equal(r.json().error.code, 'RATE_LIMITED');
    assert.deepEqual(await counts(), before);
    // Another address is not affected.
    const other = pub('10.0.0.4');
    await other.c.start();
    assert.equal((await other.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, applicationId: apps[1].id })).statusCode, 200);
  });

  test('investigation: the applicant is asked and answers in the platform; upheld with removal takes it off the list', async () => {
    const list = (await organizer.get(`/api/programs/${programId}/objections`)).json().items;
    const o = list.find((x: { receiptNo: string }) => x.receiptNo === receiptNo);
    const base = `/api/programs/${programId}/objections/${o.id}`;
    const detail = (await organizer.get(base)).json();
    assert.deepEqual({ name: detail.name, phone: detail.phone, files: detail.files.map((f: { name: string }) => f.name) }, { name: '张三', phone: '13812345678', files: ['检测报告.pdf'] });
    const evidence = await organizer.get(`${base}/files/${detail.files[0].id}`);
    assert.equal(evidence.statusCode, 200);
    assert.equal(evidence.headers['content-type'], 'application/pdf');
    assert.equal((await expert.get(`${base}/files/${detail.files[0].id}`)).statusCode, 403);

    assert.equal((await organizer.post(`${base}/notes`, { body: '已联系检测机构核实。' })).json().status, 'investigating');
    assert.equal((await organizer.post(`${base}/response-requests`, { body: '请提供检测报告原件扫描件。' })).json().status, 'awaiting_response');
    const asked = decodeMail((await mailWhere((m) => m.to.includes('papplicant0@example.com') && decodeMail(m.raw).subject.startsWith('公示异议'))).raw);
    assert.match(asked.text, /请提供检测报告原件扫描件/);

    const mine = `/api/applications/${apps[0].id}/objections`;
    const view = await apps[0].client.get(mine);
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(view.json().items[0].awaitingResponse, true);
    assert.ok(!view.body.includes('张三') && !view.body.includes('13812345678') && !view.body.includes('已联系检测机构核实'), 'no objector, no internal note');
    assert.equal((await apps[1].client.get(mine)).statusCode, 404);
    const file = await apps[0].client.upload(`${mine}/${o.id}/files`, multipart('原件.pdf', samplePdf, 'application/pdf'));
    assert.equal(file.statusCode, 200, file.body);
    const answered = await apps[0].client.post(`${mine}/${o.id}/responses`, { body: '检测报告原件见附件，数据真实。', fileIds: [file.json().id] });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().items[0].awaitingResponse, false);
    assert.equal((await apps[0].client.post(`${mine}/${o.id}/responses`, { body: '再说一次。' })).statusCode, 409);

    // A tier change must name a tier of the track.
    assert.equal((await organizer.post(`${base}/ruling`, { ruling: 'upheld', reason: '经核实，报告系伪造。', consequence: 'tier_changed', newTierId: 'gold' })).statusCode, 400);
    const ruled = await organizer.post(`${base}/ruling`, { ruling: 'upheld', reason: '经核实，检测报告系伪造。', consequence: 'removed' });
    assert.equal(ruled.statusCode, 200, ruled.body);
    assert.deepEqual(ruled.json().events.map((e: { kind: string }) => e.kind), ['note', 'request', 'response', 'ruling']);
    assert.equal((await findDecision(h.deps.db, programId, apps[0].id))!.removed, 1);
    const item = await h.deps.db.selectFrom('publicity_items').selectAll().where('publicity_id', '=', publicityId).where('application_id', '=', apps[0].id).executeTakeFirstOrThrow();
    assert.ok(item.removed_at);
    const app = await h.deps.db.selectFrom('applications').select('status').where('id', '=', apps[0].id).executeTakeFirstOrThrow();
    assert.equal(app.status, 'advanced');
    const audit = await h.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'objection.rule').where('entity_id', '=', o.id).executeTakeFirstOrThrow();
    assert.deepEqual({ ruling: JSON.parse(audit.after_json!).ruling, consequence: JSON.parse(audit.after_json!).consequence }, { ruling: 'upheld', consequence: 'removed' });
    const told = await mailWhere((m) => m.to.includes(objector.email) && decodeMail(m.raw).subject.includes(`异议处理结果：${receiptNo}`));
    assert.match(decodeMail(told.raw).text, /异议成立/);
    const pubList = (await h.client().get('/api/public/programs/gongshi-test/publicities')).json().publicities[0].items;
    assert.deepEqual(pubList.map((i: { title: string }) => i.title), ['光伏储能微电网']);
    const status = (await h.client().get(`/api/public/objections/${receiptNo}`)).json();
    assert.deepEqual({ status: status.status, ruling: status.ruling, consequence: status.consequence, reason: status.rulingReason }, { status: 'ruled', ruling: 'upheld', consequence: 'removed', reason: '经核实，检测报告系伪造。' });
    assert.equal((await organizer.post(`${base}/ruling`, { ruling: 'rejected', reason: '再裁一次。', consequence: 'no_change' })).statusCode, 409);
    // Objecting to a removed project is refused.
    const web = pub('10.0.0.5');
    await web.c.start();
    assert.equal((await web.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, applicationId: apps[0].id })).statusCode, 400);
  });

  test('closing is refused before the end and while an objection is open; a late objection is refused', async () => {
    const close = `/api/programs/${programId}/publicities/${publicityId}/close`;
    const early = await organizer.post(close);
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error.message['zh-CN'], /公示期未满/);
    const p = await h.deps.db.selectFrom('publicities').selectAll().where('id', '=', publicityId).executeTakeFirstOrThrow();
    h.deps.now = () => p.ends_at + 60_000;
    const web = pub('10.0.0.6');
    await web.c.start();
    const before = await counts();
    const late = await web.post(`/api/public/publicities/${publicityId}/objections`, { ...objector, applicationId: apps[1].id });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'DEADLINE_PASSED');
    assert.match(late.json().error.message['zh-CN'], /逾期提出的异议不予受理/);
    assert.equal((await web.upload(`/api/public/publicities/${publicityId}/evidence`, multipart('a.pdf', samplePdf, 'application/pdf'))).statusCode, 409);
    assert.deepEqual(await counts(), before);

    const open = await organizer.post(close);
    assert.equal(open.statusCode, 409);
    assert.match(open.json().error.message['zh-CN'], new RegExp(`还有 ${OBJECTIONS_PER_HOUR + 1} 件异议未裁定`));
    for (const o of (await organizer.get(`/api/programs/${programId}/objections`)).json().items.filter((x: { status: string }) => x.status !== 'ruled')) {
      assert.equal((await organizer.post(`/api/programs/${programId}/objections/${o.id}/ruling`, { ruling: 'rejected', reason: '理由不成立。', consequence: 'no_change' })).statusCode, 200);
    }
    const closed = await organizer.post(close);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().outcomeStatus, 'publicity_closed');
    assert.equal(closed.json().publicities[0].state, 'closed');
    assert.equal((await organizer.post(close)).statusCode, 409);
  });

  test('the notice PDF and the Excel list carry the list, the period and how to object', async () => {
    const pdf = await h.client().get(`/api/public/publicities/${publicityId}/notice.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    assert.ok(text.includes('光伏储能微电网') && text.includes('二等奖') && text.includes('24:00') && text.includes('匿名或逾期不予受理'), text.slice(0, 400));
    assert.ok(!text.includes('余热回收发电'), 'the removed project is not printed');
    const xlsx = await h.client().get(`/api/public/publicities/${publicityId}/list.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), ['序号', '项目名称', '申报单位', '拟获奖等级']);
    assert.deepEqual((ws.getRow(4).values as unknown[]).slice(2), ['光伏储能微电网', '测试企业 papplicant1@example.com', '二等奖']);
    assert.equal(ws.rowCount, 4);
  });

  test('a candidates 公示 opens independently of the outcome; the edited calendar counts its period', async () => {
    h.deps.now = realNow;
    const cal = (await admin.get('/api/holiday-calendar')).json().calendar;
    const bad = await admin.put('/api/holiday-calendar', { years: [...cal.years, { year: 2026, status: 'official', holidays: [{ name: 'x', from: '2026-13-01', to: '2026-13-02' }], workdays: [] }] });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields.some((f: { path: string }) => f.path === 'years.3.year'));
    // Tomorrow and the day after become holidays: a 3-working-day period moves by them (or more, over a weekend).
    const now = h.deps.now();
    const day = (n: number) => new Date(now + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const year = +day(0).slice(0, 4);
    const edited = { years: [...cal.years.filter((y: { year: number }) => y.year !== year), { year, status: 'official', holidays: [{ name: '测试假日', from: day(1), to: day(2) }], workdays: [] }] };
    const saved = await admin.put('/api/holiday-calendar', edited);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().isDefault, false);
    assert.equal((await h.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'publicity.calendar_update').execute()).length, 1);
    const opened = await organizer.post(`/api/programs/${programId}/publicities`, { kind: 'candidates' });
    assert.equal(opened.statusCode, 200, opened.body);
    const c = opened.json().publicities.find((p: { kind: string }) => p.kind === 'candidates');
    assert.equal(c.endsAt, publicityPeriod(now, 3, saved.json().calendar).endsAt);
    assert.notEqual(c.endsAt, publicityPeriod(now, 3, defaultHolidayCalendar).endsAt);
    assert.equal(c.items.length, 3);
    const page = (await h.client().get('/api/public/programs/gongshi-test/publicities')).json().publicities.find((p: { kind: string }) => p.kind === 'candidates');
    assert.deepEqual(page.columns, ['title', 'organization', 'unit']);
    assert.ok(page.items.every((i: Record<string, unknown>) => !('tier' in i) && !('track' in i)));
  });
});
