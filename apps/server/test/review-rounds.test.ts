import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describeEachEngine } from './support/engines.ts';
import { jobOf, solveAssignment } from './support/jobs.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { sendDueReminders } from '../src/features/review/progress.service.ts';
import { actorOf, applicantWithOrg, multipart } from './support/journey.ts';
import { creditCode } from './support/screening.ts';
import { acceptedExpertsFor, openReviewProgram, pdfWithAuthor, submittedForReview } from './support/review.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';

// Review rounds end to end on both engines: a blind online round (nothing identifying reaches
// an expert, byte for byte, on any endpoint an expert can call), score sheets with autosave,
// revision conflicts, submission that locks and an organizer's audited unlock, a 基本要求 gate
// that keeps an application out of the ranking, progress and reminders (now and scheduled),
// the ranking with its explanation, and advancing the top N to the roadshow with a reason.

type Mine = { id: string; applicationId: string; roundId: string; orgName: string | null; title: string | null; blind: boolean; confirmed: boolean; sheet: string };

const PROJECTS = [
  { projectName: '余热回收发电', summary: '钢铁行业余热回收与发电，年减排二氧化碳2万吨。' },
  { projectName: '光伏储能微电网', summary: '分布式光伏与储能微电网。' },
  { projectName: '污水深度处理', summary: '工业废水膜处理回用。' },
  { projectName: '氢能重卡', summary: '氢燃料电池重卡示范运营。' },
];
// Each applicant's contact, and a summary that names its own organization: both must be masked.
const CONTACTS = [{ name: '李明远', phone: '13800000001' }, { name: '王晓红', phone: '13800000002' }, { name: '赵志强', phone: '13800000003' }, { name: '孙丽华', phone: '13800000004' }];

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('');
  const meta = await doc.getMetadata();
  return text + JSON.stringify(meta.info ?? {}) + (meta.metadata ? JSON.stringify([...meta.metadata]) : '');
}

describeEachEngine('review rounds: blind reading, score sheets, ranking, reminders, advance', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let programId: string;
  const apps: { id: string; number: string; orgName: string; creditCode: string; applicant: Client }[] = [];
  let experts: Awaited<ReturnType<typeof acceptedExpertsFor>>;
  const round = (r: string) => `/api/programs/${programId}/review/rounds/${r}`;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    programId = await openReviewProgram(h, await actorOf(h, admin), 'rounds-test');
    for (let i = 0; i < 4; i++) {
      const a = await applicantWithOrg(h, `rapplicant${i}@example.com`, creditCode(300 + i));
      const org = await h.deps.db.selectFrom('organizations').selectAll().where('id', '=', a.orgId).executeTakeFirstOrThrow();
      const basic = { ...PROJECTS[i], summary: `${org.name}研发：${PROJECTS[i].summary}` };
      const app = await submittedForReview(a.client, programId, a.orgId, basic, CONTACTS[i], await pdfWithAuthor(org.name));
      const pass = await admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision });
      assert.equal(pass.statusCode, 200, pass.body);
      apps.push({ id: app.id, number: app.number, orgName: org.name, creditCode: org.credit_code, applicant: a.client });
    }
    experts = await acceptedExpertsFor(h, admin, smtp, programId, [
      { name: '余热专家', orgName: '清华大学', keywords: ['余热回收'], bio: '工业余热回收利用。' },
      { name: '光伏专家', orgName: '华北电力大学', keywords: ['光伏', '储能'], bio: '分布式光伏。' },
      { name: '水处理专家', orgName: '同济大学', keywords: ['污水'], bio: '工业废水处理。' },
    ], 'rexpert');
    const solved = await solveAssignment(h, admin, programId, { loadCost: 0 });
    assert.equal(solved.view.roundId, 'chuping');
    assert.deepEqual(solved.view.rounds.map((r: { id: string }) => r.id), ['chuping', 'luyan', 'kaocha']);
    assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish`, {})).statusCode, 200);
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const mine = async (c: Client): Promise<Mine[]> => {
    const r = await c.get('/api/review-assignments/mine');
    assert.equal(r.statusCode, 200, r.body);
    return r.json().items;
  };
  const assignmentsOf = async () => {
    const all: { expert: number; item: Mine }[] = [];
    for (const [i, e] of experts.entries()) for (const item of await mine(e.client)) all.push({ expert: i, item });
    return all;
  };

  test('an expert sees nothing until the conflict check; a blind round hides the applicant on every endpoint, byte for byte', async () => {
    const [first] = await mine(experts[0].client);
    assert.ok(first.blind);
    assert.equal(first.orgName, null);
    const c = experts[0].client;
    const before = await c.get(`/api/review-assignments/${first.id}/application`);
    assert.equal(before.statusCode, 403);
    assert.match(before.json().error.message['zh-CN'], /回避/);
    assert.equal((await c.get(`/api/review-assignments/${first.id}/sheet`)).statusCode, 403);
    assert.equal((await c.post(`/api/review-assignments/${first.id}/confirm`, {})).statusCode, 200);
    assert.equal((await experts[1].client.post(`/api/review-assignments/${first.id}/confirm`, {})).statusCode, 404, 'not theirs');

    // Confirm every assignment of every expert, then walk every endpoint an expert can call.
    for (const { expert, item } of await assignmentsOf()) assert.equal((await experts[expert].client.post(`/api/review-assignments/${item.id}/confirm`, {})).statusCode, 200);
    const secrets = apps.flatMap((a) => [a.orgName, a.creditCode, `rapplicant${apps.indexOf(a)}@example.com`]).concat(CONTACTS.flatMap((x) => [x.name, x.phone]), ['010-12345678', '某某公司']);
    for (const [i, e] of experts.entries()) {
      const bodies: { url: string; bytes: Buffer }[] = [];
      const grab = async (url: string) => {
        const r = await e.client.get(url);
        assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
        bodies.push({ url, bytes: r.rawPayload });
        return r;
      };
      await grab('/api/review-assignments/mine');
      await grab('/api/notifications');
      await grab('/api/auth/me');
      for (const item of await mine(e.client)) {
        const reading = (await grab(`/api/review-assignments/${item.id}/application`)).json();
        assert.equal(reading.blind, true);
        assert.ok(!reading.form.sections.some((s: { id: string }) => s.id === 'contact'), 'the identifying section is gone from the form');
        assert.match(reading.answers.basic.summary, /■■■研发/, 'the applicant named in free text is masked');
        await grab(`/api/review-assignments/${item.id}/sheet`);
        const pdf = await grab(`/api/review-assignments/${item.id}/pdf`);
        bodies.push({ url: `${item.id}/pdf (text)`, bytes: Buffer.from(await pdfText(pdf.rawPayload)) });
        assert.match(await pdfText(pdf.rawPayload), /■■■/);
        assert.equal(reading.files.length, 0, 'the license is an identifying field: not offered');
      }
      for (const b of bodies) {
        const text = b.bytes.toString('utf8');
        for (const s of secrets) assert.ok(!text.includes(s), `expert ${i}: ${b.url} contains "${s}"`);
      }
    }
  });

  test('a blind attachment is renamed and stripped of its PDF metadata', async () => {
    // The license is identifying here; lift that for the test program's next check by reading a non-identifying copy.
    const [item] = await mine(experts[0].client);
    const app = await h.deps.db.selectFrom('applications').select(['answers_json']).where('id', '=', item.applicationId).executeTakeFirstOrThrow();
    const fileId = JSON.parse(app.answers_json).basic.license.id as string;
    assert.equal((await experts[0].client.get(`/api/review-assignments/${item.id}/files/${fileId}`)).statusCode, 404, 'an identifying attachment is never served');
    // Move the license out of the identifying fields: it is served renamed, without its author.
    const program = await h.deps.db.selectFrom('programs').select(['definition_json']).where('id', '=', programId).executeTakeFirstOrThrow();
    const def = JSON.parse(program.definition_json!);
    def.review.rounds[0].identifying[0].fields = ['contact'];
    await h.deps.db.updateTable('programs').set({ definition_json: JSON.stringify(def) }).where('id', '=', programId).execute();
    try {
      const reading = (await experts[0].client.get(`/api/review-assignments/${item.id}/application`)).json();
      assert.deepEqual(reading.files.map((f: { name: string }) => f.name), ['附件1.pdf']);
      const file = await experts[0].client.get(`/api/review-assignments/${item.id}/files/${fileId}`);
      assert.equal(file.statusCode, 200);
      assert.match(String(file.headers['content-disposition']), /%E9%99%84%E4%BB%B61\.pdf|附件1\.pdf/);
      const doc = await PDFDocument.load(file.rawPayload);
      assert.equal(doc.getAuthor() ?? '', '');
      assert.equal(doc.getTitle() ?? '', '');
      const orgName = apps.find((a) => a.id === item.applicationId)!.orgName;
      assert.ok(!(await pdfText(file.rawPayload)).includes(orgName));
    } finally {
      def.review.rounds[0].identifying[0].fields = ['contact', 'basic.license'];
      await h.deps.db.updateTable('programs').set({ definition_json: JSON.stringify(def) }).where('id', '=', programId).execute();
    }
  });

  test('the sheet autosaves with a revision check, submits complete, locks, and only an organizer unlocks with a reason', async () => {
    const c = experts[0].client;
    // Not the application whose gate fails later: this sheet passes the gate.
    const item = (await mine(c)).find((m) => m.applicationId !== apps[3].id)!;
    const url = `/api/review-assignments/${item.id}/sheet`;
    const empty = (await c.get(url)).json();
    assert.equal(empty.status, 'none');
    assert.deepEqual(empty.rubric.criteria.map((x: { weight: number }) => x.weight), [60, 40]);
    // A draft keeps a wrong value and says what is wrong with it.
    const s1 = await c.put(url, { sheet: { scores: { tech: 11 } }, baseRevision: 0 });
    assert.equal(s1.statusCode, 200, s1.body);
    assert.equal(s1.json().revision, 1);
    assert.ok(s1.json().problems.some((p: { path: string }) => p.path === 'scores.tech'));
    const stale = await c.put(url, { sheet: { scores: { tech: 3 } }, baseRevision: 0 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'STALE_REVISION');
    assert.equal((await c.put(url, { sheet: { scores: { nope: 3 } }, baseRevision: 1 })).statusCode, 400, 'an unknown criterion is refused');
    assert.equal((await c.put(url, { sheet: { scores: { tech: 'x' } }, baseRevision: 1 })).statusCode, 400);
    // Submission needs everything: the gate, a comment under 4, the overall comment.
    const s2 = (await c.put(url, { sheet: { scores: { tech: 3, benefit: 5 }, gates: { faren: { pass: true } } }, baseRevision: 1 })).json();
    const refused = await c.post(`${url}/submit`, { baseRevision: s2.revision });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(refused.json().error.fields.map((f: { path: string }) => f.path).sort(), ['comments.tech', 'overallComment']);
    const s3 = (await c.put(url, { sheet: { scores: { tech: 3, benefit: 5 }, comments: { tech: '技术指标缺少对标' }, gates: { faren: { pass: true } }, overallComment: '基础较好' }, baseRevision: s2.revision })).json();
    const done = await c.post(`${url}/submit`, { baseRevision: s3.revision });
    assert.equal(done.statusCode, 200, done.body);
    // 60·3/10 + 40·5/10
    assert.equal(done.json().total, 38);
    assert.equal(done.json().status, 'submitted');
    const locked = await c.put(url, { sheet: { scores: { tech: 9 } }, baseRevision: done.json().revision });
    assert.equal(locked.statusCode, 409);
    assert.match(locked.json().error.message['zh-CN'], /锁定/);

    const unlock = `/api/programs/${programId}/review/sheets/${item.id}/unlock`;
    assert.equal((await c.post(unlock, { reason: '我想改' })).statusCode, 403, 'an expert does not unlock');
    assert.equal((await admin.post(unlock, { reason: '' })).statusCode, 400);
    const ok = await admin.post(unlock, { reason: '技术先进性评分与评语不一致，请复核' });
    assert.equal(ok.statusCode, 200, ok.body);
    const audit = await h.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'review.sheet_unlock').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0].after_json ?? '', /评分与评语不一致/);
    const reopened = (await c.get(url)).json();
    assert.equal(reopened.status, 'draft');
    assert.equal(reopened.unlockReason, '技术先进性评分与评语不一致，请复核');
    assert.equal((await mine(c)).find((m) => m.id === item.id)!.sheet, 'draft');
    const resubmitted = await c.post(`${url}/submit`, { baseRevision: reopened.revision });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);
  });

  test('progress, reminders now and scheduled, the ranking with its explanation and a gate that excludes', async () => {
    const progress = (await admin.get(`${round('chuping')}/progress`)).json();
    assert.equal(progress.totals.assigned, 8);
    assert.equal(progress.totals.submitted, 1);
    assert.equal((await experts[0].client.get(`${round('chuping')}/progress`)).statusCode, 403);
    // Everyone but expert 2 submits; apps[3] fails the gate with both its reviewers, if it has two who submit.
    const scores = [[9, 10], [7, 5], [5, 5], [6, 10]];
    for (const { expert, item } of await assignmentsOf()) {
      if (expert === 2 || item.sheet === 'submitted') continue;
      const i = apps.findIndex((a) => a.id === item.applicationId);
      const url = `/api/review-assignments/${item.id}/sheet`;
      const cur = (await experts[expert].client.get(url)).json();
      const fail = i === 3;
      const sheet = fail
        ? { gates: { faren: { pass: false, note: '为分公司，不具有独立法人资格' } }, overallComment: '不满足基本要求' }
        : { scores: { tech: scores[i][0] + expert, benefit: scores[i][1] }, gates: { faren: { pass: true } }, overallComment: '评语', comments: { tech: '说明' } };
      const saved = (await experts[expert].client.put(url, { sheet, baseRevision: cur.revision })).json();
      const r = await experts[expert].client.post(`${url}/submit`, { baseRevision: saved.revision });
      assert.equal(r.statusCode, 200, r.body);
    }
    const later = (await admin.get(`${round('chuping')}/progress`)).json();
    const behind = later.experts.filter((e: { submitted: number; assigned: number }) => e.submitted < e.assigned);
    assert.deepEqual(behind.map((e: { email: string }) => e.email), [experts[2].email]);

    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const now = await admin.post(`${round('chuping')}/reminders`, {});
    assert.equal(now.statusCode, 200, now.body);
    assert.equal(now.json().sent, 1);
    assert.match(decodeMail((await smtp.waitForMail(experts[2].email)).raw).text, /未提交/);
    await h.runJobs(); // every queued reminder is out before counting
    assert.equal(smtp.mails.filter((m) => m.to.includes(experts[0].email)).length, 0, 'only the late expert is reminded');
    assert.equal((await admin.post(`${round('chuping')}/reminders`, { at: Date.now() - 1000 })).statusCode, 400);
    const at = Date.now() + 60_000;
    assert.equal((await admin.post(`${round('chuping')}/reminders`, { at })).json().scheduled, at);
    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    assert.equal(await sendDueReminders(h.deps), 0, 'not due yet');
    assert.equal(await sendDueReminders({ ...h.deps, now: () => at + 1 }), 1);
    await smtp.waitForMail(experts[2].email);
    assert.equal(await sendDueReminders({ ...h.deps, now: () => at + 2 }), 0, 'sent once');
    assert.equal((await admin.get(`${round('chuping')}/progress`)).json().reminders[0].sentCount, 1);

    const ranking = (await admin.get(`${round('chuping')}/ranking`)).json();
    assert.equal(ranking.method, 'calibrated');
    assert.equal(ranking.methods.length, 3);
    assert.match(ranking.cutRule['zh-CN'], /前 2 名/);
    const [track] = ranking.tracks;
    const excluded = track.excluded.find((x: { applicationId: string }) => x.applicationId === apps[3].id);
    assert.ok(excluded, JSON.stringify(track.excluded));
    assert.equal(excluded.reasons[0].gate, '具有独立法人资格');
    assert.match(excluded.reasons[0].notes[0], /分公司/);
    assert.ok(!track.items.some((x: { applicationId: string }) => x.applicationId === apps[3].id), 'a failed gate keeps it out of the ranking');
    const top = track.items[0];
    assert.equal(top.rank, 1);
    assert.ok(top.reviews.every((r: { parts: { weighted: number }[]; total: number }) => Math.abs(r.parts.reduce((s, p) => s + p.weighted, 0) - r.total) < 1e-9));
    assert.ok(top.pAbove === null || (top.pAbove >= 0 && top.pAbove <= 1));
    const mean = (await admin.get(`${round('chuping')}/ranking?method=mean`)).json();
    assert.equal(mean.method, 'mean');
    for (const it of mean.tracks[0].items) assert.equal(it.score, it.mean);
    assert.equal((await admin.get(`${round('chuping')}/ranking?method=median`)).statusCode, 400);
    assert.equal((await admin.get(`${round('nope')}/ranking`)).statusCode, 404);
  });

  test('advancing: the top 2 proposed, a change needs a reason, applicants told their own result, done once', async () => {
    const preview = (await admin.get(`${round('chuping')}/advance`)).json();
    assert.equal(preview.to.roundId, 'luyan');
    assert.equal(preview.done, false);
    const items = preview.tracks[0].items as { applicationId: string; proposed: boolean; rank: number | null }[];
    const proposed = items.filter((i) => i.proposed).map((i) => i.applicationId);
    assert.equal(proposed.length, 2);
    assert.deepEqual(proposed, items.filter((i) => i.rank !== null && i.rank <= 2).map((i) => i.applicationId));
    const other = items.find((i) => !i.proposed)!.applicationId;
    const changed = [proposed[0], other];
    const noReason = await admin.post(`${round('chuping')}/advance`, { include: changed });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.fields[0].path, 'reason');
    assert.equal((await admin.post(`${round('chuping')}/advance`, { include: ['ghost'] })).statusCode, 400);
    const ok = await admin.post(`${round('chuping')}/advance`, { include: changed, reason: '专家组复议后调整' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { entered: 2, eliminated: 2 });
    assert.equal((await admin.post(`${round('chuping')}/advance`, { include: changed, reason: '再来一次' })).statusCode, 409);
    const statuses = await h.deps.db.selectFrom('applications').select(['id', 'status']).where('program_id', '=', programId).execute();
    for (const s of statuses) assert.equal(s.status, changed.includes(s.id) ? 'advanced' : 'eliminated', s.id);
    // Each applicant is told its own result, and nothing of the others.
    for (const a of apps) {
      const notes = (await a.applicant.get('/api/notifications')).json().items as { title: string; body: string }[];
      const mineNote = notes.find((n) => /晋级|评审结果/.test(n.title))!;
      assert.match(mineNote.body, changed.includes(a.id) ? /进入路演答辩/ : /未进入路演答辩/);
      for (const other of apps) if (other !== a) assert.ok(!notes.some((n) => n.body.includes(other.number)));
    }
    const done = (await admin.get(`${round('chuping')}/advance`)).json();
    assert.equal(done.done, true);
    assert.deepEqual(done.tracks[0].items.filter((i: { proposed: boolean }) => i.proposed).map((i: { applicationId: string }) => i.applicationId).sort(), [...changed].sort());
    // The roadshow's assignment pool is exactly the entrants; it is not blind.
    const luyan = (await admin.get(`/api/programs/${programId}/assignment?round=luyan`)).json();
    assert.equal(luyan.applications, 2);
    assert.equal(luyan.roundId, 'luyan');
    // A pin holds in its own round: three pins on one application of 初评 (2 reviews each) make
    // that round's solve refuse with the reason, and leave the roadshow's alone.
    for (const e of experts) {
      const pinned = await admin.post(`/api/programs/${programId}/assignment/rules?round=chuping`, { applicationId: changed[0], expertId: e.id, kind: 'pin', reason: '指定' });
      assert.equal(pinned.statusCode, 200, pinned.body);
    }
    // The refusal is the job's: dead at once (it would only be refused again), its error the reason.
    const refused = await jobOf(h, admin, await admin.post(`/api/programs/${programId}/assignment/solve?round=chuping`, { loadCost: 0 }));
    assert.equal(refused.status, 'dead', JSON.stringify(refused));
    assert.equal(refused.attempts, 1);
    assert.match(refused.error ?? '', /无法按当前规则分配/);
    const solved = await solveAssignment(h, admin, programId, { loadCost: 0 }, 'luyan');
    assert.deepEqual([...new Set(solved.view.items.map((i: { applicationId: string }) => i.applicationId))].sort(), [...changed].sort());
    assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish?round=luyan`, {})).statusCode, 200);
    const roadshow = (await mine(experts[0].client)).filter((m) => m.roundId === 'luyan');
    assert.ok(roadshow.length > 0);
    assert.ok(roadshow.every((m) => !m.blind && m.orgName));
    await experts[0].client.post(`/api/review-assignments/${roadshow[0].id}/confirm`, {});
    assert.deepEqual((await experts[0].client.get(`/api/review-assignments/${roadshow[0].id}/sheet`)).json().timing, { presentMinutes: 8, qaMinutes: 7 });
  });

  test('roadshow slots per panel (the applicant sees its own), panel members score; a site visit with its report', async () => {
    const [a, b] = (await admin.get(`${round('luyan')}/schedule`)).json().items as { applicationId: string }[];
    assert.equal((await admin.put(`${round('luyan')}/slots/${a.applicationId}`, { panel: '第一组', startsAt: '2026-13-01 09:00', place: '301会议室' })).statusCode, 400);
    assert.equal((await admin.put(`${round('chuping')}/slots/${a.applicationId}`, { panel: '第一组', startsAt: '2027-01-05 09:00', place: '301' })).statusCode, 400, 'not a roadshow round');
    assert.equal((await admin.put(`${round('luyan')}/slots/${apps.find((x) => ![a.applicationId, b.applicationId].includes(x.id))!.id}`, { panel: '第一组', startsAt: '2027-01-05 09:00', place: '301' })).statusCode, 404, 'not in the round');
    for (const [i, x] of [a, b].entries()) {
      const r = await admin.put(`${round('luyan')}/slots/${x.applicationId}`, { panel: '第一组', startsAt: `2027-01-05 09:${i ? '15' : '00'}`, place: '腾讯会议 123-456-789' });
      assert.equal(r.statusCode, 200, r.body);
    }
    const owner = apps.find((x) => x.id === a.applicationId)!;
    const seen = (await owner.applicant.get(`/api/applications/${a.applicationId}/review-schedule`)).json();
    assert.deepEqual(seen.items[0].slot, { panel: '第一组', startsAt: Date.UTC(2027, 0, 5, 1, 0), place: '腾讯会议 123-456-789' });
    assert.deepEqual(seen.items[0].timing, { presentMinutes: 8, qaMinutes: 7 });
    assert.equal((await apps.find((x) => x !== owner)!.applicant.get(`/api/applications/${a.applicationId}/review-schedule`)).statusCode, 404, 'not another applicant’s');

    // Panel members: every member gets every application of the panel (already assigned pairs kept).
    const added = await admin.post(`${round('luyan')}/panels/第一组/members`, { expertIds: experts.map((e) => e.id) });
    assert.equal(added.statusCode, 200, added.body);
    const luyanView = await admin.get(`/api/programs/${programId}/assignment?round=luyan`);
    assert.equal(luyanView.statusCode, 200, luyanView.body);
    assert.equal(luyanView.json().items.length, 6, 'three members × two applications');
    assert.equal(luyanView.json().items.filter((i: { source: string }) => i.source === 'panel').length, added.json().added);
    // A solve never drops a panel's members: here they exceed the round's 2 reviews, so it refuses instead.
    assert.equal((await jobOf(h, admin, await admin.post(`/api/programs/${programId}/assignment/solve?round=luyan`, { loadCost: 0 }))).status, 'dead');
    assert.equal((await admin.get(`/api/programs/${programId}/assignment?round=luyan`)).json().items.length, 6);
    assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish?round=luyan`, {})).statusCode, 200);
    const schedule = (await admin.get(`${round('luyan')}/schedule`)).json();
    assert.equal(schedule.panels[0].members.length, 3);
    // Each member scores live; the ranking of the roadshow reads all of them.
    for (const e of experts) {
      for (const item of (await mine(e.client)).filter((m) => m.roundId === 'luyan')) {
        await e.client.post(`/api/review-assignments/${item.id}/confirm`, {});
        const reading = (await e.client.get(`/api/review-assignments/${item.id}/application`)).json();
        assert.equal(reading.slot.panel, '第一组');
        const url = `/api/review-assignments/${item.id}/sheet`;
        const cur = (await e.client.get(url)).json();
        const good = item.applicationId === a.applicationId;
        const saved = (await e.client.put(url, { sheet: { scores: { tech: good ? 9 : 6, benefit: 10 }, gates: { faren: { pass: true } }, overallComment: '路演表现' }, baseRevision: cur.revision })).json();
        assert.equal((await e.client.post(`${url}/submit`, { baseRevision: saved.revision })).statusCode, 200);
      }
    }
    const ranking = (await admin.get(`${round('luyan')}/ranking`)).json();
    assert.equal(ranking.tracks[0].items[0].applicationId, a.applicationId);
    assert.equal(ranking.tracks[0].items[0].n, 3);

    // The best goes on to the site visit; the team uploads its report.
    assert.equal((await admin.post(`${round('luyan')}/advance`, { include: [a.applicationId] })).statusCode, 200);
    assert.equal((await admin.put(`${round('luyan')}/visits/${a.applicationId}`, { date: '2027-01-10', team: '余热专家', address: '郑州' })).statusCode, 400, 'not a site-visit round');
    assert.equal((await admin.put(`${round('kaocha')}/visits/${a.applicationId}`, { date: '2027-02-30', team: '余热专家', address: '郑州市' })).statusCode, 400, 'not a real date');
    const visit = await admin.put(`${round('kaocha')}/visits/${a.applicationId}`, { date: '2027-01-10', team: '余热专家、秘书处王老师', address: '河南省郑州市高新区科学大道100号' });
    assert.equal(visit.statusCode, 200, visit.body);
    const solved = await solveAssignment(h, admin, programId, { loadCost: 0 }, 'kaocha');
    assert.equal(solved.view.items.length, 1);
    await admin.post(`/api/programs/${programId}/assignment/publish?round=kaocha`, {});
    const visitor = experts.find((e) => e.id === solved.view.items[0].expertId)!;
    const [task] = (await mine(visitor.client)).filter((m) => m.roundId === 'kaocha');
    await visitor.client.post(`/api/review-assignments/${task.id}/confirm`, {});
    const report = await visitor.client.upload(`/api/review-assignments/${task.id}/visit-report`, multipart('考察报告.pdf', await pdfWithAuthor('考察组'), 'application/pdf'));
    assert.equal(report.statusCode, 200, report.body);
    const wrongType = await visitor.client.upload(`/api/review-assignments/${task.id}/visit-report`, multipart('考察报告.pdf', Buffer.from('not a pdf'), 'application/pdf'));
    assert.equal(wrongType.statusCode, 415, wrongType.body);
    const reading = (await visitor.client.get(`/api/review-assignments/${task.id}/application`)).json();
    assert.equal(reading.visit.address, '河南省郑州市高新区科学大道100号');
    assert.equal(reading.visit.report.name, '考察报告.pdf');
    assert.equal((await visitor.client.get(`/api/review-assignments/${task.id}/files/${report.json().id}`)).statusCode, 200);
    assert.equal((await owner.applicant.get(`/api/applications/${a.applicationId}/files/${report.json().id}`)).statusCode, 404, 'the report is the review’s, not the applicant’s');
    assert.equal((await admin.get(`/api/applications/${a.applicationId}/files/${report.json().id}`)).statusCode, 200);
    const organizerView = (await admin.get(`${round('kaocha')}/schedule`)).json();
    assert.equal(organizerView.items[0].visit.report.name, '考察报告.pdf');
    assert.equal((await admin.get(`${round('kaocha')}/advance`)).statusCode, 400, 'the last round has no next round');
  });
});
