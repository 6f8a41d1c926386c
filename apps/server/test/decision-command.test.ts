import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { programAwardWinners, proposeTiers } from '@lvping/domain';

// `npm run cli -- tiers FILE` and `awards FILE` as an outsider runs them: the same functions the
// platform decides with, printed as JSON, and the error paths with their exit codes.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

test('tiers: counts from the file override the tiers’; the output is proposeTiers’ result', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-tiers-'));
  const input = {
    ranked: [{ applicationId: 'GL-3', rank: 3, score: 70 }, { applicationId: 'GL-1', rank: 1, score: 92 }, { applicationId: 'GL-2', rank: 2, score: 85, pAbove: 0.8 }, { applicationId: 'GL-4', rank: 4, score: 40 }],
    tiers: [{ id: 'yideng', name: '一等奖' }, { id: 'erdeng', name: '二等奖', count: 5, minScore: 60 }, { id: 'youxiu', name: '优秀奖', minScore: 50 }],
    counts: { yideng: 1 },
  };
  await writeFile(join(dir, 'in.json'), JSON.stringify(input));
  const r = await cli(['tiers', join(dir, 'in.json')]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.items.map((i: { applicationId: string; tierId: string | null }) => [i.applicationId, i.tierId]), [['GL-1', 'yideng'], ['GL-2', 'erdeng'], ['GL-3', 'erdeng'], ['GL-4', null]]);
  assert.match(out.items[3].why.zh, /低于“优秀奖”的分数线 50/);
  assert.deepEqual(out, JSON.parse(JSON.stringify(proposeTiers(input.ranked, input.tiers, input.counts))));
});

test('awards: 优秀组织奖 by unitsInEveryTrack from a file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-awards-'));
  const p = (unitId: string, unitName: string, trackId: string, applicationId: string) => ({ unitId, unitName, trackId, applicationId, stage: 'screened', awarded: false });
  const input = {
    rule: { kind: 'unitsInEveryTrack', stage: 'screened' },
    participations: [p('zz', '郑州市', 'a', '1'), p('zz', '郑州市', 'b', '2'), p('ly', '洛阳市', 'a', '3')],
    tracks: [{ id: 'a', entry: 'recommendation', name: '甲赛道' }, { id: 'b', entry: 'recommendation', name: '乙赛道' }, { id: 'c', entry: 'direct' }],
  };
  await writeFile(join(dir, 'in.json'), JSON.stringify(input));
  const r = await cli(['awards', join(dir, 'in.json')]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.map((w: { unitName: string; tracksCovered: string[] }) => [w.unitName, w.tracksCovered]), [['郑州市', ['a', 'b']]]);
  assert.deepEqual(out, programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'screened' }, input.participations as never, input.tracks));
});

test('tiers and awards: no file exits 2; bad JSON or a bad shape exits 1 naming the field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-tiers-'));
  const file = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    return join(dir, name);
  };
  const [none, missing, notJson, shape, rule] = await Promise.all([
    cli(['tiers']),
    cli(['awards', join(dir, 'missing.json')]),
    cli(['tiers', await file('bad.json', '{"ranked": [')]),
    cli(['tiers', await file('shape.json', JSON.stringify({ ranked: [{ applicationId: 'A', rank: 0, score: 1 }], tiers: [] }))]),
    cli(['awards', await file('rule.json', JSON.stringify({ rule: { kind: 'lottery' }, participations: [], tracks: [] }))]),
  ]);
  assert.deepEqual([none.code, missing.code, notJson.code, shape.code, rule.code], [2, 2, 1, 1, 1]);
  assert.match(none.stderr, /tiers needs a JSON file/);
  assert.match(missing.stderr, /missing\.json: no such file/);
  assert.match(notJson.stderr, /bad\.json: not JSON/);
  assert.match(shape.stderr, /ranked\.0\.rank/);
  assert.match(rule.stderr, /rule\.kind/);
});
