// A draft is a draft: a value over its limit or of the wrong plain type is stored and reported
// beside its field, every later edit is saved too, and only submission insists on validity.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf } from './support/journey.ts';

type Problem = { path: string; message: { 'zh-CN': string; en: string } };

describeEachEngine('drafts holding invalid values', (engine) => {
  let h: Harness;
  let adminClient: Client;
  let programId: string;
  let a: { client: Client; orgId: string };

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    adminClient = h.client();
    await adminClient.login(first.email, first.password);
    programId = (await openProgram(h, await actorOf(h, adminClient), 'invalid-drafts')).id;
    a = await applicantWithOrg(h, 'draft-invalid@example.com', creditCodes[2]);
  });
  after(() => h.close());

  test('over-limit text is stored with its problem; later saves go on; submit refuses until fixed', async () => {
    const app = (await a.client.post('/api/applications', { programId, trackId: 'green', organizationId: a.orgId })).json();
    const url = `/api/applications/${app.id}/draft`;
    const tooLong = '超'.repeat(25);
    const first = await a.client.put(url, { answers: { basic: { projectName: tooLong } }, baseRevision: 0 });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().revision, 1);
    const problems: Problem[] = first.json().problems;
    assert.deepEqual(problems.map((p) => p.path), ['basic.projectName']);
    // The same message the 400 of a submission carries, in both languages.
    assert.match(problems[0].message['zh-CN'], /20/);
    assert.match(problems[0].message.en, /20/);

    // Twenty more edits, each saved, the over-limit text kept throughout.
    let revision = 1;
    for (let i = 1; i <= 20; i++) {
      const r = await a.client.put(url, { answers: { basic: { projectName: tooLong, summary: `第${i}次修改`, revenue: i } }, baseRevision: revision });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().problems.length, 1, r.body);
      revision = r.json().revision;
    }
    assert.equal(revision, 21);
    const stored = (await a.client.get(`/api/applications/${app.id}`)).json();
    assert.deepEqual(stored.answers, { basic: { projectName: tooLong, summary: '第20次修改', revenue: 20 } });

    // Text typed into a number field is kept as typed and reported too.
    const typed = await a.client.put(url, { answers: { basic: { projectName: tooLong, summary: '第20次修改', revenue: '一千二百' } }, baseRevision: revision++ });
    assert.equal(typed.statusCode, 200, typed.body);
    assert.deepEqual(typed.json().problems.map((p: Problem) => p.path).sort(), ['basic.projectName', 'basic.revenue']);

    // The PDFs of such a draft render: the applicant's own and a platform admin's look.
    const own = await a.client.get(`/api/applications/${app.id}/pdf`);
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const adminPdf = await adminClient.post(`/api/applications/${app.id}/admin-open/pdf`, { reason: '排查草稿保存问题' });
    assert.equal(adminPdf.statusCode, 200, adminPdf.body);

    // Submission names the fields at fault.
    const refused = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: revision });
    assert.equal(refused.statusCode, 400, refused.body);
    const paths = refused.json().error.fields.map((f: Problem) => f.path);
    assert.ok(paths.includes('basic.projectName'), refused.body);
    assert.ok(paths.includes('basic.revenue'), refused.body);

    // Fixed and completed: saved without problems, submitted.
    const up = await a.client.upload(`/api/applications/${app.id}/files?field=basic.license`, multipart('营业执照.pdf', samplePdf, 'application/pdf'));
    assert.equal(up.statusCode, 200, up.body);
    const fixed = await a.client.put(url, {
      answers: { basic: { projectName: '高效储热系统', summary: '第20次修改', revenue: 1200, license: up.json() }, pledge: { declaration: true } }, baseRevision: revision,
    });
    assert.equal(fixed.statusCode, 200, fixed.body);
    assert.deepEqual(fixed.json().problems, []);
    const submitted = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: fixed.json().revision });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().status, 'submitted');
  });

  test('what is no answer at all is still refused and nothing is stored', async () => {
    const b = await applicantWithOrg(h, 'draft-malformed@example.com', creditCodes[3]);
    const app = (await b.client.post('/api/applications', { programId, trackId: 'green', organizationId: b.orgId })).json();
    const url = `/api/applications/${app.id}/draft`;
    for (const answers of [
      { nowhere: { x: 1 } },
      { basic: { nickname: 'x' } },
      { basic: { projectName: { text: '一个对象' } } },
      { basic: { revenue: [1, 2] } },
      { basic: { license: 'not-a-file' } },
    ]) {
      const r = await b.client.put(url, { answers, baseRevision: 0 });
      assert.equal(r.statusCode, 400, `${JSON.stringify(answers)} → ${r.body}`);
      assert.equal(r.json().error.code, 'VALIDATION');
    }
    assert.equal((await b.client.get(`/api/applications/${app.id}`)).json().revision, 0);
  });
});
