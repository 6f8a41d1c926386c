// The table on stdout and the JSON file.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaults } from './measure.ts';
import type { Row } from './scenario.ts';

/** Ratios against the baseline row: req/s below 1× is slower, p99 above 1× is slower. */
export function addRatios(rows: Row[]): void {
  const base = rows.find((r) => r.isBaseline && r.measurement)?.measurement;
  if (!base) return;
  for (const r of rows) {
    if (!r.measurement) continue;
    r.rpsRatio = r.measurement.reqPerSec / base.reqPerSec;
    r.p99Ratio = r.measurement.p99Ms / base.p99Ms;
  }
}

const fmt = {
  int: (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US')),
  ms: (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2)),
  ratio: (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)}×`),
};

export function formatTable(rows: Row[]): string {
  const header = ['scenario', 'engine', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs base', 'p99 vs base'];
  const body = rows.map((r) => {
    const m = r.measurement;
    if (!m) return [r.scenario, r.engine, r.status.toUpperCase(), '', '', '', ''];
    return [r.scenario, r.engine, fmt.int(m.reqPerSec), fmt.ms(m.p50Ms), fmt.ms(m.p99Ms), fmt.ratio(r.rpsRatio), fmt.ratio(r.p99Ratio)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  // Text columns left-aligned, numbers right-aligned.
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const notes = rows.filter((r) => r.reason).map((r) => `  ${r.status}: ${r.scenario} [${r.engine}] — ${r.reason!.split('\n')[0]}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
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
