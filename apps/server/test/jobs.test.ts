// The durable job queue: transactional enqueue, retries with backoff, dead letters and their
// admin page's API, surviving a restart, never running a job twice at once (two processes on
// one database), lease expiry, progress for the owner, recurring jobs once per slot, and mail
// as a job (attachments intact, requests not waiting for SMTP).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { startSmtpServer } from './support/smtp.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { buildApp } from '../src/app.ts';
import { enqueueJob, type JobKind, type RecurringJob } from '../src/features/jobs/job-queue.ts';
import { armRecurringJobs, runDueJobs } from '../src/features/jobs/job-runner.ts';
import { claimJobs, findJob } from '../src/features/jobs/job.repository.ts';
import { enqueueMail } from '../src/features/jobs/mail-job.ts';
import type { Deps } from '../src/context.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describeEachEngine('durable jobs', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let owner: Client;
  let ownerId = '';
  let other: Client;
  const countJobs = async (kind: string) => Number((await h.deps.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()).n);

  before(async () => {
    smtp = await startSmtpServer();
    // The poll is off: each test drives the queue itself.
    h = await startHarness(engine, { smtpUrl: smtp.url, jobs: { pollMs: 0 } });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    owner = h.client();
    ownerId = (await owner.register('owner@example.com')).json().user.id;
    other = h.client();
    await other.register('other@example.com');
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('a job enqueued in a transaction that rolls back was never queued', async () => {
    await assert.rejects(h.deps.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, { kind: 'test.rollback', payload: { n: 1 } });
      throw new Error('the change fails');
    }), /the change fails/);
    assert.equal(await countJobs('test.rollback'), 0);
    await h.deps.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'test.rollback', payload: { n: 2 } }));
    assert.equal(await countJobs('test.rollback'), 1, 'and one that commits is');
  });

  test('a failing job is retried with growing delays, then dead: listed for admins, retried or discarded by them (audited), 403 to others', async () => {
    let calls = 0;
    const kinds: Record<string, JobKind> = { 'test.fail': { handler: async () => { calls++; throw new Error(`broken #${calls}`); } } };
    const id = await enqueueJob(h.deps.db, { kind: 'test.fail', payload: { what: 'step 2' }, maxAttempts: 3 });
    let t = Date.now();
    const run = (at: number) => runDueJobs(h.deps, { now: () => at, kinds });

    assert.equal((await run(t)).retrying, 1);
    const first = (await findJob(h.deps.db, id))!;
    assert.equal(first.status, 'queued');
    assert.equal(first.last_error, 'broken #1');
    const delay1 = first.run_at - t;
    assert.ok(delay1 >= 24_000 && delay1 <= 36_000, `about 30 s: ${delay1}`);
    assert.equal((await run(t + 1000)).claimed, 0, 'not before its time');

    t = first.run_at;
    assert.equal((await run(t)).retrying, 1);
    const second = (await findJob(h.deps.db, id))!;
    const delay2 = second.run_at - t;
    assert.ok(delay2 >= 48_000 && delay2 <= 72_000, `about 60 s: ${delay2}`);

    assert.equal((await run(second.run_at)).dead, 1);
    const dead = (await findJob(h.deps.db, id))!;
    assert.equal(dead.status, 'dead');
    assert.equal(dead.attempts, 3);
    assert.equal(calls, 3);

    assert.equal((await other.get('/api/admin/jobs')).statusCode, 403);
    assert.equal((await h.client().get('/api/admin/jobs')).statusCode, 401);
    const list = (await admin.get('/api/admin/jobs?status=dead')).json();
    const row = list.items.find((j: { id: string }) => j.id === id);
    assert.ok(row, 'the dead letter is listed');
    assert.equal(row.summary, 'test.fail', 'a kind without a describe is shown by its name');
    assert.equal(row.error, 'broken #3');
    assert.ok(list.counts.dead >= 1);
    assert.equal(row.payload, undefined, 'payloads never leave the server');

    assert.equal((await other.post(`/api/admin/jobs/${id}/retry`)).statusCode, 403);
    const retried = await admin.post(`/api/admin/jobs/${id}/retry`);
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().status, 'queued');
    assert.equal(retried.json().attempts, 0);
    assert.equal((await admin.post(`/api/admin/jobs/${id}/retry`)).statusCode, 409, 'only a dead job is retried');
    assert.equal((await run(Date.now())).retrying, 1, 'it runs again');
    assert.equal(calls, 4);

    const audit = await h.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'job').execute();
    assert.deepEqual(audit.map((a) => a.action), ['job.retry']);

    // Dead again, then given up on.
    const row2 = (await findJob(h.deps.db, id))!;
    await run(row2.run_at);
    await run((await findJob(h.deps.db, id))!.run_at);
    assert.equal((await findJob(h.deps.db, id))!.status, 'dead');
    assert.equal((await other.request('DELETE', `/api/admin/jobs/${id}`)).statusCode, 403);
    assert.equal((await admin.request('DELETE', `/api/admin/jobs/${id}`)).statusCode, 200);
    assert.equal(await findJob(h.deps.db, id), undefined);
    assert.equal((await admin.post(`/api/admin/jobs/${id}/retry`)).statusCode, 404);
    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'job').where('entity_id', '=', id).execute()).map((a) => a.action);
    assert.deepEqual(actions.sort(), ['job.discard', 'job.retry']);
  });

  test('progress and result are visible to the job’s owner (and admins) only', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let reported!: () => void;
    const progressed = new Promise<void>((r) => { reported = r; });
    const kinds: Record<string, JobKind> = {
      'test.export': {
        handler: async (_deps, p: { rows: number }, ctx) => {
          await ctx.progress(3, p.rows);
          reported();
          await gate;
          await ctx.progress(p.rows, p.rows);
          return { file: 'exports/x.xlsx', rows: p.rows };
        },
      },
    };
    const id = await h.deps.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'test.export', payload: { rows: 10 }, ownerUserId: ownerId }));
    const running = runDueJobs(h.deps, { kinds });
    await progressed;
    const mid = await owner.get(`/api/jobs/${id}`);
    assert.equal(mid.statusCode, 200, mid.body);
    assert.equal(mid.json().status, 'running');
    assert.deepEqual(mid.json().progress, { done: 3, total: 10 });
    assert.equal((await other.get(`/api/jobs/${id}`)).statusCode, 404, 'someone else’s job does not exist');
    assert.equal((await h.client().get(`/api/jobs/${id}`)).statusCode, 401);
    assert.equal((await admin.get(`/api/jobs/${id}`)).statusCode, 200);
    release();
    assert.equal((await running).succeeded, 1);
    const done = (await owner.get(`/api/jobs/${id}`)).json();
    assert.equal(done.status, 'succeeded');
    assert.deepEqual(done.progress, { done: 10, total: 10 });
    assert.deepEqual(done.result, { file: 'exports/x.xlsx', rows: 10 });
    assert.equal(done.error, null);
    assert.equal((await owner.get('/api/jobs/no-such-job')).statusCode, 404);
  });

  test('a dedupe key holds one waiting job; once it is done the key is free again', async () => {
    const kinds: Record<string, JobKind> = { 'test.dedupe': { handler: async () => 'ok' } };
    const a = await enqueueJob(h.deps.db, { kind: 'test.dedupe', payload: 1, dedupeKey: 'export:p1' });
    const b = await h.deps.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'test.dedupe', payload: 2, dedupeKey: 'export:p1' }));
    assert.equal(b, a);
    assert.equal(await countJobs('test.dedupe'), 1);
    await runDueJobs(h.deps, { kinds });
    const c = await enqueueJob(h.deps.db, { kind: 'test.dedupe', payload: 3, dedupeKey: 'export:p1' });
    assert.notEqual(c, a);
  });

  test('a job whose lease ran out (its process died) is claimed again; the dead worker can record nothing', async () => {
    const ran: string[] = [];
    const kinds: Record<string, JobKind> = { 'test.lease': { handler: async (_d, _p, ctx) => { ran.push(ctx.jobId); return null; } } };
    const id = await enqueueJob(h.deps.db, { kind: 'test.lease', payload: null });
    const t = Date.now();
    const lease = h.deps.config.jobs.leaseMs;
    const [claimed] = await claimJobs(h.deps.db, h.deps.engine, { workerId: 'killed-process', now: t, leaseUntil: t + lease, limit: 1, kinds: ['test.lease'] });
    assert.equal(claimed.id, id);
    assert.equal((await runDueJobs(h.deps, { now: () => t + lease - 1, kinds })).claimed, 0, 'held while the lease lasts');
    assert.equal((await runDueJobs(h.deps, { now: () => t + lease + 1, kinds })).succeeded, 1);
    assert.deepEqual(ran, [id]);
    const row = (await findJob(h.deps.db, id))!;
    assert.equal(row.status, 'succeeded');
    assert.equal(row.attempts, 2, 'the lost attempt counts');
  });

  test('two processes on one database race for the same jobs: each runs exactly once, never concurrently', async () => {
    const second = await buildApp(h.deps.config, { database: h.testDb.open(), logger: false });
    try {
      const starts = new Map<number, number>();
      let inFlight = new Map<number, number>();
      let overlap = 0;
      const kinds: Record<string, JobKind> = {
        'test.race': {
          handler: async (_d, p: { n: number }) => {
            starts.set(p.n, (starts.get(p.n) ?? 0) + 1);
            inFlight.set(p.n, (inFlight.get(p.n) ?? 0) + 1);
            if (inFlight.get(p.n)! > 1) overlap++;
            await sleep(5);
            inFlight.set(p.n, inFlight.get(p.n)! - 1);
            return null;
          },
        },
      };
      const n = 40;
      for (let i = 0; i < n; i++) await enqueueJob(h.deps.db, { kind: 'test.race', payload: { n: i } });
      const worker = async (deps: Deps, name: string) => {
        let idle = 0;
        while (idle < 3) {
          const r = await runDueJobs(deps, { kinds, limit: 4, workerId: name });
          idle = r.claimed ? 0 : idle + 1;
        }
      };
      await Promise.all([worker(h.deps, 'a1'), worker(h.deps, 'a2'), worker(second.deps, 'b1'), worker(second.deps, 'b2')]);
      assert.equal(starts.size, n);
      assert.ok([...starts.values()].every((c) => c === 1), 'each job ran once');
      assert.equal(overlap, 0);
      inFlight = new Map();
      assert.equal(await h.deps.db.selectFrom('jobs').select('id').where('kind', '=', 'test.race').where('status', '!=', 'succeeded').execute().then((r) => r.length), 0);
    } finally {
      await second.app.close();
      await second.database.close();
    }
  });

  test('a recurring job runs once per slot across two workers', async () => {
    const second = await buildApp(h.deps.config, { database: h.testDb.open(), logger: false });
    try {
      const runs: number[] = [];
      const every = 60_000;
      const recurring: RecurringJob[] = [{ name: 'test.tick', everyMs: every, handler: async (deps) => { runs.push(deps.now()); await sleep(10); return null; } }];
      const t0 = Math.floor(Date.now() / every) * every + 5_000;
      await Promise.all([armRecurringJobs(h.deps, recurring, t0), armRecurringJobs(second.deps, recurring, t0)]);
      assert.equal(await countJobs('test.tick'), 1, 'one row, whoever arms it');
      const both = (at: number) => Promise.all([
        runDueJobs({ ...h.deps, now: () => at }, { recurring, workerId: 'w1' }),
        runDueJobs({ ...second.deps, now: () => at }, { recurring, workerId: 'w2' }),
      ]);
      await both(t0);
      assert.equal(runs.length, 1);
      await both(t0 + 30_000);
      assert.equal(runs.length, 1, 'the slot has had its run');
      const row = await h.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.tick').executeTakeFirstOrThrow();
      assert.equal(row.status, 'queued');
      assert.equal(row.run_at, t0 - 5_000 + every, 'armed for the next slot');
      await both(t0 + every);
      assert.equal(runs.length, 2);
      await both(t0 + every + 1);
      assert.equal(runs.length, 2);
    } finally {
      await second.app.close();
      await second.database.close();
    }
  });

  test('a mail job reaches the SMTP server with its attachment byte for byte', async () => {
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:对接会 ✓\r\nEND:VCALENDAR\r\n', 'utf8');
    const bin = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    smtp.mails.length = 0;
    const id = await h.deps.db.transaction().execute((trx) => enqueueMail(trx, {
      to: 'attach@example.com', subject: '日程 / Schedule', text: '见附件',
      attachments: [{ filename: 'schedule.ics', content: ics, contentType: 'text/calendar' }, { filename: 'raw.bin', content: bin, contentType: 'application/octet-stream' }],
    }));
    assert.equal(smtp.mails.length, 0, 'nothing is sent before the job runs');
    await h.runJobs();
    const raw = (await smtp.waitForMail('attach@example.com')).raw;
    const parts = raw.split(/\r\n--/);
    const bodyOf = (name: string) => {
      const part = parts.find((p) => p.includes(`filename=${name}`) || p.includes(`filename="${name}"`))!;
      assert.ok(part, `part ${name}`);
      const at = part.indexOf('\r\n\r\n');
      return Buffer.from(part.slice(at + 4).replace(/\s+/g, ''), 'base64');
    };
    assert.deepEqual(bodyOf('schedule.ics'), ics);
    assert.deepEqual(bodyOf('raw.bin'), bin);
    const row = (await findJob(h.deps.db, id))!;
    assert.equal(row.status, 'succeeded');
    assert.equal(row.payload, 'null', 'a sent mail’s text (links, tokens) is not kept');
  });
});

describeEachEngine('durable jobs across a restart and with the mail server down', (engine) => {
  test('a request that mails answers without SMTP; the mail job retries; queued mail survives a restart and is sent by the next process', async () => {
    const down = `smtp://127.0.0.1:${await closedPort()}`;
    const h = await startHarness(engine, { smtpUrl: down, jobs: { pollMs: 0 } });
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
    try {
      const c = h.client();
      await c.register('reset-me@example.com');
      const r = await (await h.client().start()).post('/api/auth/password-reset/request', { email: 'reset-me@example.com' });
      assert.equal(r.statusCode, 200, r.body);
      const queued = await h.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'mail').execute();
      assert.equal(queued.length, 1, 'the mail is a job');
      assert.equal(queued[0].status, 'queued');

      assert.equal((await runDueJobs(h.deps)).retrying, 1, 'SMTP down: the attempt fails');
      const failed = (await findJob(h.deps.db, queued[0].id))!;
      assert.equal(failed.status, 'queued');
      assert.ok(failed.last_error && failed.last_error.length > 0);
      assert.ok(failed.run_at > Date.now() + 20_000, 'retried later');
      const first = (await ensureFirstAdmin(h.deps))!;
      const admin = h.client();
      await admin.login(first.email, first.password);
      const waiting = (await admin.get('/api/admin/jobs?status=queued&kind=mail')).json().items;
      assert.equal(waiting.length, 1);
      assert.equal(waiting[0].summary, 'reset-me@example.com: 绿评 lvping：重置密码 / Reset your password', 'a mail is shown by address and subject');
      assert.equal(waiting[0].error, failed.last_error);

      // The process stops; the next one starts on the same database with the mail server back.
      await h.app.close();
      await h.database.close();
      smtp = await startSmtpServer();
      // Its retry is due now (as if the backoff had passed while nothing ran).
      const next = await buildApp({ ...h.deps.config, smtpUrl: smtp.url, jobs: { ...h.deps.config.jobs, pollMs: 20 } }, { database: h.testDb.open(), logger: false });
      h.database = next.database;
      try {
        await next.deps.db.updateTable('jobs').set({ run_at: Date.now() }).where('id', '=', queued[0].id).execute();
        const mail = await smtp.waitForMail('reset-me@example.com');
        assert.match(mail.raw, /reset-password\?token=/);
        for (let i = 0; i < 100 && (await findJob(next.deps.db, queued[0].id))!.status !== 'succeeded'; i++) await sleep(20);
        const done = (await findJob(next.deps.db, queued[0].id))!;
        assert.equal(done.status, 'succeeded');
        assert.equal(done.attempts, 2);
      } finally {
        await next.app.close();
      }
    } finally {
      await h.database.close().catch(() => {});
      await h.testDb.drop();
      await smtp?.close();
    }
  });
});
