// The table on stdout and the JSON file.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaults } from './measure.ts';
import type { Aim, Row } from './scenario.ts';

const fmt = {
  int: (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US')),
  ms: (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2)),
  ratio: (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)}×`),
};

/** Columns a string takes in a terminal: CJK (先导技术榜) takes two per character. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
      || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

const baselineOf = (rows: Row[], r: Row): Row | undefined => rows.find((b) => b.isBaseline && b.group === r.group);

/**
 * Ratios against the baseline row of the same group (req/s below 1× is
 * slower, p99 above 1× is slower), and whether the aims hold.
 */
export function addRatios(rows: Row[]): void {
  for (const r of rows) {
    const base = baselineOf(rows, r)?.measurement;
    if (!r.measurement || !base) continue;
    r.rpsRatio = r.measurement.reqPerSec / base.reqPerSec;
    r.p99Ratio = r.measurement.p99Ms / base.p99Ms;
    if (r.aim) {
      r.aimMet = (r.aim.minRpsRatio === undefined || r.rpsRatio >= r.aim.minRpsRatio) && (r.aim.maxP99Ms === undefined || r.measurement.p99Ms < r.aim.maxP99Ms);
    }
  }
}

const engineNames: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function aimText(aim: Aim): string {
  const parts = [
    ...(aim.minRpsRatio !== undefined ? [`≥${aim.minRpsRatio}× baseline req/s`] : []),
    ...(aim.maxP99Ms !== undefined ? [`p99 < ${aim.maxP99Ms} ms`] : []),
  ];
  return parts.join(' and ');
}

/** One line per scenario with an aim: "aim: ≥0.5× baseline req/s and p99 < 25 ms on SQLite: met". */
export function formatAims(rows: Row[]): string[] {
  return rows.filter((r) => r.aim).map((r) => {
    const head = `aim: ${aimText(r.aim!)} on ${engineNames[r.engine] ?? r.engine} (${r.scenario})`;
    if (r.aimMet === undefined) {
      return `${head}: not checked (${r.measurement ? `no ${r.group} baseline measured` : r.status})`;
    }
    return `${head}: ${r.aimMet ? 'met' : 'NOT MET'} — ${fmt.ratio(r.rpsRatio)} req/s, p99 ${fmt.ms(r.measurement!.p99Ms)} ms`;
  });
}

/** The table, one section per group, each headed by the baseline its ratios are against; then notes and aims. */
export function formatTable(rows: Row[]): string {
  const header = ['scenario', 'engine', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs base', 'p99 vs base'];
  const cellsOf = (r: Row) => {
    const m = r.measurement;
    if (!m) return [r.scenario, r.engine, r.status.toUpperCase(), '', '', '', ''];
    return [r.scenario, r.engine, fmt.int(m.reqPerSec), fmt.ms(m.p50Ms), fmt.ms(m.p99Ms), fmt.ratio(r.rpsRatio), fmt.ratio(r.p99Ratio)];
  };
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(cellsOf(r)[i]))));
  // Text columns left-aligned, numbers right-aligned.
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  const groups = [...new Set(rows.map((r) => r.group))];
  for (const [i, group] of groups.entries()) {
    const members = rows.filter((r) => r.group === group);
    const base = baselineOf(rows, members[0]);
    if (i > 0) out.push('');
    out.push(`[${group}] ratios vs ${base ? `${base.scenario} [${base.engine}]` : 'no baseline in this run'}:`);
    // The baseline first, then the rest in the order they ran.
    for (const r of [...members.filter((m) => m.isBaseline), ...members.filter((m) => !m.isBaseline)]) out.push(line(cellsOf(r)));
  }
  const notes = rows.filter((r) => r.reason).map((r) => `  ${r.status}: ${r.scenario} [${r.engine}] — ${r.reason!.split('\n')[0]}`);
  const aims = formatAims(rows);
  return [...out, ...(notes.length ? ['', ...notes] : []), ...(aims.length ? ['', ...aims] : [])].join('\n');
}

/**
 * How busy the CPUs are before we start, sampled over a second. Other work on
 * the box skews every number, so say so rather than print them as if it were
 * idle. (Not the load average: it lags a minute and would blame a previous
 * bench run.)
 */
export async function sampleCpuBusy(ms = 1000): Promise<number> {
  const total = () => cpus().reduce((acc, c) => {
    const t = c.times;
    return { idle: acc.idle + t.idle, all: acc.all + t.user + t.nice + t.sys + t.idle + t.irq };
  }, { idle: 0, all: 0 });
  const a = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = total();
  return b.all > a.all ? 1 - (b.idle - a.idle) / (b.all - a.all) : 0;
}

export function loadWarning(busy: number): string | null {
  return busy > 0.25 ? `⚠ CPUs were ${(busy * 100).toFixed(0)}% busy before this run: other processes compete with it, numbers are noisy` : null;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Writes the results to the OS temp dir (not the repo) and returns the path. */
export async function writeJson(rows: Row[], startedAt: Date, cpuBusyBefore: number): Promise<string> {
  const dir = join(tmpdir(), 'lvping-bench');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const cpu = cpus();
  const doc = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: { count: cpu.length, model: cpu[0]?.model ?? null },
    cpuBusyBefore,
    loadavg: loadavg(),
    defaults,
    results: rows,
  };
  await writeFile(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}
