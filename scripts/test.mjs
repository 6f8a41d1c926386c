#!/usr/bin/env node
// `npm test`: type checking, lint, unit and both-engine tests, then browser tests.
// Options: --only=unit|browser skips the other stages; extra args filter test files by substring.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const filters = args.filter((a) => !a.startsWith('--'));

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    if (typeof tapDir === 'string') rmSync(tapDir, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
}

function findTests(dir, out = []) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const pick = (files) => (filters.length ? files.filter((f) => filters.some((s) => f.includes(s))) : files);
// Each stage also writes TAP to a file, so the run can end with one total over all stages.
const tapDir = mkdtempSync(join(tmpdir(), 'lvping-tap-'));
let stage = 0;
const reporters = () => ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(tapDir, `${stage++}.tap`)}`];
const testRunner = (files, concurrency = 2) => ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...reporters(), ...files];

function total() {
  const sum = { pass: 0, fail: 0, skipped: 0 };
  for (const f of readdirSync(tapDir)) {
    const tap = readFileSync(join(tapDir, f), 'utf8');
    for (const k of Object.keys(sum)) sum[k] += Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  }
  rmSync(tapDir, { recursive: true, force: true });
  return sum;
}

if (!only) {
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
}
if (!only || only === 'unit') {
  const files = pick([...findTests(join(root, 'packages')), ...findTests(join(root, 'apps/server/test'))]);
  run(`unit and database tests (${files.length} files)`, process.execPath, testRunner(files));
}
if (!only || only === 'browser') {
  const files = pick(findTests(join(root, 'apps/web/test-browser')));
  if (files.length) {
    run('build web', 'npm', ['run', 'build', '-w', 'apps/web']);
    run(`browser tests (${files.length} files)`, process.execPath, testRunner(files, 1));
  }
}
const { pass, fail, skipped } = total();
console.log(`\ntotal: ${pass} passed, ${fail} failed, ${skipped} skipped`);
