import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, parseUnitSheet, unitSheetColumns, type FieldError, type UnitInput, type UnitSheetRow } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { loadProgramRec, programUnits } from './recommendation-access.ts';
import { receiveCheckedFile } from './checked-upload.ts';
import { assertZipWithin } from '../files/zip-guard.ts';
import { insertUnit, updateUnit, type UnitRow } from './unit.repository.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

// The organizer's spreadsheet of recommending units (单位名称, 推荐渠道, 所在地区代码, 组织负责人,
// 负责人电话, 联络员, 联络员电话, 管理员邮箱). All or nothing: one bad row and nothing is imported,
// with every problem named by row and column, so the organizer fixes the sheet in one pass.

const MAX_MB = 5;
const MAX_ROWS = 5000;

const headerKey = (text: string) => {
  const clean = text.replace(/[\s*＊]|（必填）|\(必填\)/g, '');
  return unitSheetColumns.find((c) => c.header === clean)?.key;
};

/** The first sheet's rows under the header row (found among the first five, so a title row may sit above it). */
async function readSheet(path: string): Promise<{ rows: { rowNumber: number; cells: UnitSheetRow }[]; problems: FieldError[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  const columns = new Map<number, keyof UnitSheetRow>();
  for (let r = 1; ws && r <= Math.min(5, ws.rowCount) && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      const key = headerKey(cell.text ?? '');
      if (key) columns.set(col, key);
    });
    if ([...columns.values()].includes('name')) headerRow = r;
    else columns.clear();
  }
  if (!headerRow) {
    return { rows: [], problems: [{ path: 'sheet', message: { 'zh-CN': `第一个工作表的前5行中没有找到表头“单位名称”（列：${unitSheetColumns.map((c) => c.header).join('、')}）`, en: 'No header row with 单位名称 in the first five rows of the first sheet' } }] };
  }
  const rows: { rowNumber: number; cells: UnitSheetRow }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cells: UnitSheetRow = {};
    for (const [col, key] of columns) {
      const text = ws.getRow(r).getCell(col).text?.trim() ?? '';
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length) rows.push({ rowNumber: r, cells });
  }
  if (rows.length > MAX_ROWS) return { rows: [], problems: [{ path: 'rows', message: { 'zh-CN': `一次最多导入 ${MAX_ROWS} 个单位`, en: `At most ${MAX_ROWS} units per import` } }] };
  return { rows, problems: [] };
}

/** Sheet values replace a unit's; an empty cell keeps what the unit has (a city's region, say). */
function merged(existing: UnitRow, u: UnitInput): Partial<UnitRow> {
  return {
    region_code: u.regionCode || existing.region_code,
    channels_json: u.channels.length ? JSON.stringify(u.channels) : existing.channels_json,
    contacts_json: u.contacts.length ? JSON.stringify(u.contacts) : existing.contacts_json,
    admin_emails_json: u.adminEmails.length ? JSON.stringify(u.adminEmails) : existing.admin_emails_json,
  };
}

/** Imports (or updates, matched by 单位名称) the program's units from an .xlsx upload. */
export async function importUnits(deps: Deps, actor: Actor | null, programId: string, upload: { filename: string; stream: Readable }, requestId: string | null = null) {
  try {
    authorize(actor, 'program.configure', { programId });
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const rec = await loadProgramRec(deps.db, programId);
  const { stored } = await receiveCheckedFile(deps, upload, ['.xlsx'], MAX_MB);
  let sheet: Awaited<ReturnType<typeof readSheet>>;
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
  const parsed = sheet.problems.length ? { units: [], problems: sheet.problems } : parseUnitSheet(sheet.rows, rec.block.channels);
  // A new unit must say which channel it recommends through (its quota depends on it); a row
  // that updates a unit may leave the cell empty and keep what the unit has.
  const existingUnits = await programUnits(deps.db, rec, deps.now());
  const existingNames = new Set(existingUnits.map((u) => u.name));
  const existingRegion = new Map(existingUnits.map((u) => [u.name, u.region_code]));
  for (const u of parsed.units) {
    const path = `rows.${u.rowNumber}.推荐渠道`;
    if (rec.block.channels.length && !u.channels.length && !existingNames.has(u.name) && !parsed.problems.some((p) => p.path === path)) {
      parsed.problems.push({ path, message: { 'zh-CN': `第 ${u.rowNumber} 行「推荐渠道」：新单位请至少填写一个推荐渠道`, en: `Row ${u.rowNumber}, 推荐渠道: a new unit needs at least one channel` } });
    }
    // A channel that recommends by the unit's own region (regions: own) needs the region.
    const byRegion = rec.block.channels.filter((c) => c.reach?.regions === 'own' && u.channels.includes(c.id));
    if (byRegion.length && !u.regionCode && !existingRegion.get(u.name)) {
      parsed.problems.push({ path: `rows.${u.rowNumber}.所在地区代码`, message: { 'zh-CN': `第 ${u.rowNumber} 行「所在地区代码」：推荐渠道“${byRegion[0].name}”按所在地区推荐，请填写行政区划代码`, en: `Row ${u.rowNumber}, 所在地区代码: the channel ${byRegion[0].name} recommends by region; give the unit's region code` } });
    }
  }
  if (parsed.problems.length) {
    const rowOf = (p: FieldError) => Number(/^rows\.(\d+)/.exec(p.path)?.[1] ?? 0);
    parsed.problems.sort((a, b) => rowOf(a) - rowOf(b));
    throw new AppError('VALIDATION', {
      message: { 'zh-CN': `表格有 ${parsed.problems.length} 处问题，未导入任何单位`, en: `The sheet has ${parsed.problems.length} problem(s); nothing was imported` },
      fields: parsed.problems,
    });
  }
  const now = deps.now();
  const counts = await deps.db.transaction().execute(async (trx) => {
    const byName = new Map((await programUnits(trx, rec, now)).map((u) => [u.name, u]));
    let created = 0;
    let updated = 0;
    for (const u of parsed.units) {
      const existing = byName.get(u.name);
      if (existing) {
        await updateUnit(trx, existing.id, { ...merged(existing, u), updated_at: now });
        updated++;
      } else {
        await insertUnit(trx, {
          id: newId(), program_id: programId, definition_unit_id: null, name: u.name, region_code: u.regionCode, channels_json: JSON.stringify(u.channels),
          contacts_json: JSON.stringify(u.contacts), admin_emails_json: JSON.stringify(u.adminEmails), invite_token_hash: null, created_at: now, updated_at: now,
        });
        created++;
      }
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'recommendation.units_import', entity: 'program', entityId: programId, after: { created, updated, names: parsed.units.map((u) => u.name) }, requestId }, now);
    return { created, updated };
  }).catch((e) => {
    // Two imports racing to create the same unit: the unique name decides, the loser is told.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { message: { 'zh-CN': '另一次导入正在创建同名单位，请稍后重试', en: 'Another import is creating the same units; try again' } });
    throw e;
  });
  return { ...counts, total: parsed.units.length };
}
