import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf } from './support/journey.ts';
import { storedPath } from '../src/features/files/file-store.ts';
import { sweepOrphanUploads } from '../src/features/files/orphan-sweep.ts';

const HOUR = 3600_000;
const pdf = (tag: string) => Buffer.concat([samplePdf, Buffer.from(`% ${tag}\n`)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeEachEngine('orphan uploads are swept after the grace period, attached ones never', (engine) => {
  let h: Harness;
  let programId: string;
  let a: { client: Client; orgId: string };

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    programId = (await openProgram(h, await actorOf(h, ac), 'sweep')).id;
    a = await applicantWithOrg(h, 'sweep@example.com', creditCodes[0]);
  });
  after(() => h.close());

  const newApp = async (trackId: string) => (await a.client.post('/api/applications', { programId, trackId, organizationId: a.orgId })).json() as { id: string };
  const upload = async (appId: string, body: Buffer) => {
    const r = await a.client.upload(`/api/applications/${appId}/files?field=basic.license`, multipart('执照.pdf', body, 'application/pdf'));
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as { id: string; name: string; size: number; type: string };
  };
  const rowExists = async (id: string) => !!(await h.deps.db.selectFrom('application_files').select('id').where('id', '=', id).executeTakeFirst());
  const blobRow = async (hash: string) => !!(await h.deps.db.selectFrom('files').select('sha256').where('sha256', '=', hash).executeTakeFirst());

  test('what is named stays; the rest goes, bytes only when no other row shares them', async () => {
    const app1 = await newApp('green');
    const app2 = await newApp('storage');
    const inAnswers = pdf('in-answers');
    const never = pdf('never-attached');
    const shared = pdf('shared');
    const inVersion = pdf('in-a-submitted-version');
    const visitReport = pdf('visit-report');
    const evidence = pdf('unclaimed-evidence');
    const claimed = pdf('claimed-evidence');
    const milestone = pdf('milestone-report');

    const f1 = await upload(app1.id, inAnswers);
    const f2 = await upload(app1.id, never);
    const f3a = await upload(app1.id, shared); // never attached…
    const f3b = await upload(app2.id, shared); // …but the same bytes are attached here
    const f4 = await upload(app2.id, inVersion);
    const f5 = await upload(app2.id, visitReport);
    assert.equal((await a.client.put(`/api/applications/${app1.id}/draft`, { answers: { basic: { projectName: '储热', license: f1 } }, baseRevision: 0 })).statusCode, 200);
    const complete = { basic: { projectName: '储能', license: f4 }, pledge: { declaration: true } };
    assert.equal((await a.client.put(`/api/applications/${app2.id}/draft`, { answers: complete, baseRevision: 0 })).statusCode, 200);
    const submitted = await a.client.post(`/api/applications/${app2.id}/submit`, { baseRevision: 1 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    // The submitted version keeps f4; the current answers now name only f3b (as if returned and edited).
    await h.deps.db.updateTable('applications').set({ answers_json: JSON.stringify({ basic: { license: f3b } }) }).where('id', '=', app2.id).execute();
    // A site visit names f5 as its report.
    await h.deps.db.insertInto('review_visits').values({ program_id: programId, round_id: '', application_id: app2.id, visit_date: '2026-01-01', team: '专家组', address: '北京', report_file_id: f5.id, updated_at: Date.now() }).execute();

    // Objection files and a milestone report, written as their services write them.
    const now = Date.now();
    for (const b of [evidence, claimed, milestone]) {
      const hash = sha(b);
      mkdirSync(join(storedPath(h.deps.config.dataDir, hash), '..'), { recursive: true });
      writeFileSync(storedPath(h.deps.config.dataDir, hash), b);
      await h.deps.db.insertInto('files').values({ sha256: hash, size: b.length, mime: 'application/pdf', created_at: now }).execute();
    }
    await h.deps.db.insertInto('publicities').values({ id: 'pub-1', program_id: programId, kind: 'results', title: '公示', working_days: 5, starts_at: now, ends_at: now + 7 * 24 * HOUR, opened_by: 'admin', opened_at: now, closed_at: null }).execute();
    await h.deps.db.insertInto('objections').values({
      id: 'obj-1', receipt_no: 'GS-20260101-AAAAAAAA', program_id: programId, publicity_id: 'pub-1', application_id: app2.id, name: '李四', organization: '某单位',
      phone: '13800000000', email: 'li@example.com', reasons: '数据不实', file_ids_json: JSON.stringify(['ev-claimed']), ip: null, status: 'received', created_at: now,
    }).execute();
    const objectionFile = (id: string, b: Buffer, objectionId: string | null) => ({ id, program_id: programId, objection_id: objectionId, purpose: 'evidence', sha256: sha(b), name: `${id}.pdf`, size: b.length, mime: 'application/pdf', uploaded_by: null, ip: '203.0.113.9', created_at: now });
    await h.deps.db.insertInto('objection_files').values([objectionFile('ev-unclaimed', evidence, null), objectionFile('ev-claimed', claimed, 'obj-1')]).execute();
    await h.deps.db.insertInto('need_milestones').values({ id: 'ms-1', program_id: programId, application_id: app1.id, track_id: 'green', seq: 1, name: '中试', due_on: '2026-06-30', source: 'organizer', created_by: null, created_at: now, updated_at: now }).execute();
    await h.deps.db.insertInto('need_milestone_reports').values({ id: 'ms-report', milestone_id: 'ms-1', sha256: sha(milestone), name: 'r.pdf', size: milestone.length, mime: 'application/pdf', uploaded_by: 'u', created_at: now }).execute();

    // Stray temporary files: one left by a crash long ago, one being received right now.
    const tmp = join(h.deps.config.dataDir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'stale'), 'x');
    utimesSync(join(tmp, 'stale'), new Date(now - 48 * HOUR), new Date(now - 48 * HOUR));
    writeFileSync(join(tmp, 'fresh'), 'y');

    // Within the grace period nothing goes.
    const early = await sweepOrphanUploads(h.deps, { graceMs: 24 * HOUR });
    assert.deepEqual(early, { applicationFiles: 0, objectionFiles: 0, blobs: 0, tmpFiles: 1, skipped: 0 });
    assert.equal(existsSync(join(tmp, 'fresh')), true);
    assert.equal(await rowExists(f2.id), true);

    // A day later: the never-attached ones go.
    const later = await sweepOrphanUploads(h.deps, { graceMs: 24 * HOUR, now: now + 25 * HOUR });
    assert.deepEqual(later, { applicationFiles: 2, objectionFiles: 1, blobs: 2, tmpFiles: 1, skipped: 0 });
    for (const f of [f1, f3b, f4, f5]) assert.equal(await rowExists(f.id), true, `${f.id} is attached`);
    for (const f of [f2, f3a]) assert.equal(await rowExists(f.id), false, `${f.id} was never attached`);
    assert.equal(existsSync(storedPath(h.deps.config.dataDir, sha(never))), false, 'its bytes are gone');
    assert.equal(await blobRow(sha(never)), false);
    assert.equal(existsSync(storedPath(h.deps.config.dataDir, sha(shared))), true, 'shared bytes stay for the attached row');
    for (const b of [inAnswers, inVersion, visitReport, claimed, milestone]) {
      assert.equal(existsSync(storedPath(h.deps.config.dataDir, sha(b))), true);
      assert.equal(await blobRow(sha(b)), true);
    }
    assert.equal(existsSync(storedPath(h.deps.config.dataDir, sha(evidence))), false, 'unclaimed evidence goes');
    assert.deepEqual((await h.deps.db.selectFrom('objection_files').select('id').execute()).map((r) => r.id), ['ev-claimed']);

    // The attached files still download.
    const d = await a.client.get(`/api/applications/${app1.id}/files/${f1.id}`);
    assert.equal(d.statusCode, 200);
    assert.equal(d.rawPayload.equals(inAnswers), true);

    // Nothing more to do on a second run.
    assert.deepEqual(await sweepOrphanUploads(h.deps, { graceMs: 24 * HOUR, now: now + 26 * HOUR }), { applicationFiles: 0, objectionFiles: 0, blobs: 0, tmpFiles: 0, skipped: 0 });
  });

  test('an upload of bytes the sweep just removed is stored again', async () => {
    const app = (await h.deps.db.selectFrom('applications').select('id').where('track_id', '=', 'green').executeTakeFirstOrThrow());
    const again = pdf('never-attached');
    const f = await upload(app.id, again);
    assert.equal(existsSync(storedPath(h.deps.config.dataDir, sha(again))), true);
    const d = await a.client.get(`/api/applications/${app.id}/files/${f.id}`);
    assert.equal(d.rawPayload.equals(again), true);
  });
});
