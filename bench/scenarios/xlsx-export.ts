// Exporting 10,000 applications (先导技术榜 form, two tracks, ~47 columns each) to Excel through
// streamApplicationsXlsx, to a temp file, in a child process whose peak RSS is the export's
// own. Baseline: the same rows written as plain CSV lines. Aims: under 15 s and a peak RSS
// under 300 MB (the latter checked here: the report's aims know only time and throughput).
// BENCH_EXPORT_ROWS (default 10000) sets the number of rows.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Aim, Scenario } from '../scenario.ts';
import { envInt, toMeasurement } from './timed-runs.ts';

export const EXPORT_GROUP = 'export 10k';
const MAX_RSS_MB = 300;
const CHILD = fileURLToPath(new URL('./export-child.ts', import.meta.url));

type ChildResult = { ms: number; rows: number; bytes: number; maxRssMB: number; sampledPeakMB: number };

async function runChild(mode: 'xlsx' | 'csv', rows: number, file: string, signal: AbortSignal): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, mode, String(rows), file], {
    signal, // Ctrl-C kills the child too
    maxBuffer: 1024 * 1024,
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

function exportScenario(mode: 'xlsx' | 'csv', name: string, extra: { isBaseline?: boolean; aim?: Aim }): Scenario<{ dir: string }> {
  return {
    name,
    engine: mode === 'xlsx' ? 'exceljs' : 'fs',
    group: EXPORT_GROUP,
    ...extra,
    async setup(ctx) {
      const dir = await mkdtemp(join(tmpdir(), 'lvping-bench-export-'));
      ctx.defer(() => rm(dir, { recursive: true, force: true }));
      return { dir };
    },
    async run({ dir }, ctx) {
      const rows = envInt('BENCH_EXPORT_ROWS', 10_000);
      const r = await runChild(mode, rows, join(dir, `export.${mode}`), ctx.signal);
      ctx.log(`${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 1024 / 1024).toFixed(1)} MB file, peak RSS ${r.maxRssMB.toFixed(0)} MB (sampled ${r.sampledPeakMB.toFixed(0)} MB)`);
      if (mode === 'xlsx' && r.maxRssMB > MAX_RSS_MB) throw new Error(`peak RSS ${r.maxRssMB.toFixed(0)} MB is over the ${MAX_RSS_MB} MB aim`);
      return toMeasurement([r.ms], r.rows);
    },
  };
}

export const csvExportBaseline = exportScenario('csv', '10k rows as CSV lines', { isBaseline: true });
export const xlsxExport = exportScenario('xlsx', '10k applications → .xlsx (stream)', { aim: { maxP99Ms: 15_000 } });
