// Child process of the export benchmark (xlsx-export.ts): one export in a fresh process, so
// its peak memory is the export's own and not the bench runner's.
//   node --import tsx bench/scenarios/export-child.ts <xlsx|csv> <rows> <file>
// Prints one JSON line: { ms, rows, bytes, maxRssMB, sampledPeakMB }.
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { streamApplicationsXlsx, type ExportRow } from '../../apps/server/src/features/documents/applications-xlsx.ts';
import { exportRows, xiandaoForm } from './document-data.ts';

const [mode, rowsArg, file] = process.argv.slice(2);
const count = Number(rowsArg);
if ((mode !== 'xlsx' && mode !== 'csv') || !Number.isInteger(count) || !file) {
  console.error('usage: export-child.ts <xlsx|csv> <rows> <file>');
  process.exit(2);
}
const { tracks } = xiandaoForm();

async function xlsx(path: string, n: number): Promise<void> {
  const output = createWriteStream(path);
  await streamApplicationsXlsx({ output, tracks, rows: exportRows(tracks, n) });
  output.end();
  await finished(output);
}

const csvField = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;

function csvLine(r: ExportRow): string {
  return [r.number, r.organizationName, r.creditCode, r.regionCode, r.status, r.submittedAt, JSON.stringify(r.answers)].map(csvField).join(',') + '\n';
}

/** The floor: the same rows as plain CSV lines (answers as JSON), with backpressure. */
async function csv(path: string, n: number): Promise<void> {
  const output = createWriteStream(path);
  for await (const r of exportRows(tracks, n)) {
    if (!output.write(csvLine(r))) await once(output, 'drain');
  }
  output.end();
  await finished(output);
}

// Sampled as well as the kernel's maxRSS: the samples show whether memory grew with the rows.
let sampledPeak = 0;
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 25);

const run = mode === 'xlsx' ? xlsx : csv;
await run(`${file}.warmup`, 200); // JIT and module loading, not the export
const started = performance.now();
await run(file, count);
const ms = performance.now() - started;
clearInterval(sampler);
const MB = 1024 * 1024;
console.log(JSON.stringify({
  ms,
  rows: count,
  bytes: (await stat(file)).size,
  maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB, // maxRSS is in KiB
  sampledPeakMB: sampledPeak / MB,
}));
