import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  AppError, expertSheetColumns, expertSheetKeyOf, expertSheetRow, parseExpertSheet, type ExpertProfileData, type ExpertExportQuery, type ExpertSheetRow,
  type FieldError,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { receiveCheckedFile } from '../recommendation/checked-upload.ts';
import { assertZipWithin } from '../files/zip-guard.ts';
import { styleHeader, thinBorder } from '../documents/xlsx-util.ts';
import { knownFields, type KnownField } from './expert-fields.ts';
import { findExpertsByEmails, insertExpert, streamExperts, updateExpert, type ExpertRow } from './expert.repository.ts';
import { authorizeExpertManage, expertFilter, profileColumns, toExpert } from './expert.service.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

// The pool as a spreadsheet: the blank template, the import (all or nothing, every problem named
// by row and column, matched to existing experts by 邮箱) and the export of a filtered pool, which
// has the template's columns so it can be edited and imported again.

const MAX_MB = 5;
const MAX_ROWS = 5000;
const SHEET = '专家库';

type SheetRows = { rows: { rowNumber: number; cells: ExpertSheetRow }[]; problems: FieldError[] };

/** The first sheet's rows under the header row (found among the first five, so a title row may sit above it). */
async function readSheet(path: string): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  const columns = new Map<number, keyof ExpertSheetRow>();
  for (let r = 1; ws && r <= Math.min(5, ws.rowCount) && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      const key = expertSheetKeyOf(cell.text ?? '');
      if (key) columns.set(col, key);
    });
    const keys = [...columns.values()];
    if (keys.includes('name') && keys.includes('email')) headerRow = r;
    else columns.clear();
  }
  if (!headerRow) {
    const headers = expertSheetColumns.map((c) => c.header).join('、');
    return { rows: [], problems: [{ path: 'sheet', message: { 'zh-CN': `第一个工作表的前5行中没有找到含“姓名”和“邮箱”的表头（列：${headers}）`, en: 'No header row with 姓名 and 邮箱 in the first five rows of the first sheet' } }] };
  }
  const rows: SheetRows['rows'] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cells: ExpertSheetRow = {};
    for (const [col, key] of columns) {
      const text = ws.getRow(r).getCell(col).text?.trim() ?? '';
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length) rows.push({ rowNumber: r, cells });
  }
  if (rows.length > MAX_ROWS) return { rows: [], problems: [{ path: 'rows', message: { 'zh-CN': `一次最多导入 ${MAX_ROWS} 位专家`, en: `At most ${MAX_ROWS} experts per import` } }] };
  return { rows, problems: [] };
}

/** Sheet values replace a profile's; an empty optional cell keeps what the profile has. */
function merged(existing: ExpertRow, p: ExpertProfileData, cells: ExpertSheetRow): ExpertProfileData {
  const keep = <T>(key: keyof ExpertSheetRow, sheet: T, current: T): T => (cells[key] ? sheet : current);
  const e = toExpert(existing);
  return {
    ...p,
    orgCreditCode: keep('orgCreditCode', p.orgCreditCode, e.orgCreditCode),
    orgParentGroup: keep('orgParentGroup', p.orgParentGroup, e.orgParentGroup),
    regionCode: keep('regionCode', p.regionCode, e.regionCode),
    title: keep('title', p.title, e.title),
    fields: keep('fields', p.fields, e.fields),
    keywords: keep('keywords', p.keywords, e.keywords),
    bio: keep('bio', p.bio, e.bio),
    phone: keep('phone', p.phone, e.phone),
  };
}

/** Imports (or updates, matched by 邮箱) experts from an .xlsx upload. */
export async function importExperts(deps: Deps, actor: Actor | null, upload: { filename: string; stream: Readable }, requestId: string | null = null) {
  try {
    authorizeExpertManage(actor);
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const { stored } = await receiveCheckedFile(deps, upload, ['.xlsx'], MAX_MB);
  let sheet: SheetRows;
  try {
    // An .xlsx is a zip: its real inflated size is checked before exceljs unpacks it (zip-guard.ts).
    await assertZipWithin(stored.tmpPath);
    sheet = await readSheet(stored.tmpPath);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', { message: { 'zh-CN': '无法读取该 Excel 文件，请另存为 .xlsx 后重试', en: 'The Excel file could not be read; save it as .xlsx and try again' } });
  } finally {
    await rm(stored.tmpPath, { force: true });
  }
  const known = await knownFields(deps.db);
  const parsed = sheet.problems.length ? { experts: [], problems: sheet.problems } : parseExpertSheet(sheet.rows, known);
  if (parsed.problems.length) {
    throw new AppError('VALIDATION', {
      message: { 'zh-CN': `表格有 ${parsed.problems.length} 处问题，未导入任何专家`, en: `The sheet has ${parsed.problems.length} problem(s); nothing was imported` },
      fields: parsed.problems,
    });
  }
  const cellsOf = new Map(sheet.rows.map((r) => [r.rowNumber, r.cells]));
  const now = deps.now();
  const counts = await deps.db.transaction().execute(async (trx) => {
    const byEmail = new Map((await findExpertsByEmails(trx, parsed.experts.map((e) => e.email))).map((e) => [e.email, e]));
    let created = 0;
    let updated = 0;
    for (const { rowNumber, ...p } of parsed.experts) {
      const existing = byEmail.get(p.email);
      if (existing) {
        await updateExpert(trx, existing.id, { ...profileColumns(merged(existing, p, cellsOf.get(rowNumber)!)), updated_at: Math.max(now, existing.updated_at + 1) });
        updated++;
      } else {
        await insertExpert(trx, { id: newId(), ...profileColumns(p), email: p.email, user_id: null, created_by: actor.userId, created_at: now, updated_at: now });
        created++;
      }
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.import', entity: 'expert_pool', entityId: null, after: { created, updated, emails: parsed.experts.map((e) => e.email) }, requestId }, now);
    return { created, updated };
  }).catch((e) => {
    // Two imports racing to create the same expert: the unique address decides, the loser is told.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { message: { 'zh-CN': '另一次导入正在创建相同邮箱的专家，请稍后重试', en: 'Another import is creating the same experts; try again' } });
    throw e;
  });
  return { ...counts, total: parsed.experts.length };
}

function sheetWithHeader(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = expertSheetColumns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  styleHeader(ws.getRow(1), expertSheetColumns.length);
  expertSheetColumns.forEach((c, i) => {
    if (c.hint) ws.getRow(1).getCell(i + 1).note = c.hint;
  });
  return ws;
}

/** A sheet that explains the columns and lists the fields an expert may name. */
function addGuide(wb: ExcelJS.Workbook, known: readonly KnownField[]): void {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [{ width: 18 }, { width: 60 }, { width: 40 }];
  ws.addRow(['列', '说明']).font = { bold: true };
  for (const c of expertSheetColumns) ws.addRow([c.required ? `${c.header}（必填）` : c.header, c.hint]);
  ws.addRow([]);
  ws.addRow(['专业领域可填', '名称或代码；同名时写成“名称（代码）”', '所属活动']).font = { bold: true };
  for (const f of known) ws.addRow([f.id, f.name, f.kind === 'catalogue' ? '绿色低碳转型产业指导目录（2024年版）' : [...new Set(f.programs)].join('、')]);
}

export async function expertTemplate(deps: Deps, actor: Actor | null): Promise<Buffer> {
  authorizeExpertManage(actor);
  const wb = new ExcelJS.Workbook();
  sheetWithHeader(wb);
  addGuide(wb, await knownFields(deps.db));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The filtered pool in the template's columns. */
export async function exportExperts(deps: Deps, actor: Actor | null, q: ExpertExportQuery): Promise<Buffer> {
  authorizeExpertManage(actor);
  const known = await knownFields(deps.db);
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(wb);
  for await (const row of streamExperts(deps.db, expertFilter(q))) {
    const added = ws.addRow(expertSheetRow(toExpert(row), known));
    added.eachCell((cell) => (cell.border = thinBorder));
  }
  addGuide(wb, known);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
