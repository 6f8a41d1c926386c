import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { jobDownload, jobOf, jobResult, zipFiles } from './support/jobs.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { creditCode, openScreeningProgram, submittedApplication, withRole } from './support/screening.ts';
import { startSmtpServer } from './support/smtp.ts';
import { acceptedExpertsFor } from './support/review.ts';
import { runDueJobs } from '../src/features/jobs/job-runner.ts';
import { exportsDirOf, pruneJobFiles } from '../src/features/jobs/job-files.ts';
import { solveProgramAssignment } from '../src/features/assignment/assignment.service.ts';
import { issueCertificate, serialAllocator } from '../src/features/publication/certificates.ts';
import { loadProgramDef } from '../src/features/publication/publish.service.ts';

// Exports, certificate ZIPs and assignment solves as durable jobs: the request queues (202), the
// job re-checks the owner's permission, writes its file to DATA_DIR/exports with progress, and
// only its owner downloads it. The worker is off (pollMs 0): each test drives the queue itself.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachEngine('jobs: exports, certificate ZIPs and assignment solves', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let organizer: Client;
  let programId: string;
  const apps: { id: string; number: string; orgName: string }[] = [];
  const exportUrl = () => `/api/programs/${programId}/applications/exports`;
  const exportsDir = () => exportsDirOf(h.deps.config.dataDir);
  const filesInExports = async () => (await readdir(exportsDir()).catch(() => [] as string[])).sort();

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url, jobs: { pollMs: 0 } });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    const adminActor = await actorOf(h, admin);
    programId = await openScreeningProgram(h, adminActor, 'jobs-export');
    for (let i = 0; i < 3; i++) {
      const a = await applicantWithOrg(h, `jobapplicant${i}@example.com`, creditCode(300 + i));
      const app = await submittedApplication(a.client, programId, a.orgId, 'green', { projectName: ['余热回收发电', '光伏储能微电网', '污水深度处理'][i], summary: ['钢铁行业余热回收与发电。', '分布式光伏与储能。', '工业废水膜处理回用。'][i] });
      const pass = await admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision });
      assert.equal(pass.statusCode, 200, pass.body);
      const org = (await h.deps.db.selectFrom('organizations').select('name').where('id', '=', a.orgId).executeTakeFirstOrThrow()).name;
      apps.push({ id: app.id, number: (await admin.get(`/api/applications/${app.id}`)).json().number, orgName: org });
    }
    organizer = await withRole(h, adminActor, 'joborganizer@example.com', 'organizer', programId);
    // The invitation mails must go out while the experts wait for them: the queue is pumped meanwhile.
    let pumping = Promise.resolve();
    const pump = setInterval(() => { pumping = pumping.then(() => runDueJobs(h.deps, { kinds: {} }).then(() => undefined)); }, 20);
    await acceptedExpertsFor(h, admin, smtp, programId, [
      { name: '余热专家', orgName: '清华大学', keywords: ['余热回收', '发电'], bio: '工业余热回收利用与发电系统。' },
      { name: '光伏专家', orgName: '华北电力大学', keywords: ['光伏', '储能'], bio: '分布式光伏与储能微电网。' },
      { name: '水处理专家', orgName: '同济大学', keywords: ['污水', '膜处理'], bio: '工业废水深度处理与回用。' },
    ], 'jobexpert', ['green'], 3).finally(() => clearInterval(pump));
    await pumping;
    await h.runJobs();
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('the applications export: 202, progress rows / total, a file with every row, downloaded by its owner only', async () => {
    const started = await admin.post(exportUrl(), {});
    assert.equal(started.statusCode, 202, started.body);
    const again = await admin.post(exportUrl(), {});
    assert.equal(again.json().jobId, started.json().jobId, 'the same export while it waits is the same job');
    const queued = (await admin.get(`/api/jobs/${started.json().jobId}`)).json();
    assert.equal(queued.status, 'queued');
    assert.equal((await admin.get(`/api/jobs/${queued.id}/download`)).statusCode, 409, 'nothing to download yet');

    const job = await jobOf(h, admin, started);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual(job.progress, { done: 3, total: 3 });
    const result = job.result as { file: { name: string; mime: string; size: number; sha256: string }; count: number };
    assert.equal(result.count, 3);
    assert.equal(result.file.mime, XLSX);
    assert.match(result.file.name, /申报汇总\.xlsx$/);
    assert.deepEqual(await filesInExports(), [`${job.id}.xlsx`], 'the file under its final name, no temp file left there');

    const file = await admin.get(`/api/jobs/${job.id}/download`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], XLSX);
    assert.equal(Number(file.headers['content-length']), result.file.size);
    assert.match(String(file.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''.*%E7%94%B3%E6%8A%A5%E6%B1%87%E6%80%BB\.xlsx$/);
    assert.equal(createHash('sha256').update(file.rawPayload).digest('hex'), result.file.sha256);

    // The rows are the program's applications, as the organizer's list shows them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const numbers = [];
    for (let r = 2; r <= sheet.rowCount; r++) numbers.push(String(sheet.getRow(r).getCell(1).value));
    const listed = (await admin.get(`/api/programs/${programId}/applications?pageSize=200`)).json().items.map((i: { number: string }) => i.number);
    assert.deepEqual(numbers.sort(), [...listed].sort());
    assert.deepEqual(numbers.sort(), apps.map((a) => a.number).sort());
    const orgs = [];
    for (let r = 2; r <= sheet.rowCount; r++) orgs.push(String(sheet.getRow(r).getCell(2).value));
    assert.deepEqual(orgs.sort(), apps.map((a) => a.orgName).sort());

    // The same organizer's colleague, a platform admin reading the job, an anonymous visitor: no file.
    assert.equal((await organizer.get(`/api/jobs/${job.id}`)).statusCode, 404);
    assert.equal((await organizer.get(`/api/jobs/${job.id}/download`)).statusCode, 404);
    assert.equal((await h.client().get(`/api/jobs/${job.id}/download`)).statusCode, 401);

    // A filter is the job's: a region nobody is in exports an empty sheet.
    const none = await jobResult(h, admin, await admin.post(exportUrl(), { region: '65' }));
    assert.equal(none.count, 0);
    assert.equal((await admin.post(exportUrl(), { status: 'draft' })).statusCode, 400, 'drafts are refused when asked for, not in the job');
  });

  test('a grant revoked before the job runs: the job is refused as its owner, dead at once, and writes no file', async () => {
    const before = await filesInExports();
    const started = await organizer.post(exportUrl(), {});
    assert.equal(started.statusCode, 202, started.body);
    const userId = (await actorOf(h, organizer)).userId;
    await h.deps.db.deleteFrom('grants').where('user_id', '=', userId).where('program_id', '=', programId).execute();
    const job = await jobOf(h, organizer, started);
    assert.equal(job.status, 'dead');
    assert.equal(job.attempts, 1, 'a refusal is not retried');
    assert.match(job.error ?? '', /没有执行此操作的权限/);
    assert.deepEqual(await filesInExports(), before);
    assert.equal((await organizer.get(`/api/jobs/${job.id}/download`)).statusCode, 409);
    await h.deps.db.insertInto('grants').values({ id: `g-${userId}`, user_id: userId, role: 'organizer', program_id: programId, track_id: null, created_at: Date.now(), created_by: null }).execute();
  });

  test('a failing attempt is retried with backoff and then succeeds; old files are pruned', async () => {
    // DATA_DIR/exports cannot be created (a file stands in its place): the attempt fails.
    const files = await filesInExports();
    await rm(exportsDir(), { recursive: true, force: true });
    await writeFile(exportsDir(), 'not a directory');
    const started = await admin.post(exportUrl(), { trackId: 'green' });
    assert.equal(started.statusCode, 202, started.body);
    const jobId = started.json().jobId;
    const first = await runDueJobs(h.deps, { now: () => Date.now() });
    assert.equal(first.retrying, 1, JSON.stringify(first));
    const failed = (await admin.get(`/api/jobs/${jobId}`)).json();
    assert.equal(failed.status, 'queued');
    assert.equal(failed.attempts, 1);
    assert.ok(failed.error, 'the error is shown while it waits');
    assert.ok(failed.runAt >= Date.now() + 20_000, 'the retry waits about 30 s');
    await rm(exportsDir(), { force: true });
    const second = await runDueJobs(h.deps, { now: () => Date.now() + 60_000 });
    assert.equal(second.succeeded, 1, JSON.stringify(second));
    const done = (await admin.get(`/api/jobs/${jobId}`)).json();
    assert.equal(done.status, 'succeeded');
    assert.equal(done.attempts, 2);
    assert.equal((await admin.get(`/api/jobs/${jobId}/download`)).statusCode, 200);
    assert.ok(files.length > 0);

    // Past the retention, the file is gone and the download says so.
    const path = join(exportsDir(), `${jobId}.xlsx`);
    const old = new Date(Date.now() - h.deps.config.jobs.fileKeepMs - 60_000);
    await utimes(path, old, old);
    assert.equal(await pruneJobFiles(h.deps.config.dataDir, Date.now() - h.deps.config.jobs.fileKeepMs), 1);
    const gone = await admin.get(`/api/jobs/${jobId}/download`);
    assert.equal(gone.statusCode, 404);
    assert.match(gone.json().error.message['zh-CN'], /过期/);
  });

  test('the certificate ZIP job: one PDF per valid certificate, named by serial and organization, progress per certificate', async () => {
    // Certificates issued the way publishing issues them (publication.test.ts covers publishing itself).
    const { def } = await loadProgramDef(h.deps, programId);
    const serials = await h.deps.db.transaction().execute(async (trx) => {
      const next = await serialAllocator(trx, programId, def);
      const out: string[] = [];
      for (const a of apps) {
        out.push(await issueCertificate(trx, programId, next, { application_id: a.id, award_id: null, unit_id: null, tier_id: 'first', tier_name: '一等奖', organization: a.orgName, project: '项目', track_name: '绿色低碳', issued_at: Date.now() }));
      }
      return out;
    });
    await h.deps.db.updateTable('certificates').set({ revoked_at: Date.now(), revoke_reason: '更正' }).where('serial', '=', serials[2]).execute();
    const started = await organizer.post(`/api/programs/${programId}/certificates/exports`);
    const job = await jobOf(h, organizer, started);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual(job.progress, { done: 2, total: 2 });
    const zip = await jobDownload(h, organizer, started);
    assert.equal(zip.headers['content-type'], 'application/zip');
    const entries = zipFiles(zip.rawPayload);
    assert.equal(entries.length, 2, 'the revoked certificate is not in it');
    assert.deepEqual(entries.map((e) => e.name).sort(), [0, 1].map((i) => `${serials[i]}-${apps[i].orgName}.pdf`).sort());
    assert.ok(entries.every((e) => e.data.subarray(0, 5).toString() === '%PDF-'));
    assert.equal((await admin.get(`/api/jobs/${job.id}/download`)).statusCode, 404, 'not even a platform admin downloads another’s file');
  });

  test('the solve job: 202, one per program and round, its result the synchronous solver’s', async () => {
    const url = `/api/programs/${programId}/assignment/solve`;
    assert.equal((await admin.post(url, { loadCost: -1 })).statusCode, 400, 'a bad request is refused before it is queued');
    const started = await admin.post(url, { loadCost: 1 });
    assert.equal(started.statusCode, 202, started.body);
    assert.equal((await admin.post(url, { loadCost: 1 })).json().jobId, started.json().jobId, 'a second solve while one waits is the same job');
    assert.equal((await organizer.post(url, { loadCost: 1 })).statusCode, 409, 'another organizer waits for it');
    const job = await jobOf(h, admin, started);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual(job.progress, { done: 3, total: 3 }, 'building, solving, writing');
    const viaJob = job.result as { feasible: true; view: { items: { applicationId: string; expertId: string; affinity: number }[]; run: { objective: number; optimal: boolean } } };
    assert.equal(viaJob.feasible, true);
    assert.equal(viaJob.view.items.length, 9);

    const direct = await solveProgramAssignment(h.deps, await actorOf(h, admin), programId, undefined, { loadCost: 1, requireStrong: false, seed: 0 });
    assert.equal(direct.feasible, true);
    const pairs = (items: { applicationId: string; expertId: string; affinity: number }[]) => items.map((i) => `${i.applicationId}/${i.expertId}/${i.affinity.toFixed(6)}`).sort();
    assert.deepEqual(pairs(viaJob.view.items), pairs(direct.feasible ? direct.view.items : []));
    assert.equal(viaJob.view.run.objective, direct.feasible ? direct.view.run!.objective : NaN);
    assert.equal(viaJob.view.run.optimal, true);
    // Done, so the next solve is a new job; the job's audit row names the request that asked.
    const next = await admin.post(url, { loadCost: 1 });
    assert.notEqual(next.json().jobId, started.json().jobId);
    await h.runJobs();
    const audits = await h.deps.db.selectFrom('audit_log').select(['action', 'request_id', 'actor_id']).where('action', '=', 'review.assignment_solve').execute();
    assert.equal(audits.length, 3, 'two solves as jobs, one direct');
    assert.equal(audits.filter((a) => a.request_id !== null).length, 2, 'a job’s audit row carries the id of the request that queued it');
    assert.ok(audits.every((a) => a.actor_id === audits[0].actor_id), 'and its owner as the actor');
  });
});
