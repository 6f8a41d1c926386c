#!/usr/bin/env node
// `npm test`: type checking, lint, unit and both-engine tests, then browser tests.
// Options: --only=unit|browser skips the other stages; extra args filter test files by substring.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
const testRunner = (files) => ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files];

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
    run(`browser tests (${files.length} files)`, process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files]);
  }
}
