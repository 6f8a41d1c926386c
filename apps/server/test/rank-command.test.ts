import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { rankReviews } from '@lvping/domain';
import { CsvLineError, csvRecords, parseScoresCsv } from '../src/rank-command.ts';

// `npm run cli -- rank` on a file, as an outsider would run it: the order the platform's
// aggregation gives, one application id per line, and the error paths with their exit codes.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'rank', ...args], { cwd: root }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

// Noise-free: score = quality + leniency; h is 15 points harsher than e1–e3. Quality order
// 申报-01 … 申报-06; the plain mean puts GL-2025,02 (two fair experts) above 申报-01 (one of them h),
// and 申报-05 above 申报-04.
const rows: [string, string, number][] = [
  ['申报-01', 'e1', 90], ['申报-01', 'h', 75],
  ['GL-2025,02', 'e2', 85], ['GL-2025,02', 'e3', 85],
  ['申报-03', 'e1', 80], ['申报-03', 'e2', 80],
  ['申报-04', 'e3', 75], ['申报-04', 'h', 60],
  ['申报-05', 'e1', 70], ['申报-05', 'e3', 70],
  ['申报-06', 'e2', 65], ['申报-06', 'h', 50],
];
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
// As Excel would save it: BOM, CRLF, quoted where needed (and a quoted score), a blank line, spaces.
const csv = '\uFEFFApp, Expert ,Score\r\n' + rows.map(([a, e, s], i) => `${quote(a)},${e},${i === 3 ? `"${s}"` : ` ${s} `}\r\n${i === 5 ? '\r\n' : ''}`).join('');

test('rank: calibrated and mean disagree on a harsh expert; the output is the ids, best first', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-rank-'));
  await writeFile(join(dir, 'scores.csv'), csv);
  const out = join(dir, 'ranking.csv');
  const expected = {
    calibrated: ['申报-01', 'GL-2025,02', '申报-03', '申报-04', '申报-05', '申报-06'],
    mean: ['GL-2025,02', '申报-01', '申报-03', '申报-05', '申报-04', '申报-06'],
    trimmed: ['GL-2025,02', '申报-01', '申报-03', '申报-05', '申报-04', '申报-06'],
  };
  for (const method of ['calibrated', 'mean', 'trimmed'] as const) {
    const r = await cli(['--in', join(dir, 'scores.csv'), '--method', method, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`ranked 6 applications from 12 reviews by ${method}`));
    const text = await readFile(out, 'utf8');
    assert.equal(text, expected[method].join('\n') + '\n');
    // The same function the platform runs.
    assert.deepEqual(text.trimEnd().split('\n'), rankReviews(rows.map(([app, expert, score]) => ({ app, expert, score })), { method }).items.map((i) => i.app));
  }
  // The default method is calibrated.
  const r = await cli(['--in', join(dir, 'scores.csv'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(await readFile(out, 'utf8'), expected.calibrated.join('\n') + '\n');
});

test('rank: usage errors exit 2, bad data exits 1 naming the line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lvping-rank-'));
  const out = join(dir, 'out.csv');
  const file = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    return join(dir, name);
  };
  const good = await file('good.csv', 'app,expert,score\nA,e1,70\n');
  const [noOut, noIn, method, missing, bogus, score, duplicate, header] = await Promise.all([
    cli(['--in', good]),
    cli(['--out', out]),
    cli(['--in', good, '--out', out, '--method', 'median']),
    cli(['--in', join(dir, 'missing.csv'), '--out', out]),
    cli(['--in', good, '--out', out, '--bogus']),
    cli(['--in', await file('score.csv', 'app,expert,score\r\nA,e1,70\r\n\r\nB,e2,seventy\r\n'), '--out', out]),
    cli(['--in', await file('dup.csv', 'app,expert,score\nA,e1,70\nB,e1,60\nA,e1,75\n'), '--out', out]),
    cli(['--in', await file('header.csv', 'application,reviewer,total\nA,e1,70\n'), '--out', out]),
  ]);
  assert.deepEqual([noOut, noIn, method, missing, bogus].map((u) => u.code), [2, 2, 2, 2, 2]);
  assert.match(noOut.stderr, /rank needs --in <scores\.csv> and --out <ranking\.csv>/);
  assert.match(noIn.stderr, /rank needs --in/);
  assert.match(method.stderr, /--method must be one of calibrated, mean, trimmed \(got median\)/);
  assert.match(missing.stderr, /missing\.csv: no such file/);
  assert.match(bogus.stderr, /bogus[\s\S]*usage:[\s\S]*rank --in/);
  assert.deepEqual([score, duplicate, header].map((u) => u.code), [1, 1, 1]);
  assert.match(score.stderr, /score\.csv: line 4: the score "seventy" is not a number/);
  assert.match(duplicate.stderr, /line 4: expert e1 already scored application A on line 2/);
  assert.match(header.stderr, /line 1: the header must name the columns app, expert, score \(found: application,reviewer,total\)/);
});

test('parseScoresCsv: every bad row named by its line', () => {
  const bad: [string, RegExp][] = [
    ['app,expert,score\nA,e1,70\nB,e2,seventy\n', /^line 3: the score "seventy" is not a number$/],
    ['app,expert,score\r\nA,e1,70\r\n\r\nB,e2,\r\n', /^line 4: the score "" is not a number$/],
    ['app,expert,score\nA,e1,85,5\n', /^line 2: expected 3 fields as in the header, found 4/],
    ['app,expert,score\nA,e1,70\n,e2,60\n', /^line 3: the app id is empty$/],
    ['app,expert,score\nA," ",70\n', /^line 2: the expert id is empty$/],
    ['app,expert,score\nA,e1,70\nB,e1,60\nA,e1,75\n', /^line 4: expert e1 already scored application A on line 2$/],
    ['app,expert,score\n"A\nB",e1,70\n', /^line 2: ids must not contain line breaks$/],
    ['app,expert,score\nA,e1,70\n"B,e2,60\nC,e3,50\n', /^line 3: a quoted field is not closed$/],
    ['app,expert,score\n"A"x,e1,70\n', /^line 2: unexpected text after a closing quote/],
    ['application,reviewer,total\nA,e1,70\n', /^line 1: the header must name the columns app, expert, score/],
    ['app,expert,score,app\nA,e1,70,B\n', /^line 1: the column app appears 2 times$/],
    ['app,expert,score\n', /^line 2: no reviews after the header$/],
    ['', /^line 1: the file is empty/],
    ['app,expert,score\nA,e1,Infinity\n', /the score "Infinity" is not a number/],
    ['app,expert,score\nA,e1,1e999\n', /the score "1e999" is not a number/],
    ['app,expert,score\nA,e1,0x10\n', /the score "0x10" is not a number/],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseScoresCsv(text), (e: Error) => e instanceof CsvLineError && message.test(e.message), JSON.stringify(text));
  }
});

test('csvRecords and parseScoresCsv: quoting, line numbers across quoted line breaks, extra columns', () => {
  assert.deepEqual(csvRecords('a,"b ""c"", d",e\r\n\r\n"multi\nline",x,\n  \nlast'), [
    { line: 1, fields: ['a', 'b "c", d', 'e'] },
    { line: 3, fields: ['multi\nline', 'x', ''] },
    { line: 6, fields: ['last'] },
  ]);
  assert.deepEqual(csvRecords('""\n'), [{ line: 1, fields: [''] }]);
  const parsed = parseScoresCsv('note,score,expert,app\n"first, really",+8.5e1, e1 ,A\nsecond,.5,e2,A\n');
  assert.deepEqual(parsed, { reviews: [{ app: 'A', expert: 'e1', score: 85 }, { app: 'A', expert: 'e2', score: 0.5 }], lines: [2, 3] });
});
