import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

// `npm run cli -- assign` on a file, as an outsider would run it; its DIMACS output solved by
// LEMON's dimacs-solver (Debian liblemon-utils, installed by .ci/run) gives the same optimum.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const hasLemon = spawnSync('dimacs-solver', ['-h']).error === undefined;

function instance() {
  const A = 60;
  const E = 18;
  const aff = { app: [] as number[], expert: [] as number[], score: [] as number[] };
  for (let a = 0; a < A; a++) for (let e = 0; e < E; e++) if ((a + e) % 3) { aff.app.push(a); aff.expert.push(e); aff.score.push(((a * 17 + e * 31) % 23) * 5 - 15); }
  return { applications: A, experts: E, reviews: 3, capacity: 12, minLoad: 4, loadCost: 2, affinity: aff, conflicts: { app: [0, 0, 5], expert: [1, 2, 7] }, pins: { app: [3], expert: [4] }, strong: { threshold: 40 } };
}

test('assign: solves a file, certifies it, and writes DIMACS an external solver agrees with', { skip: !hasLemon && 'dimacs-solver (liblemon-utils) not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-assign-'));
  await writeFile(join(dir, 'in.json'), JSON.stringify(instance()));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'assign', '--in', join(dir, 'in.json'), '--out', join(dir, 'out.json'), '--dimacs', join(dir, 'out.min')], { cwd: root });
  assert.match(stdout, /certificate optimal/);
  const result = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
  assert.equal(result.certificate.optimal, true);
  assert.equal(result.app.length, 180);
  assert.ok(result.objective <= result.upperBound);
  for (const [a, e] of [[0, 1], [0, 2], [5, 7]]) assert.ok(!result.app.some((x: number, i: number) => x === a && result.expert[i] === e), 'a conflicted pair was assigned');
  const lemon = spawnSync('dimacs-solver', [join(dir, 'out.min')], { encoding: 'utf8' });
  const cost = /Min flow cost: (-?\d+)/.exec(lemon.stdout + lemon.stderr);
  assert.ok(cost, lemon.stdout + lemon.stderr);
  assert.equal(-Number(cost[1]), result.objective);
});

test('assign: bad input is refused with the item named; infeasible input reports the shortfall', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-assign-'));
  const cli = (file: string) => run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'assign', '--in', file, '--out', join(dir, 'out.json')], { cwd: root }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...instance(), capacity: [1, 2] }));
  const bad = await cli(join(dir, 'bad.json'));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /capacity has 2 entries, expected 18/);
  await writeFile(join(dir, 'shape.json'), JSON.stringify({ applications: 1, experts: 1, reviews: 1 }));
  assert.match((await cli(join(dir, 'shape.json'))).stderr, /capacity/);
  await writeFile(join(dir, 'tight.json'), JSON.stringify({ applications: 3, experts: 2, reviews: 2, capacity: 2 }));
  const tight = await cli(join(dir, 'tight.json'));
  assert.equal(tight.code, 1);
  assert.match(tight.stderr, /6 reviews needed, experts can take 4/);
  assert.equal(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')).feasible, false);
});
