import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { createTestDatabase, describeEachEngine, type TestDatabase } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { loadSeedPrograms } from '../src/features/programs/program.service.ts';
import { verifyAuditChain } from '../src/features/audit/audit.service.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf, samplePng } from './support/journey.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createBackup } from '../src/backup/backup.ts';
import { restoreBackup, RestoreRefused } from '../src/backup/restore.ts';
import { listTables } from '../src/backup/db-tables.ts';
import { tableEntry } from '../src/backup/manifest.ts';
import { readTar } from '../src/backup/tar.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'apps/server/src/cli.ts');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('close', (code) => resolve({ code, out }));
  });
}

const envOf = (t: { dataDir: string; databaseUrl: string | null }) => ({ DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '' });
const configOf = (t: { dataDir: string; databaseUrl: string | null }): Config => loadConfig(envOf(t));

/** Every row of every table, each table's rows in a canonical order. */
async function everyRow(db: Kysely<any>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(db)) out[t] = (await db.selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** Every stored file: its path under files/ → the SHA-256 of its content. */
function fileHashes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(join(dataDir, 'files'), p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(join(dataDir, 'files'));
  return out;
}

describeEachEngine('backup and restore', (engine) => {
  let h: Harness;
  let a: { client: Client; orgId: string };
  let appIds: string[];
  const work = mkdtempSync(join(tmpdir(), 'lvping-backup-test-'));
  const targets: TestDatabase[] = [];
  const target = async () => {
    const t = await createTestDatabase(engine);
    targets.push(t);
    return t;
  };

  before(async () => {
    // No job worker: the source must hold still for the row-by-row comparison.
    h = await startHarness(engine, { jobs: { ...loadConfig().jobs, pollMs: 0 } });
    await loadSeedPrograms(h.deps);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    const programId = (await openProgram(h, await actorOf(h, ac), 'backup')).id;
    a = await applicantWithOrg(h, 'backup@example.com', creditCodes[0]);
    appIds = [];
    for (const [trackId, body, name, type] of [['green', samplePdf, '营业执照.pdf', 'application/pdf'], ['storage', samplePng, '执照.png', 'image/png']] as const) {
      const app = (await a.client.post('/api/applications', { programId, trackId, organizationId: a.orgId })).json();
      const up = await a.client.upload(`/api/applications/${app.id}/files?field=basic.license`, multipart(name, body, type));
      assert.equal(up.statusCode, 200, up.body);
      const saved = await a.client.put(`/api/applications/${app.id}/draft`, { answers: { basic: { projectName: `储热 ${trackId}`, summary: '相变材料“储热”\n第二行', revenue: 12.5, license: up.json() }, pledge: { declaration: true } }, baseRevision: 0 });
      assert.equal(saved.statusCode, 200, saved.body);
      appIds.push(app.id);
    }
    assert.equal((await a.client.post(`/api/applications/${appIds[0]}/submit`, { baseRevision: 1 })).statusCode, 200);
  });
  after(async () => {
    await h.close();
    for (const t of targets) await t.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const assertSameAsSource = async (t: TestDatabase) => {
    const restored = t.open();
    try {
      assert.deepEqual(await everyRow(restored.db), await everyRow(h.deps.db));
      assert.equal((await verifyAuditChain(restored.db)).ok, true, 'the audit chain verifies after a restore');
    } finally {
      await restored.close();
    }
    const files = fileHashes(t.dataDir);
    assert.deepEqual(files, fileHashes(h.deps.config.dataDir));
    assert.ok(Object.keys(files).length >= 2);
    for (const [path, hash] of Object.entries(files)) assert.equal(path.split('/').at(-1), hash, 'a stored file is named by its hash');
  };

  test(`the CLI round trip (${engine === 'sqlite' ? 'online backup API' : 'pg_dump'}): every row and every file back, a non-empty target refused`, async () => {
    const archive = join(work, 'cli.tar.gz');
    const b = await runCli(['backup', '--out', archive], envOf(h.testDb));
    assert.equal(b.code, 0, b.out);
    assert.match(b.out, new RegExp(`backup written to .*: ${engine} \\(${engine === 'sqlite' ? 'sqlite' : 'pg_dump'}\\)`));
    const t = await target();
    const r = await runCli(['restore', archive], envOf(t));
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /restored .* each checked/);
    await assertSameAsSource(t);

    // Once more into the same, now full, target: refused, and nothing touched.
    const again = await restoreBackup(configOf(t), archive).then(() => null, (e: Error) => e);
    assert.ok(again instanceof RestoreRefused);
    assert.match(again.message, /already holds uploaded files \(files\/\): restore only into an empty data directory/);
    await assertSameAsSource(t);
    if (engine === 'sqlite') {
      const other = await target();
      writeFileSync(join(other.dataDir, 'lvping.sqlite'), '');
      await assert.rejects(restoreBackup(configOf(other), archive), /DATA_DIR .* already holds a database \(lvping\.sqlite\)/);
    }
  });

  if (engine === 'postgres') {
    test('the logical export (no pg_dump): every table as JSON lines, loaded in foreign-key order', async () => {
      const archive = join(work, 'logical.tar');
      const manifest = await createBackup(h.deps.config, archive, { logical: true });
      assert.equal(manifest.method, 'logical');
      const names: string[] = [];
      for await (const e of readTar(createReadStream(archive))) names.push(e.name);
      assert.ok(names.includes(tableEntry('applications')) && names.includes(tableEntry('kysely_migration')));
      const t = await target();
      await restoreBackup(configOf(t), archive);
      await assertSameAsSource(t);

      const empty = await target();
      const refused = await restoreBackup({ ...configOf(empty), databaseUrl: h.testDb.databaseUrl }, archive).then(() => null, (e: Error) => e.message);
      assert.match(refused ?? '', /is not empty \(\d+ tables/);
    });
  }

  test('a backup taken while the server writes restores to a consistent moment', async () => {
    const archive = join(work, 'online.tar');
    let stop = false;
    let revision = 1;
    const writer = (async () => {
      while (!stop) {
        const r = await a.client.put(`/api/applications/${appIds[1]}/draft`, { answers: { basic: { projectName: `第 ${revision} 版` } }, baseRevision: revision });
        assert.equal(r.statusCode, 200, r.body);
        revision++;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const manifest = await createBackup(h.deps.config, archive);
    stop = true;
    await writer;
    const t = await target();
    await restoreBackup(configOf(t), archive); // checks integrity, the migration and every table's count
    const restored = t.open();
    try {
      const row = await restored.db.selectFrom('applications').select(['revision', 'answers_json']).where('id', '=', appIds[1]).executeTakeFirstOrThrow();
      assert.ok(row.revision >= 1 && row.revision <= revision, `revision ${row.revision} within the run`);
      if (row.revision > 1) assert.equal(row.answers_json, JSON.stringify({ basic: { projectName: `第 ${row.revision - 1} 版` } }), 'the answers belong to that revision');
      assert.equal((await verifyAuditChain(restored.db)).ok, true);
      assert.equal(manifest.tables.applications, 2);
    } finally {
      await restored.close();
    }
  });

  test('a damaged archive is refused and leaves the target empty', async () => {
    const archive = join(work, 'damaged.tar');
    await createBackup(h.deps.config, archive);
    const bytes = readFileSync(archive);
    // Flip a byte inside the last stored file's content (the entries before the end blocks).
    const end = bytes.length - 1024;
    let at = end - 1;
    while (at > 0 && bytes[at] === 0) at--;
    bytes[at] ^= 0xff;
    writeFileSync(archive, bytes);
    const t = await target();
    const message = await restoreBackup(configOf(t), archive).then(() => null, (e: Error) => e.message);
    assert.match(message ?? '', /does not match its hash: the backup is damaged/);
    assert.deepEqual(readdirSync(t.dataDir), [], 'nothing left behind');
    if (engine === 'postgres') {
      const db = t.open();
      assert.deepEqual(await listTables(db.db), []);
      await db.close();
    }
  });
});
