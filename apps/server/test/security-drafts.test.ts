// A draft is its applicant's until submitted: every other role gets 404 on every read of it
// (view, file, PDF, versions, recommendation) and on writes; a platform admin opens one only
// with a reason, audited. And a request id from the client is taken only behind a trusted proxy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { creditCode } from './support/screening.ts';
import { actorOf, multipart, samplePdf } from './support/journey.ts';
import { draftToUploadTo, signedInAdmin } from './support/raw-http.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import type { Actor } from '../src/context.ts';
import type { ProgramRole } from '@lvping/domain';

describeEachEngine('drafts stay with their applicant', (engine) => {
  let h: Harness;
  let admin: { client: Client; actor: Actor };
  let d: Awaited<ReturnType<typeof draftToUploadTo>>;
  let fileId: string;
  const readers = new Map<ProgramRole, Client>();

  before(async () => {
    h = await startHarness(engine);
    admin = await signedInAdmin(h);
    d = await draftToUploadTo(h, admin.actor, 'private@example.com', creditCode(811));
    const up = await d.client.upload(`/api/applications/${d.applicationId}/files?field=basic.license`, multipart('执照.pdf', samplePdf, 'application/pdf'));
    assert.equal(up.statusCode, 200, up.body);
    fileId = up.json().id;
    const answers = { basic: { projectName: '未提交的秘密', summary: '草稿内容', revenue: 1, license: up.json() }, pledge: { declaration: true } };
    assert.equal((await d.client.put(`/api/applications/${d.applicationId}/draft`, { answers, baseRevision: 0 })).statusCode, 200);
    for (const role of ['organizer', 'review_institution', 'committee'] as const) {
      const c = h.client();
      await c.register(`${role}@example.com`);
      await grantRole(h.deps, admin.actor, { userId: (await actorOf(h, c)).userId, role, programId: d.programId, trackId: null });
      readers.set(role, c);
    }
  });
  after(async () => {
    await h.close();
  });

  const reads = (id: string, file: string) => [
    `/api/applications/${id}`, `/api/applications/${id}/files/${file}`, `/api/applications/${id}/pdf`,
    `/api/applications/${id}/versions`, `/api/applications/${id}/recommendation`,
  ];

  test('organizer, review institution, committee and platform admin get 404 on every read of a draft, and on writes', async () => {
    const everyone: [string, Client][] = [...readers, ['platform_admin', admin.client]];
    for (const [role, c] of everyone) {
      for (const url of reads(d.applicationId, fileId)) {
        const r = await c.get(url);
        assert.equal(r.statusCode, 404, `${role} GET ${url}: ${r.statusCode}`);
        assert.doesNotMatch(r.body, /未提交的秘密/);
      }
      // 404, not 403: a write does not tell them the draft exists either.
      assert.equal((await c.put(`/api/applications/${d.applicationId}/draft`, { answers: {}, baseRevision: 1 })).statusCode, 404, `${role} PUT draft`);
      const up = await c.upload(`/api/applications/${d.applicationId}/files?field=basic.license`, multipart('x.pdf', samplePdf));
      assert.equal(up.statusCode, 404, `${role} upload`);
      const list = (await c.get(`/api/programs/${d.programId}/applications`)).json();
      assert.ok(!list.items.some((i: { id: string }) => i.id === d.applicationId), `${role} does not list it`);
    }
    // The applicant reads all of it.
    for (const url of reads(d.applicationId, fileId)) assert.equal((await d.client.get(url)).statusCode, 200, `applicant GET ${url}`);
  });

  test('a platform admin opens a draft only with a reason, and each opening is audited', async () => {
    const base = `/api/applications/${d.applicationId}/admin-open`;
    assert.equal((await admin.client.post(base, {})).statusCode, 400, 'a reason is required');
    assert.equal((await admin.client.post(base, { reason: '看看' })).statusCode, 400, 'and a real one');
    assert.equal((await readers.get('organizer')!.post(base, { reason: '主办方想提前看' })).statusCode, 403, 'only a platform admin');
    assert.equal((await admin.client.post('/api/applications/no-such-id/admin-open', { reason: '用户申诉处理 #123' })).statusCode, 404);

    const view = await admin.client.post(base, { reason: '用户申诉处理 #123' });
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(view.json().answers.basic.projectName, '未提交的秘密');
    assert.equal(view.json().canEdit, false);
    const file = await admin.client.post(`${base}/files/${fileId}`, { reason: '用户申诉处理 #123' });
    assert.equal(file.statusCode, 200);
    assert.ok(file.rawPayload.equals(samplePdf));
    const pdf = await admin.client.post(`${base}/pdf`, { reason: '用户申诉处理 #123' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const rows = await h.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'application.admin_open').where('entity_id', '=', d.applicationId).orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => JSON.parse(r.after_json!).kind), ['view', 'file', 'pdf']);
    for (const r of rows) {
      assert.equal(r.actor_id, admin.actor.userId);
      assert.equal(JSON.parse(r.after_json!).reason, '用户申诉处理 #123');
      assert.equal(JSON.parse(r.after_json!).draft, true);
    }
    assert.equal(rows[0].request_id, view.headers['x-request-id'], 'the row names the request');
    // Opening it changed nothing: the usual paths still answer 404.
    assert.equal((await admin.client.get(`/api/applications/${d.applicationId}`)).statusCode, 404);
  });

  test('a draft withdrawn before it was ever submitted stays private; a submitted one is read as before', async () => {
    const w = await draftToUploadTo(h, admin.actor, 'withdrawn@example.com', creditCode(812));
    assert.equal((await w.client.post(`/api/applications/${w.applicationId}/withdraw`, { reason: '不报了' })).statusCode, 200);
    const orgC = h.client();
    await orgC.register('organizer2@example.com');
    await grantRole(h.deps, admin.actor, { userId: (await actorOf(h, orgC)).userId, role: 'organizer', programId: w.programId, trackId: null });
    assert.equal((await orgC.get(`/api/applications/${w.applicationId}`)).statusCode, 404);
    assert.equal((await orgC.get(`/api/programs/${w.programId}/applications`)).json().total, 0);

    assert.equal((await d.client.post(`/api/applications/${d.applicationId}/submit`, { baseRevision: 1 })).statusCode, 200);
    const org = readers.get('organizer')!;
    assert.equal((await org.get(`/api/applications/${d.applicationId}`)).statusCode, 200, 'submitted: the organizer reads it');
    assert.equal((await org.get(`/api/applications/${d.applicationId}/files/${fileId}`)).statusCode, 200);
    assert.equal((await org.put(`/api/applications/${d.applicationId}/draft`, { answers: {}, baseRevision: 2 })).statusCode, 403, '…and may not change it');
  });

  test('x-request-id from the client is ignored without TRUST_PROXY', async () => {
    const r = await d.client.get('/api/auth/session', { 'x-request-id': 'planted-id-1' });
    assert.notEqual(r.headers['x-request-id'], 'planted-id-1');
    assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});

describeEachEngine('x-request-id behind a trusted proxy', (engine) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(engine, { trustProxy: true });
  });
  after(async () => {
    await h.close();
  });

  test('a sane id is honoured end to end (reply and audit row); anything else is replaced', async () => {
    const c = h.client();
    const sent = 'proxy-7f3a.9:1';
    const reg = await c.request('GET', '/api/auth/session', undefined, { 'x-request-id': sent });
    assert.equal(reg.headers['x-request-id'], sent);
    for (const bad of ['has space', 'x'.repeat(129), 'line\u2028break', '<script>', '']) {
      const r = await c.request('GET', '/api/auth/session', undefined, { 'x-request-id': bad });
      assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/, JSON.stringify(bad));
    }
    // An audited change carries the proxy's id.
    const admin = await signedInAdmin(h);
    const d = await draftToUploadTo(h, admin.actor, 'proxied@example.com', creditCode(813));
    const open = await admin.client.post(`/api/applications/${d.applicationId}/admin-open`, { reason: '代理链路排查' }, { 'x-request-id': 'trace-abc-123' });
    assert.equal(open.statusCode, 200, open.body);
    const row = await h.deps.db.selectFrom('audit_log').select('request_id').where('action', '=', 'application.admin_open').executeTakeFirstOrThrow();
    assert.equal(row.request_id, 'trace-abc-123');
  });
});
