// Nothing acknowledged is lost: the real server under a load of draft saves, submissions and
// uploads is killed with SIGKILL mid-load and restarted on the same data, then stopped with SIGTERM
// mid-load; every request that got a 2xx must be there afterwards, byte for byte (answers) and
// hash for hash (uploaded files).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describeEachEngine, type TestDatabase } from './support/engines.ts';
import { startHarness } from './support/harness.ts';
import { startServerChild, type ServerChild } from './support/server-child.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf } from './support/journey.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { storedPath } from '../src/features/files/file-store.ts';

type User = { cookie: string; csrf: string; appId: string };
type Save = { revision: number; json: string };
type Ledger = {
  saves: Map<string, { acked: Save[]; pending: Save | null }>;
  submitted: Set<string>;
  submitPending: Set<string>;
  uploads: { appId: string; id: string; sha256: string }[];
  statuses: Map<number, number>;
  failures: number;
  ackedAfterSignal: number;
};

const newLedger = (): Ledger => ({ saves: new Map(), submitted: new Set(), submitPending: new Set(), uploads: [], statuses: new Map(), failures: 0, ackedAfterSignal: 0 });
const USERS = creditCodes.length; // one organization each (a credit code is registered once)

/** One applicant's loop: saves with unique values, an upload every 4th request, a submit when told. */
async function work(baseUrl: string, u: User, startRevision: number, submitAt: number | null, ledger: Ledger, state: { stop: boolean; signalledAt: number | null }) {
  let revision = startRevision;
  let license: unknown = null;
  let licenseSaved = false; // submit only once a saved draft names an upload (the field is required)
  const mine = { acked: [] as Save[], pending: null as Save | null };
  ledger.saves.set(u.appId, mine);
  const headers = (extra: Record<string, string> = {}) => ({ cookie: u.cookie, 'x-csrf-token': u.csrf, ...extra });
  const count = (status: number) => ledger.statuses.set(status, (ledger.statuses.get(status) ?? 0) + 1);
  const acked = () => {
    if (state.signalledAt !== null) ledger.ackedAfterSignal++;
  };
  for (let seq = 1; !state.stop; seq++) {
    try {
      if (submitAt !== null && seq >= submitAt && licenseSaved) {
        ledger.submitPending.add(u.appId);
        const r = await fetch(`${baseUrl}/api/applications/${u.appId}/submit`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ baseRevision: revision }) });
        count(r.status);
        await r.arrayBuffer();
        if (r.status !== 200) break;
        ledger.submitted.add(u.appId);
        acked();
        return;
      }
      if (seq % 4 === 0) {
        const bytes = Buffer.concat([samplePdf, Buffer.from(`% ${randomBytes(3000 + Math.floor(Math.random() * 20_000)).toString('base64')}\n`)]);
        const body = multipart('营业执照.pdf', bytes, 'application/pdf');
        const r = await fetch(`${baseUrl}/api/applications/${u.appId}/files?field=basic.license`, { method: 'POST', headers: headers({ 'content-type': body.contentType }), body: body.body });
        count(r.status);
        const text = await r.text();
        if (r.status === 200) {
          const ref = JSON.parse(text);
          ledger.uploads.push({ appId: u.appId, id: ref.id, sha256: createHash('sha256').update(bytes).digest('hex') });
          license = ref;
          acked();
        } else if (r.status === 503) break;
        continue;
      }
      // A unique value every time, with characters JSON must escape and ones it must not touch.
      const answers = { basic: { projectName: `储热 ${seq}-${randomBytes(3).toString('hex')}`, summary: `"引号" \\ 换行\n${randomBytes(40).toString('base64')} ✓`, revenue: seq + 0.25, ...(license ? { license } : {}) }, pledge: { declaration: true } };
      const json = JSON.stringify(answers);
      mine.pending = { revision: revision + 1, json };
      const r = await fetch(`${baseUrl}/api/applications/${u.appId}/draft`, { method: 'PUT', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ answers, baseRevision: revision }) });
      count(r.status);
      const text = await r.text();
      if (r.status === 200) {
        assert.equal(JSON.parse(text).revision, revision + 1);
        mine.acked.push(mine.pending);
        if (license) licenseSaved = true;
        mine.pending = null;
        revision++;
        acked();
      } else if (r.status === 503) break;
      else assert.fail(`unexpected ${r.status} for a save: ${text}`);
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      ledger.failures++; // the connection went away: the server was killed or is shutting down
      break;
    }
  }
}

async function runLoad(server: ServerChild, users: User[], revisions: number[], submitAt: (i: number) => number | null, ledger: Ledger, stopWith: () => Promise<void>) {
  const state = { stop: false, signalledAt: null as number | null };
  const workers = users.map((u, i) => work(server.baseUrl, u, revisions[i], submitAt(i), ledger, state));
  // Let the load build up, then pull the plug (or ask it to stop) while requests are in flight.
  const started = Date.now();
  while (Date.now() - started < 2500 && ledger.uploads.length < 12) await new Promise((r) => setTimeout(r, 50));
  state.signalledAt = Date.now();
  await stopWith();
  await Promise.all(workers);
  state.stop = true;
}

describeEachEngine('nothing acknowledged is lost', (engine) => {
  let testDb: TestDatabase;
  let users: User[];
  let server: ServerChild | null = null;
  const env = () => ({ DATA_DIR: testDb.dataDir, DATABASE_URL: testDb.databaseUrl, RATE_LIMIT_UPLOAD: 'off' });

  before(async () => {
    // Accounts, a program and one draft each, prepared in-process; the sessions work in the child.
    const h = await startHarness(engine, { jobs: { pollMs: 0 } });
    testDb = h.testDb;
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    const programId = (await openProgram(h, await actorOf(h, ac), 'crash')).id;
    users = [];
    for (let i = 0; i < USERS; i++) {
      const a = await applicantWithOrg(h, `crash${i}@example.com`, creditCodes[i]);
      const app = await a.client.post('/api/applications', { programId, trackId: 'green', organizationId: a.orgId });
      assert.equal(app.statusCode, 200, app.body);
      users.push({ cookie: [...a.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf: a.client.csrfToken, appId: app.json().id });
    }
    // Not h.close(): that would drop the database the child server is about to use.
    await h.app.close();
    await h.database.close();
  });
  after(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await testDb.drop();
  });

  /** Every acknowledged write of the ledger is in the database and the file store. */
  async function verify(ledger: Ledger): Promise<number[]> {
    const database = testDb.open();
    try {
      const revisions: number[] = [];
      for (const u of users) {
        const row = await database.db.selectFrom('applications').select(['revision', 'answers_json', 'status']).where('id', '=', u.appId).executeTakeFirstOrThrow();
        const mine = ledger.saves.get(u.appId)!;
        const last = mine.acked.at(-1);
        const submitted = row.status === 'submitted';
        if (ledger.submitted.has(u.appId)) assert.ok(submitted, `${u.appId}: its acknowledged submission is there`);
        if (submitted) {
          assert.ok(ledger.submitPending.has(u.appId), 'submitted only if a submit was sent');
          const version = await database.db.selectFrom('application_versions').select('answers_json').where('application_id', '=', u.appId).executeTakeFirst();
          assert.equal(version?.answers_json, row.answers_json, 'the submitted version is the answers as they were');
        } else assert.equal(row.status, 'draft');
        const saveRevision = row.revision - (submitted ? 1 : 0);
        if (last && saveRevision === last.revision) assert.equal(row.answers_json, last.json, `${u.appId}: the last acknowledged save, byte for byte`);
        else if (mine.pending && saveRevision === mine.pending.revision) assert.equal(row.answers_json, mine.pending.json, `${u.appId}: a save in flight that committed`);
        else assert.fail(`${u.appId}: revision ${row.revision} is neither the last acknowledged save (${last?.revision}) nor the one in flight (${mine.pending?.revision})`);
        revisions.push(row.revision);
      }
      for (const up of ledger.uploads) {
        const row = await database.db.selectFrom('application_files').select(['sha256', 'application_id']).where('id', '=', up.id).executeTakeFirst();
        assert.ok(row, `upload ${up.id}: its row is there`);
        assert.deepEqual(row, { sha256: up.sha256, application_id: up.appId });
        const bytes = readFileSync(storedPath(testDb.dataDir, up.sha256));
        assert.equal(createHash('sha256').update(bytes).digest('hex'), up.sha256, `upload ${up.id}: its bytes are there, whole`);
      }
      return revisions;
    } finally {
      await database.close();
    }
  }

  const summary = (l: Ledger) => `${[...l.saves.values()].reduce((n, s) => n + s.acked.length, 0)} saves, ${l.uploads.length} uploads, ${l.submitted.size} submissions acknowledged; statuses ${JSON.stringify(Object.fromEntries(l.statuses))}; ${l.failures} connection failures`;

  test('SIGKILL mid-load, restart on the same data: every acknowledged save, submission and upload is there', async () => {
    server = await startServerChild(env());
    const ledger = newLedger();
    const killed = server;
    await runLoad(killed, users, users.map(() => 0), (i) => (i < 2 ? 5 + i * 3 : null), ledger, async () => {
      killed.child.kill('SIGKILL');
      await killed.exited;
    });
    console.log(`# [${engine}] killed: ${summary(ledger)}`);
    assert.ok(ledger.uploads.length > 0 && [...ledger.saves.values()].some((s) => s.acked.length > 0), 'the load was under way when the server died');
    assert.ok(ledger.failures > 0, 'requests were in flight when it died');

    server = await startServerChild(env());
    await verify(ledger);
    // The restarted server serves what was acknowledged before the crash.
    const up = ledger.uploads[0];
    const u = users.find((x) => x.appId === up.appId)!;
    const res = await fetch(`${server.baseUrl}/api/applications/${up.appId}/files/${up.id}`, { headers: { cookie: u.cookie } });
    assert.equal(res.status, 200);
    assert.equal(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex'), up.sha256);
  });

  test('SIGTERM under load: requests finish or are refused visibly, the process exits 0, nothing acknowledged is lost', async () => {
    assert.ok(server, 'the server restarted by the previous test');
    const running = server;
    const before = testDb.open();
    const rows = await before.db.selectFrom('applications').select(['id', 'revision', 'status']).execute();
    await before.close();
    const current = users.map((u) => rows.find((r) => r.id === u.appId)!);
    const editable = users.filter((_, i) => current[i].status === 'draft');
    const ledger = newLedger();
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    await runLoad(running, editable, editable.map((u) => current[users.indexOf(u)].revision), (i) => (i === 0 ? 6 : null), ledger, async () => {
      running.child.kill('SIGTERM');
      exit = await running.exited;
    });
    console.log(`# [${engine}] SIGTERM: ${summary(ledger)}; ${ledger.ackedAfterSignal} acknowledged after the signal`);
    assert.deepEqual(exit, { code: 0, signal: null }, `a clean exit:\n${running.output().slice(-2000)}`);
    const saved = users;
    users = editable;
    try {
      await verify(ledger);
    } finally {
      users = saved;
    }
  });
});
