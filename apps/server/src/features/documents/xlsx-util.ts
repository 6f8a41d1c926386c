import type ExcelJS from 'exceljs';
import { ems } from './answer-format.ts';

// Small Excel rules shared by the blank template and the export.

const FORBIDDEN = /[\\/?*[\]:]/g;
const MAX_NAME = 31;

/**
 * A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, not starting or
 * ending with an apostrophe, and unique (Excel compares names case-insensitively). A clash gets
 * "(2)", "(3)"… within the 31 characters.
 */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const cut = (s: string, n: number) => Array.from(s).slice(0, n).join('');
  let name = cut(clean, MAX_NAME);
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = cut(clean, MAX_NAME - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Excel column width (in "0" characters) that fits a text: CJK characters are two wide. */
export function columnWidth(texts: string[], min = 8, max = 50): number {
  const widest = Math.max(0, ...texts.map((t) => ems(t) * 2));
  return Math.min(max, Math.max(min, Math.ceil(widest) + 2));
}

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

/** Pale yellow: "type here". */
export const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E6' } };

/** Styles a header row: bold, shaded, bordered, centred and wrapped. */
export function styleHeader(row: ExcelJS.Row, cells: number): void {
  row.font = { bold: true };
  for (let c = 1; c <= cells; c++) {
    const cell = row.getCell(c);
    cell.fill = headerFill;
    cell.border = thinBorder;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

/** An Excel column letter: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
