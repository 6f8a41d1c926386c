import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { scheduleMeetings } from '@lvping/domain';

// `npm run cli -- meetings FILE` as an outsider runs it: the scheduler the platform uses, printed
// as JSON, and the error paths with their exit codes.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

test('meetings: a session plan in Shanghai time, each meeting with its time, the rest with reasons', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-meetings-'));
  const input = {
    slots: { date: '2026-12-18', startTime: '09:00', endTime: '10:00', slotMinutes: 30 }, tables: 1,
    unavailable: { inv2: [0] },
    requests: [{ id: 'a', a: 'inv1', b: 'owner', priority: 3 }, { id: 'b', a: 'inv2', b: 'owner' }, { id: 'c', a: 'owner2', b: 'inv1' }],
  };
  await writeFile(join(dir, 'in.json'), JSON.stringify(input));
  const r = await cli(['meetings', join(dir, 'in.json')]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.meetings, [{ requestId: 'a', slot: 0, table: 1, time: '09:00–09:30' }, { requestId: 'b', slot: 1, table: 1, time: '09:30–10:00' }]);
  assert.equal(out.unscheduled[0].requestId, 'c');
  assert.equal(out.unscheduled[0].reason.kind, 'tables_full');
  assert.equal(out.optimal, true);
  const direct = scheduleMeetings({ ...input, slots: 2 });
  assert.deepEqual(out.unscheduled, JSON.parse(JSON.stringify(direct.unscheduled)));
});

test('meetings: a bare slot count works too; bad files exit non-zero naming the problem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-meetings-'));
  await writeFile(join(dir, 'count.json'), JSON.stringify({ slots: 2, tables: 3, requests: [{ id: 'x', a: '1', b: '2' }] }));
  const ok = await cli(['meetings', join(dir, 'count.json')]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout).meetings, [{ requestId: 'x', slot: 0, table: 1 }]);
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ slots: 2, requests: [] }));
  const bad = await cli(['meetings', join(dir, 'bad.json')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /tables/);
  await writeFile(join(dir, 'notjson.json'), '{');
  assert.equal((await cli(['meetings', join(dir, 'notjson.json')])).code, 1);
  assert.equal((await cli(['meetings', join(dir, 'missing.json')])).code, 2);
  assert.equal((await cli(['meetings'])).code, 2);
});
