import { once } from 'node:events';
import ExcelJS from 'exceljs';
import {
  applicationStatusNames,
  computeDerived,
  formatRegion,
  formatShanghai,
  FormState,
  type ApplicationStatus,
  type FormTemplate,
} from '@lvping/domain';
import { formColumns, type ExportCell, type ExportColumn } from './export-columns.ts';
import { columnWidth, styleHeader, uniqueSheetName } from './xlsx-util.ts';

// The organizer's export of many applications, streamed: exceljs's WorkbookWriter writes each
// row into the zip as soon as it is committed, so memory stays flat however many rows there are.
//
// A zip holds one entry after another, so only one sheet can stream at a time: a sheet is
// closed when rows for another track begin. Rows must therefore come grouped by track
// (ORDER BY track_id, …); a row for a track whose sheet is already closed is an error rather
// than a silently incomplete file.

export type ExportTrack = { id: string; name: string; form: FormTemplate };

export type ExportRow = {
  trackId: string;
  number: string;
  organizationName: string;
  creditCode: string;
  regionCode: string;
  status: ApplicationStatus | string;
  submittedAt: number | null;
  answers: unknown;
  /** 推荐: the unit the application names, its channels, and the unit's opinion once endorsed. */
  unitName?: string | null;
  channels?: string | null;
  opinion?: string | null;
};

export type StreamApplicationsOptions = {
  output: NodeJS.WritableStream;
  tracks: ExportTrack[];
  rows: AsyncIterable<ExportRow>;
  /** Called with the number of rows written so far, every PROGRESS_EVERY rows and at the end. */
  onProgress?: (rows: number) => void;
};

const PROGRESS_EVERY = 100;

const FIXED: Array<{ header: string; width: number; value(r: ExportRow): ExportCell }> = [
  { header: '申报编号', width: 20, value: (r) => r.number },
  { header: '申报单位', width: 32, value: (r) => r.organizationName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
  { header: '所在地区', width: 24, value: (r) => formatRegion(r.regionCode) ?? r.regionCode },
  { header: '状态', width: 10, value: (r) => applicationStatusNames[r.status as ApplicationStatus]?.['zh-CN'] ?? r.status },
  { header: '提交时间', width: 18, value: (r) => (r.submittedAt === null ? null : formatShanghai(r.submittedAt)) },
];

// After the form's columns, so a sheet's first columns stay where organizers' macros expect them.
const RECOMMENDATION: Array<{ header: string; width: number; value(r: ExportRow): ExportCell }> = [
  { header: '推荐单位', width: 24, value: (r) => r.unitName ?? null },
  { header: '推荐渠道', width: 18, value: (r) => r.channels || null },
  { header: '推荐意见', width: 40, value: (r) => r.opinion ?? null },
];

type Sheet = { track: ExportTrack; ws: ExcelJS.Worksheet; columns: ExportColumn[]; state: 'new' | 'open' | 'closed' };

function openSheet(sheet: Sheet): void {
  const headers = [...FIXED.map((f) => f.header), ...sheet.columns.map((c) => c.header), ...RECOMMENDATION.map((c) => c.header)];
  const tail = FIXED.length + sheet.columns.length;
  sheet.ws.columns = headers.map((h, i) => ({ width: FIXED[i]?.width ?? RECOMMENDATION[i - tail]?.width ?? columnWidth([h], 10, 30) }));
  const row = sheet.ws.addRow(headers);
  row.height = 32;
  styleHeader(row, headers.length);
  row.commit();
  sheet.state = 'open';
}

function rowValues(sheet: Sheet, r: ExportRow): ExportCell[] {
  const state = new FormState(sheet.track.form, r.answers);
  const view = { state, derived: computeDerived(sheet.track.form, r.answers) };
  return [...FIXED.map((f) => f.value(r)), ...sheet.columns.map((c) => c.value(view)), ...RECOMMENDATION.map((c) => c.value(r))];
}

/**
 * Lets the zip and the output catch up: committed rows sit in exceljs's buffers until the
 * event loop runs archiver and zlib, and a slow output must be allowed to drain.
 */
async function catchUp(output: NodeJS.WritableStream): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const w = output as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  if (w.writableNeedDrain) await once(output, 'drain');
}

/** Writes the applications as .xlsx to `output`, one sheet per track. */
export async function streamApplicationsXlsx(opts: StreamApplicationsOptions): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: opts.output as unknown as import('node:stream').Stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'lvping';
  const used = new Set<string>();
  const sheets = new Map<string, Sheet>();
  for (const track of opts.tracks) {
    // Created now so the tabs follow the track order; a sheet's data starts with its first row.
    const ws = wb.addWorksheet(uniqueSheetName(track.name, used), { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    sheets.set(track.id, { track, ws, columns: formColumns(track.form), state: 'new' });
  }
  let current: Sheet | undefined;
  let count = 0;
  for await (const r of opts.rows) {
    const sheet = sheets.get(r.trackId);
    if (!sheet) throw new Error(`export: row ${r.number} belongs to track ${r.trackId}, which is not in the export`);
    if (sheet !== current) {
      if (sheet.state === 'closed') throw new Error(`export: rows must be grouped by track (track ${r.trackId} came back after its sheet was closed)`);
      if (current) close(current);
      openSheet(sheet);
      current = sheet;
    }
    sheet.ws.addRow(rowValues(sheet, r)).commit();
    if (++count % PROGRESS_EVERY === 0) {
      opts.onProgress?.(count);
      await catchUp(opts.output);
    }
  }
  for (const sheet of sheets.values()) {
    if (sheet.state === 'new') openSheet(sheet); // a track without applications still gets its sheet
    close(sheet);
  }
  await wb.commit();
  if (count % PROGRESS_EVERY !== 0 || count === 0) opts.onProgress?.(count);
  return { rows: count };
}

function close(sheet: Sheet): void {
  if (sheet.state === 'closed') return;
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FIXED.length + sheet.columns.length + RECOMMENDATION.length } };
  sheet.ws.commit();
  sheet.state = 'closed';
}
