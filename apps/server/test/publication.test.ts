import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { pdfText as readPdf } from './documents/pdf-text.ts';
import { isWellFormedSerial, makeSerial, ZipEntryCounter, type ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { jobDownload, solveAssignment, zipFiles } from './support/jobs.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { outcomeOf, setOutcomeIfCurrent, upsertDecision } from '../src/features/outcome/outcome.repository.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { testProgram } from './support/program-fixture.ts';
import { acceptedExpertsFor, pdfWithAuthor, reviewProgram, submittedForReview } from './support/review.ts';
import { creditCode, insertTestUnit, withRole } from './support/screening.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';

// Publication on both engines: publishing is refused before approval and while a required 公示
// is open; once allowed it awards and not-awards in one go, issues certificates (also to a unit
// with a program award), mails every applicant; the public pages show tiers in both languages
// and no scores; certificates verify (valid, revoked, unknown, malformed), their PDFs carry the
// merge fields, serial and verification address; the ZIP holds every certificate; the exports
// differ by audience; a correction after publication needs an organizer and a reason and shows
// publicly with its date.

const PROJECTS = [
  { projectName: '余热回收发电', summary: '钢铁行业余热回收与发电。' },
  { projectName: '光伏储能微电网', summary: '分布式光伏与储能微电网。' },
  { projectName: '污水深度处理', summary: '工业废水膜处理回用。' },
];

function publicationProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = reviewProgram(slug, now);
  def.nameEn = `Test programme ${slug}`;
  def.organizers = ['测试主办方', '测试协办方'];
  def.review!.rounds = [{ id: 'chuping', phase: 'chuping', rubric: 'r', blind: false }];
  def.tracks[0] = {
    ...def.tracks[0], nameEn: 'Green and low-carbon',
    awardTiers: [{ id: 'first', name: '一等奖', nameEn: 'First prize', count: 1 }, { id: 'second', name: '二等奖', nameEn: 'Second prize', count: 1 }],
  };
  def.programAwards = [{ id: 'zuzhi', name: '优秀组织奖', nameEn: 'Organization award', rule: { kind: 'manual' } }];
  def.decision = {
    approval: { by: 'none' },
    publicity: { results: { required: false } },
    certificate: {
      title: '获奖证书', titleEn: 'Certificate of Award',
      text: '{organization}：\n你单位“{project}”在{program}“{track}”赛道中荣获{tier}。\n特发此证。',
      textEn: '{organization}: "{project}" won the {tier} in the {track} track of the {program}.',
      serialPrefix: 'PUBT',
    },
  };
  return def;
}

const pdfText = async (bytes: Buffer): Promise<string> => (await readPdf(bytes)).pages.join('');

async function sheetRows(bytes: Buffer, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  assert.ok(ws, `sheet ${name}`);
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describeEachEngine('publication: publish, public results, certificates, exports, corrections', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let adminId: string;
  let programId: string;
  let requiredId: string;
  const slug = 'pub-test';
  const apps: { id: string; number: string; orgName: string; email: string; applicant: Client }[] = [];
  const serialOf = new Map<string, string>();
  const pub = `/api/programs/by-slug/${slug}/results`;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url, publicUrl: 'https://lvping.example.org' });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    const adminActor = await actorOf(h, admin);
    adminId = adminActor.userId;
    const created = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(publicationProgram(slug, h.deps.now())) });
    programId = (await setProgramStatus(h.deps, adminActor, created.id, 'open')).id;
    const required = testProgram('pub-required', h.deps.now());
    required.decision = { publicity: { results: { required: true } } };
    const createdRequired = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(required) });
    requiredId = (await setProgramStatus(h.deps, adminActor, createdRequired.id, 'open')).id;

    for (let i = 0; i < 3; i++) {
      const email = `papplicant${i}@example.com`;
      const a = await applicantWithOrg(h, email, creditCode(500 + i));
      const org = await h.deps.db.selectFrom('organizations').selectAll().where('id', '=', a.orgId).executeTakeFirstOrThrow();
      const app = await submittedForReview(a.client, programId, a.orgId, PROJECTS[i], { name: `联系人${i}`, phone: `1390000000${i}` }, await pdfWithAuthor(org.name));
      assert.equal((await admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision })).statusCode, 200);
      apps.push({ id: app.id, number: app.number, orgName: org.name, email, applicant: a.client });
    }
    // Two experts score every application: the ranking (and the organizer's export) has real scores and spreads.
    const experts = await acceptedExpertsFor(h, admin, smtp, programId, [
      { name: '余热专家', orgName: '清华大学', keywords: ['余热回收'], bio: '工业余热。' },
      { name: '光伏专家', orgName: '华北电力大学', keywords: ['光伏'], bio: '分布式光伏。' },
    ], 'pexpert');
    await solveAssignment(h, admin, programId, { loadCost: 0 });
    assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish`, {})).statusCode, 200);
    const scores = [[9, 10], [7, 5], [4, 5]];
    for (const [e, expert] of experts.entries()) {
      for (const item of (await expert.client.get('/api/review-assignments/mine')).json().items as { id: string; applicationId: string }[]) {
        assert.equal((await expert.client.post(`/api/review-assignments/${item.id}/confirm`, {})).statusCode, 200);
        const i = apps.findIndex((a) => a.id === item.applicationId);
        const url = `/api/review-assignments/${item.id}/sheet`;
        const cur = (await expert.client.get(url)).json();
        const sheet = { scores: { tech: Math.min(10, scores[i][0] + e), benefit: scores[i][1] }, gates: { faren: { pass: true } }, overallComment: '评语', comments: { tech: '说明' } };
        const saved = (await expert.client.put(url, { sheet, baseRevision: cur.revision })).json();
        assert.equal((await expert.client.post(`${url}/submit`, { baseRevision: saved.revision })).statusCode, 200);
      }
    }
    const statuses = await h.deps.db.selectFrom('applications').select('status').where('program_id', '=', programId).execute();
    assert.deepEqual(statuses.map((s) => s.status), ['in_review', 'in_review', 'in_review']);
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  /** The decisions (the decision feature's job) written straight through the outcome repository. */
  async function decide() {
    const ranking = (await admin.get(`/api/programs/${programId}/review/rounds/chuping/ranking`)).json();
    const items = ranking.tracks[0].items as { applicationId: string; rank: number; score: number; pAbove: number | null }[];
    assert.equal(items.length, 3);
    assert.equal(items[0].applicationId, apps[0].id);
    const now = h.deps.now();
    const tiers = ['first', 'second', null];
    for (const [i, it] of items.entries()) {
      await upsertDecision(h.deps.db, {
        program_id: programId, application_id: it.applicationId, track_id: 'green', tier_id: tiers[i], proposed_tier_id: tiers[i], rank: it.rank, score: it.score,
        p_above: it.pAbove ?? null, reason: null, removed: 0, decided_by: adminId, decided_at: now,
      });
    }
  }

  test('publishing is refused before approval and while a required 公示 is not closed, with the reason', async () => {
    const early = await admin.post(`/api/programs/${programId}/publication/publish`, {});
    assert.equal(early.statusCode, 409, early.body);
    assert.match(early.json().error.message['zh-CN'], /拟定中.*publish/);
    const overview = (await admin.get(`/api/programs/${programId}/publication`)).json();
    assert.equal(overview.canPublish, false);
    assert.match(overview.refusal.en, /deciding/);

    await outcomeOf(h.deps.db, requiredId, h.deps.now());
    assert.ok(await setOutcomeIfCurrent(h.deps.db, requiredId, 'deciding', { status: 'approved', updated_at: h.deps.now() }));
    const approved = await admin.post(`/api/programs/${requiredId}/publication/publish`, {});
    assert.equal(approved.statusCode, 409);
    assert.match(approved.json().error.message['zh-CN'], /须先公示/);
    assert.ok(await setOutcomeIfCurrent(h.deps.db, requiredId, 'approved', { status: 'in_publicity', updated_at: h.deps.now() }));
    const during = await admin.post(`/api/programs/${requiredId}/publication/publish`, {});
    assert.equal(during.statusCode, 409);
    assert.match(during.json().error.message.en, /in public announcement/);
    assert.equal((await admin.get('/api/programs/by-slug/pub-required/results')).statusCode, 404, 'nothing public before publication');
    assert.equal((await h.client().get(pub)).statusCode, 404);
    assert.equal((await h.client().get('/api/programs/by-slug/pub-test/results.xlsx')).statusCode, 404);
  });

  test('publish: statuses, certificates (a unit’s too), notices, emails, the webhook event and the audit', async () => {
    await decide();
    const unitId = (await insertTestUnit(h, programId, '北京市推荐单位'))!;
    await h.deps.db.insertInto('program_award_winners').values({ program_id: programId, award_id: 'zuzhi', unit_id: unitId, unit_name: '北京市推荐单位', by_rule: 0, reason: '组织有力', decided_by: adminId, decided_at: h.deps.now() }).execute();
    await outcomeOf(h.deps.db, programId, h.deps.now());
    assert.ok(await setOutcomeIfCurrent(h.deps.db, programId, 'deciding', { status: 'approved', updated_at: h.deps.now() }));
    const expert = await withRole(h, (await actorOf(h, admin)), 'pub-expert@example.com', 'expert', programId);
    assert.equal((await expert.post(`/api/programs/${programId}/publication/publish`, {})).statusCode, 403);
    assert.equal((await expert.get(`/api/programs/${programId}/publication`)).statusCode, 403);

    await h.deps.db.insertInto('webhook_endpoints').values({ id: 'wh1', program_id: programId, url: 'https://hooks.example.org/lvping', secret: 's', events_json: '["outcome.published"]', active: 1, created_by: adminId, created_at: h.deps.now() }).execute();
    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const r = await admin.post(`/api/programs/${programId}/publication/publish`, {});
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual({ ...(r.json() as object), publishedAt: 0 }, { awarded: 2, notAwarded: 1, certificates: 3, publishedAt: 0 });
    assert.equal((await admin.post(`/api/programs/${programId}/publication/publish`, {})).statusCode, 409, 'not twice');

    const status = async (id: string) => (await h.deps.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    assert.deepEqual([await status(apps[0].id), await status(apps[1].id), await status(apps[2].id)], ['awarded', 'awarded', 'not_awarded']);
    const certs = await h.deps.db.selectFrom('certificates').selectAll().where('program_id', '=', programId).orderBy('serial').execute();
    assert.equal(certs.length, 3);
    assert.ok(certs.every((c) => /^PUBT-\d{4}-000[123]-[0-9A-Z]{6}$/.test(c.serial)), certs.map((c) => c.serial).join());
    for (const c of certs) serialOf.set(c.application_id ?? 'unit', c.serial);
    assert.equal(certs.find((c) => c.application_id === apps[0].id)!.tier_name, '一等奖');
    assert.equal(certs.find((c) => c.award_id === 'zuzhi')!.organization, '北京市推荐单位');

    for (const [i, a] of apps.entries()) {
      const mail = decodeMail((await smtp.waitForMail(a.email)).raw);
      assert.match(mail.subject, /评选结果已发布/);
      assert.ok(mail.text.includes(`https://lvping.example.org/applications/${a.id}`), mail.text);
      assert.match(mail.text, i < 2 ? /荣获绿色低碳(一|二)等奖/ : /未获奖/);
      const notices = (await a.applicant.get('/api/notifications')).json().items as { kind: string; link: string }[];
      assert.ok(notices.some((n) => n.kind === (i < 2 ? 'publication.awarded' : 'publication.not_awarded') && n.link === `/applications/${a.id}`));
    }
    const audit = await h.deps.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', programId).execute();
    assert.ok(audit.some((x) => x.action === 'outcome.publish') && audit.some((x) => x.action === 'publication.publish'));
    const hooks = await h.deps.db.selectFrom('webhook_deliveries').selectAll().where('program_id', '=', programId).execute();
    assert.deepEqual(hooks.map((d) => d.event), ['outcome.published']);
    assert.deepEqual(JSON.parse(hooks[0].payload_json).data.awarded, 2);
    const events = await h.deps.db.selectFrom('application_events').select(['status', 'note']).where('application_id', '=', apps[0].id).orderBy('at', 'desc').execute();
    assert.equal(events[0].status, 'awarded');
  });

  test('the public pages: tiers in both languages, organizations and projects, no scores; per track; the Excel without scores', async () => {
    const anon = h.client();
    const r = await anon.get(pub);
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.program.nameEn, `Test programme ${slug}`);
    assert.equal(body.tracks.length, 1);
    const track = body.tracks[0];
    assert.deepEqual([track.name, track.nameEn], ['绿色低碳', 'Green and low-carbon']);
    assert.deepEqual(track.tiers.map((t: { name: string; nameEn: string }) => [t.name, t.nameEn]), [['一等奖', 'First prize'], ['二等奖', 'Second prize']]);
    assert.deepEqual(track.tiers[0].entries, [{ title: '余热回收发电', organization: apps[0].orgName, unit: null }]);
    assert.deepEqual(body.programAwards, [{ id: 'zuzhi', name: '优秀组织奖', nameEn: 'Organization award', winners: ['北京市推荐单位'] }]);
    assert.ok(!/score|rank|number|"sd"/i.test(r.body), 'no scores, ranks or numbers');
    assert.ok(!r.body.includes(apps[2].orgName), 'the not awarded are not listed');
    const one = await anon.get(`${pub}/tracks/green`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().tracks[0].tiers.length, 2);
    assert.equal((await anon.get(`${pub}/tracks/storage`)).json().tracks[0].tiers.length, 0);
    assert.equal((await anon.get(`${pub}/tracks/nope`)).statusCode, 404);
    assert.deepEqual((await anon.get(`${pub}/status`)).json().published, true);

    const x = await anon.get(`/api/programs/by-slug/${slug}/results.xlsx`);
    assert.equal(x.statusCode, 200);
    const rows = await sheetRows(x.rawPayload, '获奖名单');
    assert.deepEqual(rows[0], ['赛道', '获奖等级', '项目名称', '申报单位', '推荐单位']);
    assert.deepEqual(rows.slice(1).map((row) => row.slice(0, 4)), [['绿色低碳', '一等奖', '余热回收发电', apps[0].orgName], ['绿色低碳', '二等奖', '光伏储能微电网', apps[1].orgName]]);
    assert.deepEqual((await sheetRows(x.rawPayload, '组织奖'))[1], ['优秀组织奖', '北京市推荐单位']);
  });

  test('the organizer’s export has ranks, scores, spreads, tiers and serials; others may not have it', async () => {
    const x = await admin.get(`/api/programs/${programId}/publication/results.xlsx`);
    assert.equal(x.statusCode, 200, x.body);
    const rows = await sheetRows(x.rawPayload, '评选结果');
    assert.deepEqual(rows[0], ['赛道', '排名', '申报编号', '项目名称', '申报单位', '推荐单位', '得分', '标准差', '获奖等级', '证书编号']);
    assert.equal(rows.length, 4);
    assert.deepEqual([rows[1][1], rows[1][2], rows[1][3], rows[1][8], rows[1][9]], ['1', apps[0].number, '余热回收发电', '一等奖', serialOf.get(apps[0].id)]);
    assert.ok(Number(rows[1][6]) > Number(rows[2][6]) && Number(rows[2][6]) > 0, 'scores');
    assert.ok(rows.slice(1).every((row) => row[7] !== '' && Number.isFinite(Number(row[7]))), 'spreads');
    assert.equal(rows[3][8], '未获奖');
    assert.equal((await apps[0].applicant.get(`/api/programs/${programId}/publication/results.xlsx`)).statusCode, 403);
    assert.equal((await h.client().get(`/api/programs/${programId}/publication/results.xlsx`)).statusCode, 401);
  });

  test('verification: valid, unknown, malformed — never a 5xx', async () => {
    const anon = h.client();
    const serial = serialOf.get(apps[0].id)!;
    const ok = (await anon.get(`/api/certificates/verify?serial=${serial.toLowerCase()}`)).json();
    assert.equal(ok.status, 'valid');
    assert.equal(ok.serial, serial);
    assert.deepEqual([ok.certificate.organization, ok.certificate.project, ok.certificate.trackName, ok.certificate.tierName, ok.certificate.tierNameEn, ok.certificate.programName], [apps[0].orgName, '余热回收发电', '绿色低碳', '一等奖', 'First prize', `测试活动 ${slug}`]);
    const unit = (await anon.get(`/api/certificates/verify?serial=${serialOf.get('unit')}`)).json();
    assert.deepEqual([unit.status, unit.certificate.organization, unit.certificate.tierName, unit.certificate.tierNameEn], ['valid', '北京市推荐单位', '优秀组织奖', 'Organization award']);
    // A well-formed serial (right shape, right check character) that was never issued: the neighbour of a real one.
    const [prefix, year, seq] = serial.split('-');
    const guessed = makeSerial({ prefix, year: Number(year), seq: Number(seq) + 1, random: '00000' });
    assert.ok(isWellFormedSerial(guessed));
    assert.deepEqual(Object.values((await anon.get(`/api/certificates/verify?serial=${guessed}`)).json()).slice(1, 3), ['unknown', true]);
    assert.equal((await anon.get(`/api/certificates/verify?serial=${serial}&serial=x`)).statusCode, 400, 'two serials');
    for (const bad of ['', 'x', '%3Cscript%3E', '..%2F..%2Fetc', 'PUBT-2026-0001', '%E4%B8%AD%E6%96%87', '%00%FF', 'A'.repeat(150), `${serial}X`]) {
      const res = await anon.get(`/api/certificates/verify?serial=${bad}`);
      assert.equal(res.statusCode, 200, `${bad}: ${res.body}`);
      assert.deepEqual([res.json().status, res.json().wellFormed], ['unknown', false], bad);
    }
    const tooLong = await anon.get(`/api/certificates/verify?serial=${'A'.repeat(300)}`);
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().error.fields[0].path, 'serial');
    assert.equal((await anon.get('/api/certificates/verify')).statusCode, 400, 'no serial at all');
  });

  test('the certificate PDF carries the merge fields, the serial and the verification address; the ZIP holds every certificate', async () => {
    const serial = serialOf.get(apps[0].id)!;
    const pdf = await admin.get(`/api/programs/${programId}/certificates/${serial}/pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    for (const s of ['获奖证书', apps[0].orgName.replace(/\s+/g, ''), '余热回收发电', `测试活动${slug}`, '绿色低碳', '一等奖', serial, `https://lvping.example.org/verify/${serial}`, '测试主办方', '测试协办方', 'Firstprize']) {
      assert.ok(text.includes(s), `PDF lacks ${s}: ${text.slice(0, 400)}`);
    }
    assert.match(text, /二〇[二三]\S年\S+月\S+日/, 'the date of publication in Chinese');
    assert.equal((await apps[0].applicant.get(`/api/programs/${programId}/certificates/${serial}/pdf`)).statusCode, 403);

    // The ZIP is a job's file (export.certificates): queued, rendered with progress, downloaded by its owner.
    const zip = await jobDownload(h, admin, await admin.post(`/api/programs/${programId}/certificates/exports`));
    assert.equal(zip.headers['content-type'], 'application/zip');
    assert.match(decodeURIComponent(String(zip.headers['content-disposition'])), /证书\.zip/);
    const files = zipFiles(zip.rawPayload);
    assert.equal(files.length, 3);
    assert.ok(files.every((f) => f.name.endsWith('.pdf') && f.data.subarray(0, 5).toString() === '%PDF-'));
    assert.deepEqual(files.map((f) => f.name.split('-').slice(0, 4).join('-')).sort(), [...serialOf.values()].sort());
    const counter = new ZipEntryCounter();
    for (let i = 0; i < zip.rawPayload.length; i += 1000) counter.push(zip.rawPayload.subarray(i, i + 1000));
    assert.deepEqual([counter.done, counter.complete], [3, true]);
    assert.equal((await apps[0].applicant.post(`/api/programs/${programId}/certificates/exports`)).statusCode, 403);
  });

  test('applicants see their own result and certificate; nobody else’s', async () => {
    const [winner, runner, loser] = apps;
    const mine = (await winner.applicant.get(`/api/applications/${winner.id}/result`)).json();
    assert.equal(mine.published, true);
    assert.deepEqual(mine.tier, { id: 'first', name: '一等奖', nameEn: 'First prize' });
    assert.equal(mine.certificate.serial, serialOf.get(winner.id));
    assert.equal(mine.certificate.verifyUrl, `https://lvping.example.org/verify/${serialOf.get(winner.id)}`);
    const pdf = await winner.applicant.get(`/api/applications/${winner.id}/certificate.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.ok((await pdfText(pdf.rawPayload)).includes(serialOf.get(winner.id)!));
    assert.equal((await runner.applicant.get(`/api/applications/${winner.id}/result`)).statusCode, 404);
    assert.equal((await runner.applicant.get(`/api/applications/${winner.id}/certificate.pdf`)).statusCode, 404);
    assert.equal((await h.client().get(`/api/applications/${winner.id}/result`)).statusCode, 401);
    const lost = (await loser.applicant.get(`/api/applications/${loser.id}/result`)).json();
    assert.deepEqual([lost.published, lost.tier, lost.certificate], [true, null, null]);
    assert.equal((await loser.applicant.get(`/api/applications/${loser.id}/certificate.pdf`)).statusCode, 404);
  });

  test('a correction after publication: organizer only, with a reason; the old certificate is revoked, a new one valid, the public page shows it with its date', async () => {
    const [winner, runner, loser] = apps;
    const url = `/api/programs/${programId}/publication/corrections`;
    const expert = h.client();
    await expert.login('pub-expert@example.com');
    assert.equal((await expert.post(url, { applicationId: runner.id, toTierId: 'first', reason: '复核' })).statusCode, 403);
    assert.equal((await runner.applicant.post(url, { applicationId: runner.id, toTierId: 'first', reason: '复核' })).statusCode, 403);
    const noReason = await admin.post(url, { applicationId: runner.id, toTierId: 'first' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.fields[0].path, 'reason');
    assert.match(noReason.json().error.fields[0].message['zh-CN'], /更正原因/);
    assert.equal((await admin.post(url, { applicationId: runner.id, toTierId: 'first', reason: ' ' })).statusCode, 400);
    assert.equal((await admin.post(url, { applicationId: runner.id, toTierId: 'gold', reason: '复核' })).json().error.fields[0].path, 'toTierId');
    assert.equal((await admin.post(url, { applicationId: runner.id, toTierId: 'second', reason: '复核' })).statusCode, 400, 'no change');
    assert.equal((await admin.post(url, { applicationId: 'ghost', toTierId: 'first', reason: '复核' })).statusCode, 404);
    assert.equal((await h.deps.db.selectFrom('decision_corrections').selectAll().execute()).length, 0, 'nothing written by refused requests');

    const reason = '复核发现分数录入错误，二等奖更正为一等奖';
    const old = serialOf.get(runner.id)!;
    const r = await admin.post(url, { applicationId: runner.id, toTierId: 'first', reason });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json().revoked, [old]);
    const fresh = r.json().issued as string;
    assert.match(fresh, /^PUBT-\d{4}-0004-/);

    const anon = h.client();
    const revoked = (await anon.get(`/api/certificates/verify?serial=${old}`)).json();
    assert.equal(revoked.status, 'revoked');
    assert.ok(revoked.revokedAt > 0);
    assert.ok(revoked.revokeReason.includes(reason));
    assert.equal(revoked.replacedBy, fresh);
    const valid = (await anon.get(`/api/certificates/verify?serial=${fresh}`)).json();
    assert.deepEqual([valid.status, valid.certificate.tierName], ['valid', '一等奖']);

    const results = (await anon.get(pub)).json();
    assert.deepEqual(results.tracks[0].tiers.map((t: { id: string; entries: unknown[] }) => [t.id, t.entries.length]), [['first', 2]]);
    assert.equal(results.corrections.length, 1);
    const c = results.corrections[0];
    assert.deepEqual([c.title, c.organization, c.from.name, c.to.name, c.to.nameEn, c.reason], ['光伏储能微电网', runner.orgName, '二等奖', '一等奖', 'First prize', reason]);
    assert.ok(c.at > 0);
    assert.equal((await sheetRows((await anon.get(`/api/programs/by-slug/${slug}/results.xlsx`)).rawPayload, '更正'))[1][6], reason);

    // Taking a tier away: not awarded, the certificate revoked, none issued; giving one to the not awarded: awarded.
    const away = await admin.post(url, { applicationId: winner.id, toTierId: null, reason: '经查实存在违规情形，取消获奖资格' });
    assert.deepEqual([away.json().revoked, away.json().issued], [[serialOf.get(winner.id)], null]);
    const given = await admin.post(url, { applicationId: loser.id, toTierId: 'second', reason: '复议后增补' });
    assert.equal(given.statusCode, 200, given.body);
    const statuses = await h.deps.db.selectFrom('applications').select(['id', 'status']).where('program_id', '=', programId).execute();
    const st = new Map(statuses.map((s) => [s.id, s.status]));
    assert.deepEqual([st.get(winner.id), st.get(runner.id), st.get(loser.id)], ['not_awarded', 'awarded', 'awarded']);
    assert.equal((await winner.applicant.get(`/api/applications/${winner.id}/certificate.pdf`)).statusCode, 404);
    assert.equal((await loser.applicant.get(`/api/applications/${loser.id}/result`)).json().tier.name, '二等奖');
    assert.equal((await anon.get(pub)).json().corrections.length, 3);
    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'publication.correct').execute();
    assert.equal(audit.length, 3);
    const zip = await jobDownload(h, admin, await admin.post(`/api/programs/${programId}/certificates/exports`));
    assert.equal(zipFiles(zip.rawPayload).length, 3, 'only valid certificates: the runner’s new one, the loser’s and the unit’s');
    const overview = (await admin.get(`/api/programs/${programId}/publication`)).json();
    assert.deepEqual(overview.certificates, { valid: 3, revoked: 2 });
    assert.equal(overview.corrections.length, 3);
  });
});
