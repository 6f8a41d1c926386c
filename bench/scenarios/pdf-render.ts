// Rendering one full 申报书 PDF (先导技术榜 form, every section answered, ~3 KB of Chinese
// text) in this process: cover, bordered tables, prose boxes, seal block, page frame, CJK font
// subsetting. Baseline: a one-page plain-ASCII PDF with pdfkit's built-in Helvetica, the floor
// of any pdfkit document. Aim: a render well under 300 ms (p99 of the timed runs).
// BENCH_PDF_RUNS (default 20) sets the number of timed runs, after BENCH_PDF_WARMUP (3).
import PDFDocument from 'pdfkit';
import { renderApplicationPdf, type ApplicationPdfInput } from '../../apps/server/src/features/documents/application-pdf.ts';
import { preloadCjkFonts } from '../../apps/server/src/features/documents/fonts.ts';
import type { Scenario } from '../scenario.ts';
import { sampleAnswers, xiandaoForm } from './document-data.ts';
import { envInt, stats, timeRuns, toMeasurement } from './timed-runs.ts';

export const PDF_GROUP = 'PDF render';

const runs = () => envInt('BENCH_PDF_RUNS', 20);
const warmup = () => envInt('BENCH_PDF_WARMUP', 3);

function asciiPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12).text('Application KCZG2022-XD-00001: low-energy amine CO2 capture. Page 1 of 1.');
  doc.end();
  return done;
}

export const pdfBaseline: Scenario<null> = {
  name: 'pdfkit one-page ASCII PDF',
  engine: 'pdfkit',
  group: PDF_GROUP,
  isBaseline: true,
  setup: async () => null,
  async run(_state, ctx) {
    const samples = await timeRuns(asciiPdf, runs(), warmup(), ctx.signal);
    ctx.log(summary(samples));
    return toMeasurement(samples);
  },
};

function summary(samples: number[], bytes?: number): string {
  const s = stats(samples);
  const size = bytes === undefined ? '' : `; ${(bytes / 1024).toFixed(0)} KB`;
  return `${s.runs} renders: median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms${size}`;
}

export const pdfApplication: Scenario<ApplicationPdfInput> = {
  name: '申报书 PDF (先导技术榜, full)',
  engine: 'pdfkit',
  group: PDF_GROUP,
  aim: { maxP99Ms: 300 },
  async setup() {
    const { programName, trackName, form } = xiandaoForm();
    preloadCjkFonts(); // as the server does at start: not part of a request
    return {
      programName, trackName, form,
      answers: sampleAnswers(),
      organization: { name: '某某环境科技股份有限公司', creditCode: '91110108MA01XXXX3Q', regionCode: '110108', contactName: '王工', contactPhone: '010-12345678' },
      number: 'KCZG2022-XD-00001',
      submittedAt: Date.UTC(2022, 9, 20, 2, 30),
      status: 'submitted',
    };
  },
  async run(input, ctx) {
    const pdf = await renderApplicationPdf(input);
    const samples = await timeRuns(() => renderApplicationPdf(input), runs(), warmup(), ctx.signal);
    ctx.log(summary(samples, pdf.length));
    return toMeasurement(samples);
  },
};
