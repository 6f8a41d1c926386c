import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { isValidRegionCode } from '../reference/regions.ts';
import type { RecommendationChannel } from './recommendation-definition.schema.ts';

// The organizer's spreadsheet of recommending units, one row per unit. Pure, so the browser
// can check a sheet before uploading it and the server says the same thing about each row.

export const unitSheetColumns = [
  { key: 'name', header: '单位名称' },
  { key: 'channels', header: '推荐渠道' },
  { key: 'regionCode', header: '所在地区代码' },
  { key: 'leaderName', header: '组织负责人' },
  { key: 'leaderPhone', header: '负责人电话' },
  { key: 'liaisonName', header: '联络员' },
  { key: 'liaisonPhone', header: '联络员电话' },
  { key: 'adminEmails', header: '管理员邮箱' },
] as const;
export type UnitSheetKey = (typeof unitSheetColumns)[number]['key'];
export type UnitSheetRow = Partial<Record<UnitSheetKey, string>>;

/** 组织负责人 and 联络员, as 河南's work plan asks of each city team (§八（一）). */
export const unitContactRoles = ['leader', 'liaison'] as const;
export type UnitContact = { role: (typeof unitContactRoles)[number]; name: string; phone: string; email?: string };

export type UnitInput = { name: string; regionCode: string; channels: string[]; contacts: UnitContact[]; adminEmails: string[] };

// Several values in one cell: 、 or a comma (either width), a semicolon or a line break. Not "/",
// which channel names themselves contain (全国学会/协会/研究会).
const SEPARATORS = /[、,，;；\n]+/;
const PHONE = /^[0-9+\-() ]{6,30}$/;
const isEmail = (s: string) => z.email().safeParse(s).success;
const normal = (s: string) => s.normalize('NFKC').replace(/[\s“”"'‘’]/g, '').toLowerCase();

export const splitCell = (v: string | undefined): string[] => (v ?? '').split(SEPARATORS).map((x) => x.trim()).filter(Boolean);

/** A channel named by its id, its name or one of its aliases (full/half width and quotes ignored). */
export function matchChannel(value: string, channels: readonly RecommendationChannel[]): RecommendationChannel | undefined {
  const v = normal(value);
  return channels.find((c) => [c.id, c.name, ...c.aliases].some((n) => normal(n) === v));
}

/** Checks one row (numbered as Excel shows it); every problem names the row and the column. */
export function parseUnitRow(row: UnitSheetRow, rowNumber: number, channels: readonly RecommendationChannel[]): { unit: UnitInput; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const problem = (key: UnitSheetKey, zh: string, en: string) => {
    const header = unitSheetColumns.find((c) => c.key === key)!.header;
    problems.push({ path: `rows.${rowNumber}.${header}`, message: { 'zh-CN': `第 ${rowNumber} 行「${header}」：${zh}`, en: `Row ${rowNumber}, ${header}: ${en}` } });
  };
  const cell = (key: UnitSheetKey) => (row[key] ?? '').trim();

  const name = cell('name');
  if (!name) problem('name', '不能为空', 'must not be empty');
  else if (name.length > 200) problem('name', '不能超过200个字符', 'at most 200 characters');

  const channelIds: string[] = [];
  for (const value of splitCell(row.channels)) {
    const c = matchChannel(value, channels);
    if (c) {
      if (!channelIds.includes(c.id)) channelIds.push(c.id);
    } else {
      const known = channels.map((x) => x.name).join('、') || '（本活动未设推荐渠道）';
      problem('channels', `“${value}”不是本活动的推荐渠道，可选：${known}`, `"${value}" is not a channel of this program`);
    }
  }

  const regionCode = cell('regionCode');
  if (regionCode && !isValidRegionCode(regionCode)) problem('regionCode', `“${regionCode}”不是有效的行政区划代码（GB/T 2260，6位）`, `"${regionCode}" is not a GB/T 2260 code`);

  const contacts: UnitContact[] = [];
  for (const [role, nameKey, phoneKey] of [['leader', 'leaderName', 'leaderPhone'], ['liaison', 'liaisonName', 'liaisonPhone']] as const) {
    const who = cell(nameKey);
    const phone = cell(phoneKey);
    if (phone && !PHONE.test(phone)) problem(phoneKey, `“${phone}”不是有效的电话号码`, `"${phone}" is not a phone number`);
    if (phone && !who) problem(nameKey, '填写了电话，请同时填写姓名', 'a phone is given without a name');
    if (who.length > 60) problem(nameKey, '不能超过60个字符', 'at most 60 characters');
    if (who) contacts.push({ role, name: who, phone });
  }

  const adminEmails: string[] = [];
  for (const e of splitCell(row.adminEmails)) {
    if (!isEmail(e)) problem('adminEmails', `“${e}”不是有效的邮箱`, `"${e}" is not an email address`);
    else if (!adminEmails.includes(e.toLowerCase())) adminEmails.push(e.toLowerCase());
  }
  return { unit: { name, regionCode, channels: channelIds, contacts, adminEmails }, problems };
}

/**
 * Every row, plus the problems only the whole sheet shows: a unit named twice, an empty sheet.
 * (Whether a new unit names a channel depends on which units exist: the server checks that.)
 */
export function parseUnitSheet(rows: readonly { rowNumber: number; cells: UnitSheetRow }[], channels: readonly RecommendationChannel[]): { units: (UnitInput & { rowNumber: number })[]; problems: FieldError[] } {
  const units: (UnitInput & { rowNumber: number })[] = [];
  const problems: FieldError[] = [];
  const firstRow = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const parsed = parseUnitRow(cells, rowNumber, channels);
    problems.push(...parsed.problems);
    const earlier = firstRow.get(parsed.unit.name);
    if (parsed.unit.name && earlier !== undefined) {
      problems.push({ path: `rows.${rowNumber}.单位名称`, message: { 'zh-CN': `第 ${rowNumber} 行「单位名称」：与第 ${earlier} 行重复`, en: `Row ${rowNumber}, 单位名称: the same unit as row ${earlier}` } });
    } else firstRow.set(parsed.unit.name, rowNumber);
    units.push({ ...parsed.unit, rowNumber });
  }
  if (rows.length === 0) problems.push({ path: 'rows', message: { 'zh-CN': '表格中没有推荐单位', en: 'The sheet lists no units' } });
  return { units, problems };
}
