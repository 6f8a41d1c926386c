import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf, samplePng } from './support/journey.ts';
import { startSmtpServer, mailText } from './support/smtp.ts';
import type { Actor } from '../src/context.ts';

describeEachEngine("the applicant's journey", (engine) => {
  let h: Harness;
  let admin: Actor;
  let programId: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let a: { client: Client; orgId: string };

  before(async () => {
    smtp = await startSmtpServer();
    // Sessions outlive the clock jumps past the deadline below.
    h = await startHarness(engine, { smtpUrl: smtp.url, auth: { sessionTtlMs: 60 * 86_400_000 } as never });
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    admin = await actorOf(h, ac);
    programId = (await openProgram(h, admin, 'journey')).id;
    a = await applicantWithOrg(h, 'applicant@example.com', creditCodes[0]);
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const draft = (c: Client, trackId = 'green', orgId = a.orgId) => c.post('/api/applications', { programId, trackId, organizationId: orgId });
  const complete = (licenseRef: unknown) => ({
    basic: { projectName: '高效储热系统', summary: '利用相变材料储存工业余热。', revenue: 1200, license: licenseRef },
    pledge: { declaration: true },
  });

  test('draft → autosave → upload → submit → receipt → timeline → withdraw', async () => {
    const created = await draft(a.client);
    assert.equal(created.statusCode, 200, created.body);
    const app = created.json();
    assert.equal(app.status, 'draft');
    assert.equal(app.revision, 0);
    assert.match(app.number, /^JOURNEY-\d{5}$/);
    assert.equal(app.form.id, 'main');

    const save1 = await a.client.put(`/api/applications/${app.id}/draft`, { answers: { basic: { projectName: '高效储热' } }, baseRevision: 0 });
    assert.equal(save1.statusCode, 200, save1.body);
    assert.equal(save1.json().revision, 1);
    const reloaded = (await a.client.get(`/api/applications/${app.id}`)).json();
    assert.deepEqual(reloaded.answers, { basic: { projectName: '高效储热' } }, 'a reload loses nothing');

    const up = await a.client.upload(`/api/applications/${app.id}/files?field=basic.license`, multipart('营业执照.pdf', samplePdf, 'application/pdf'));
    assert.equal(up.statusCode, 200, up.body);
    const ref = up.json();
    assert.deepEqual({ name: ref.name, type: ref.type, size: ref.size }, { name: '营业执照.pdf', type: 'application/pdf', size: samplePdf.length });
    const download = await a.client.get(`/api/applications/${app.id}/files/${ref.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.rawPayload.equals(samplePdf), true);
    assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%E8%90%A5/);

    // Submitting an incomplete application lists what is missing, at its path.
    const early = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 1 });
    assert.equal(early.statusCode, 400);
    const paths = early.json().error.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['basic.license', 'pledge.declaration']);

    assert.equal((await a.client.put(`/api/applications/${app.id}/draft`, { answers: complete(ref), baseRevision: 1 })).statusCode, 200);
    const submitted = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 2 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().status, 'submitted');
    assert.equal(submitted.json().canEdit, false);
    assert.deepEqual(submitted.json().timeline.map((e: { status: string }) => e.status), ['draft', 'submitted']);
    const receipt = await smtp.waitForMail('applicant@example.com');
    assert.match(mailText(receipt.raw), new RegExp(app.number));

    // Submitted: no more edits, no second submit.
    const late = await a.client.put(`/api/applications/${app.id}/draft`, { answers: complete(ref), baseRevision: 3 });
    assert.equal(late.statusCode, 409);
    assert.equal((await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 3 })).statusCode, 409);

    const withdrawn = await a.client.post(`/api/applications/${app.id}/withdraw`, { reason: '项目调整' });
    assert.equal(withdrawn.statusCode, 200);
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal(withdrawn.json().timeline.at(-1).note, '项目调整');
    assert.equal((await a.client.post(`/api/applications/${app.id}/withdraw`, { reason: '' })).statusCode, 409);
    const mine = (await a.client.get('/api/applications/mine')).json();
    assert.equal(mine.items.find((i: { id: string }) => i.id === app.id).trackName, '绿色低碳');
  });

  test('two tabs: the second save from a stale revision is told, not silently applied', async () => {
    const app = (await draft(a.client, 'storage')).json();
    const tab1 = await a.client.put(`/api/applications/${app.id}/draft`, { answers: { basic: { projectName: '标签页一' } }, baseRevision: 0 });
    assert.equal(tab1.statusCode, 200);
    const tab2 = await a.client.put(`/api/applications/${app.id}/draft`, { answers: { basic: { projectName: '标签页二' } }, baseRevision: 0 });
    assert.equal(tab2.statusCode, 409);
    assert.equal(tab2.json().error.code, 'STALE_REVISION');
    assert.equal(tab2.json().error.details.currentRevision, 1);
    assert.equal((await a.client.get(`/api/applications/${app.id}`)).json().answers.basic.projectName, '标签页一');
    // Racing saves from the same base: exactly one wins.
    const race = await Promise.all([1, 2, 3, 4].map((i) => a.client.put(`/api/applications/${app.id}/draft`, { answers: { basic: { projectName: `并发${i}` } }, baseRevision: 1 })));
    assert.deepEqual(race.map((r) => r.statusCode).sort(), [200, 409, 409, 409]);
  });

  test('bad input: each a specific 4xx that changes nothing', async () => {
    const b = await applicantWithOrg(h, 'bad-input@example.com', creditCodes[1]);
    const app = (await draft(b.client, 'green', b.orgId)).json();
    const url = `/api/applications/${app.id}/draft`;
    const cases: [unknown, number, string, string?][] = [
      // Over-limit or wrong-typed values are stored with problems (draft-invalid.test.ts); what is no answer is refused.
      [{ answers: { basic: { projectName: ['超'] } }, baseRevision: 0 }, 400, 'VALIDATION', 'basic.projectName'],
      [{ answers: { basic: { revenue: { value: 1 } } }, baseRevision: 0 }, 400, 'VALIDATION', 'basic.revenue'],
      [{ answers: { basic: { nickname: 'x' } }, baseRevision: 0 }, 400, 'VALIDATION', 'basic.nickname'],
      [{ answers: { other: {} }, baseRevision: 0 }, 400, 'VALIDATION', 'other'],
      [{ answers: {}, baseRevision: 0, extra: 1 }, 400, 'VALIDATION', 'extra'],
      [{ answers: { basic: { license: { id: 'someone-elses-file', name: 'x.pdf', size: 1, type: 'application/pdf' } } }, baseRevision: 0 }, 400, 'VALIDATION'],
    ];
    for (const [body, status, code, path] of cases) {
      const r = await b.client.put(url, body);
      assert.equal(r.statusCode, status, `${JSON.stringify(body)} → ${r.body}`);
      assert.equal(r.json().error.code, code);
      if (path) assert.ok(r.json().error.fields.some((f: { path: string }) => f.path === path), r.body);
    }
    assert.equal((await b.client.get(`/api/applications/${app.id}`)).json().revision, 0, 'nothing refused was stored');

    const upload = (name: string, content: Buffer, field = 'basic.license') => b.client.upload(`/api/applications/${app.id}/files?field=${field}`, multipart(name, content));
    assert.equal((await upload('执照.pdf', samplePng)).json().error.code, 'FILE_TYPE_MISMATCH', 'a PNG named .pdf');
    assert.equal((await upload('执照.exe', samplePdf)).json().error.code, 'FILE_TYPE_MISMATCH', 'an extension the field does not accept');
    assert.equal((await upload('../../etc/passwd.pdf', samplePdf)).statusCode, 400, 'a name with path separators');
    assert.equal((await upload('big.pdf', Buffer.concat([samplePdf, Buffer.alloc(1024 * 1024 + 1)]))).statusCode, 413);
    assert.equal((await upload('ok.pdf', samplePdf, 'basic.projectName')).statusCode, 400, 'not an upload field');
    assert.equal((await upload('ok.png', samplePng)).statusCode, 200, 'a real PNG is fine');

    // Forged ids and someone else's draft.
    assert.equal((await b.client.get('/api/applications/00000000-0000-0000-0000-000000000000')).statusCode, 404);
    assert.equal((await a.client.get(`/api/applications/${app.id}`)).statusCode, 404, "another applicant's draft");
    assert.equal((await a.client.put(url, { answers: {}, baseRevision: 0 })).statusCode, 404);
    assert.equal((await b.client.post('/api/applications', { programId: 'forged', trackId: 'green', organizationId: b.orgId })).statusCode, 404);
    assert.equal((await b.client.post('/api/applications', { programId, trackId: 'forged', organizationId: b.orgId })).statusCode, 404);
    assert.equal((await b.client.post('/api/applications', { programId, trackId: 'storage', organizationId: a.orgId })).statusCode, 404, "someone else's organization");
    const dup = await draft(b.client, 'green', b.orgId);
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.details.applicationId, app.id);
    assert.equal((await b.client.get(`/api/applications/${app.id}`)).json().revision, 0, 'nothing above changed the draft');
  });

  test('after the deadline (server clock) a submit is refused and nothing changes', async () => {
    const c = await applicantWithOrg(h, 'late@example.com', creditCodes[2]);
    const app = (await draft(c.client, 'green', c.orgId)).json();
    const ref = (await c.client.upload(`/api/applications/${app.id}/files?field=basic.license`, multipart('l.pdf', samplePdf))).json();
    await c.client.put(`/api/applications/${app.id}/draft`, { answers: complete(ref), baseRevision: 0 });
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + 11 * 86_400_000;
    try {
      const r = await c.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 1 });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().error.code, 'DEADLINE_PASSED');
      assert.match(r.json().error.message['zh-CN'], /24:00|00:00/);
      assert.equal((await draft(c.client, 'storage', c.orgId)).json().error.code, 'CALL_NOT_OPEN');
    } finally {
      h.deps.now = realNow;
    }
    assert.equal((await c.client.get(`/api/applications/${app.id}`)).json().status, 'draft');
  });

  test('organizer table: filters, Chinese search, paging; drafts stay private; other programs refused', async () => {
    const d = await applicantWithOrg(h, 'search@example.com', creditCodes[3], '410105');
    const app = (await draft(d.client, 'storage', d.orgId)).json();
    const ref = (await d.client.upload(`/api/applications/${app.id}/files?field=basic.license`, multipart('l.pdf', samplePdf))).json();
    await d.client.put(`/api/applications/${app.id}/draft`, { answers: { ...complete(ref), basic: { ...complete(ref).basic, summary: '郑州的液流电池储能示范项目' } }, baseRevision: 0 });
    await d.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 1 });

    const org = h.client();
    await org.register('organizer@example.com');
    const { grantRole } = await import('../src/features/access/grant.service.ts');
    await grantRole(h.deps, admin, { userId: (await actorOf(h, org)).userId, role: 'organizer', programId, trackId: null });
    const list = async (qs: string) => (await org.get(`/api/programs/${programId}/applications${qs}`)).json();
    const all = await list('');
    assert.ok(all.items.every((i: { status: string }) => i.status !== 'draft'), 'drafts are not listed');
    assert.deepEqual((await list('?q=液流电池')).items.map((i: { id: string }) => i.id), [app.id]);
    assert.deepEqual((await list('?q=液流 郑州')).items.map((i: { id: string }) => i.id), [app.id]);
    assert.equal((await list('?q=液流 上海')).total, 0);
    assert.equal((await list('?q=100%25')).total, 0, 'LIKE wildcards are literal');
    assert.deepEqual((await list('?region=41')).items.map((i: { id: string }) => i.id), [app.id]);
    assert.equal((await list('?trackId=green&status=submitted')).items.every((i: { trackId: string }) => i.trackId === 'green'), true);
    const page = await list('?pageSize=1&page=1');
    assert.equal(page.items.length, 1);
    assert.equal((await org.get(`/api/programs/${programId}/applications?status=draft`)).statusCode, 400);
    assert.equal((await org.get(`/api/programs/${programId}/applications?pageSize=999`)).statusCode, 400);
    assert.equal((await org.get(`/api/applications/${app.id}`)).statusCode, 200, 'the organizer reads a submitted application');
    assert.equal((await org.put(`/api/applications/${app.id}/draft`, { answers: {}, baseRevision: 0 })).statusCode, 403, '…but cannot change it');
    assert.equal((await d.client.get(`/api/programs/${programId}/applications`)).statusCode, 403, 'an applicant cannot list');
  });
});
