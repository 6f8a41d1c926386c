import ExcelJS from 'exceljs';
import type { Field, FormTemplate, GroupField, LeafField, Section } from '@lvping/domain';
import { conditionHint, hintParts, yearLabel } from './field-hints.ts';
import { columnLetter, inputFill, styleHeader, thinBorder, uniqueSheetName } from './xlsx-util.ts';

// The blank form as an Excel workbook for drafting offline: one sheet per section with
// 填报项 / 填写内容 / 说明 columns, year tables and groups as grids, drop-down lists for choices,
// and number checks that mirror the online form's limits. Averages are live formulas.

export type BlankFormXlsxInput = { programName: string; trackName: string; form: FormTemplate };

type YearTableField = Extract<Field, { kind: 'yearTable' }>;

const WIDTHS = [30, 44, 48];
const GRID_WIDTH = 14;
const NOTE_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF7F7F7F' }, size: 10 };
const LIST_SHEET = '选项';
const BLANK_GROUP_ROWS = 5;

/**
 * Drop-down sources. Excel caps an inline list at 255 characters and can't hold commas in it,
 * so longer lists go to a hidden sheet, added last so it never sits between the sections.
 */
class OptionLists {
  private readonly columns: string[][] = [];

  formula(labels: string[]): string {
    const inline = `"${labels.join(',')}"`;
    if (inline.length <= 250 && !labels.some((l) => /[,"]/.test(l))) return inline;
    this.columns.push(labels);
    const col = columnLetter(this.columns.length);
    return `'${LIST_SHEET}'!$${col}$1:$${col}$${labels.length}`;
  }

  addSheet(wb: ExcelJS.Workbook): void {
    if (!this.columns.length) return;
    const ws = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
    this.columns.forEach((labels, c) => labels.forEach((l, r) => (ws.getCell(r + 1, c + 1).value = l)));
  }
}

function validation(field: LeafField, lists: OptionLists): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: '输入有误' };
  if (field.kind === 'choice' && !field.multiple) {
    const labels = field.options.map((o) => o.label);
    // With 其他 allowed, typing free text must remain possible: warn instead of refusing.
    return { ...common, type: 'list', formulae: [lists.formula(labels)], errorStyle: field.allowOther ? 'warning' : 'stop', error: '请从列表中选择' };
  }
  if (field.kind === 'trl') return { ...common, type: 'whole', operator: 'between', formulae: [1, 9], error: '请填写1-9的整数' };
  if (field.kind !== 'number') return undefined;
  const type = field.integer ? 'whole' : 'decimal';
  const [min, max] = [field.min ?? -1e15, field.max ?? 1e15];
  const limits = hintParts(field).filter((p) => p !== '整数');
  return { ...common, type, operator: 'between', formulae: [min, max], error: `请填写${field.integer ? '整数' : '数字'}${limits.length ? `（${limits.join('，')}）` : ''}` };
}

function notes(template: FormTemplate, section: Section, field: LeafField): string {
  const parts = [...hintParts(field)];
  if ((field.kind === 'number' || field.kind === 'computed') && field.unit) parts.unshift(`单位：${field.unit}`);
  if (field.kind === 'choice' && field.multiple) parts.push(`选项：${field.options.map((o) => o.label).join('、')}，多个用“、”分隔`);
  if (field.kind === 'choice' && field.allowOther) parts.push(`其他请填“其他：具体内容”`);
  if (field.kind === 'date') parts.push({ day: '格式：2022-10-31', month: '格式：2022-10', year: '格式：2022' }[field.precision]);
  if (field.help) parts.push(field.help);
  const cond = conditionHint(template, section, field.visibleIf);
  return [cond.replace(/^（|）$/g, ''), ...parts].filter(Boolean).join('；');
}

class SectionSheet {
  private r = 3;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly template: FormTemplate,
    private readonly section: Section,
    private readonly lists: OptionLists,
  ) {}

  private input(cell: ExcelJS.Cell, v?: ExcelJS.DataValidation): void {
    cell.fill = inputFill;
    cell.border = thinBorder;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (v) cell.dataValidation = v;
  }

  private labelRow(label: string, note: string, bold = false): ExcelJS.Row {
    const row = this.ws.getRow(this.r++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold };
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(3).value = note || null;
    row.getCell(3).font = NOTE_FONT;
    row.getCell(3).alignment = { vertical: 'top', wrapText: true };
    return row;
  }

  /** A row of instructions across the answer and note columns. */
  note(label: string, text: string): void {
    const row = this.labelRow(label, '');
    row.getCell(2).value = text;
    row.getCell(2).font = NOTE_FONT;
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    this.ws.mergeCells(row.number, 2, row.number, 3);
  }

  field(field: Field): void {
    if (field.kind === 'yearTable') return this.yearTable(field);
    if (field.kind === 'group') return this.group(field);
    const label = field.required && field.kind !== 'computed' ? `${field.label} *` : field.label;
    const row = this.labelRow(label, notes(this.template, this.section, field));
    const answer = row.getCell(2);
    if (field.kind === 'declaration') {
      answer.value = field.text;
      answer.alignment = { vertical: 'top', wrapText: true };
      row.getCell(3).value = `在线提交时勾选“${field.checkboxLabel}”`;
      row.height = Math.min(300, 16 * Math.ceil(field.text.length / 20));
    } else if (field.kind === 'computed' || field.kind === 'file' || field.kind === 'signature') {
      answer.value = field.kind === 'computed' ? '（系统自动计算）' : '（在线上传）';
      answer.font = NOTE_FONT;
    } else {
      this.input(answer, validation(field, this.lists));
      if (field.kind === 'text' && field.multiline) row.height = Math.min(300, Math.max(60, Math.ceil((field.maxChars ?? 300) / 22) * 15));
    }
  }

  private gridHeader(labels: string[]): void {
    const row = this.ws.getRow(this.r++);
    labels.forEach((l, i) => (row.getCell(i + 1).value = l));
    styleHeader(row, labels.length);
  }

  private yearTable(field: YearTableField): void {
    this.labelRow(field.label + (field.required ? ' *' : ''), [field.help, field.average ? `${field.averageLabel}自动计算` : ''].filter(Boolean).join('；'), true);
    const years = field.years.map((y) => yearLabel(field, y));
    this.gridHeader(['指标（单位）', ...years, ...(field.average ? [field.averageLabel] : [])]);
    for (const r of field.rows) {
      const row = this.ws.getRow(this.r);
      row.getCell(1).value = r.unit ? `${r.label}（${r.unit}）` : r.label;
      row.getCell(1).border = thinBorder;
      const v: ExcelJS.DataValidation | undefined =
        r.type === 'choice' && r.options
          ? { type: 'list', allowBlank: true, formulae: [this.lists.formula(r.options.map((o) => o.label))] }
          : { type: r.integer ? 'whole' : 'decimal', operator: 'between', allowBlank: true, formulae: [r.min ?? -1e15, r.max ?? 1e15] };
      years.forEach((_, i) => this.input(row.getCell(i + 2), v));
      if (field.average) this.average(row, years.length, r.type === 'number', field.decimals);
      this.r++;
    }
    this.r++;
  }

  /** A live 平均值 of the filled year cells, blank until one is filled. */
  private average(row: ExcelJS.Row, years: number, numeric: boolean, decimals: number): void {
    const cell = row.getCell(years + 2);
    cell.border = thinBorder;
    if (!numeric) return void (cell.value = '—');
    const range = `B${row.number}:${columnLetter(years + 1)}${row.number}`;
    cell.value = { formula: `IF(COUNT(${range})=0,"",ROUND(AVERAGE(${range}),${decimals}))` };
  }

  private group(field: GroupField): void {
    const limit = field.maxItems ? `最多${field.maxItems}项` : '';
    this.labelRow(field.label + (field.required ? ' *' : ''), [limit, field.help].filter(Boolean).join('；'), true);
    const inner = field.fields as LeafField[];
    const unit = (f: LeafField) => (f.kind === 'number' || f.kind === 'computed') && f.unit ? `（${f.unit}）` : '';
    this.gridHeader(['序号', ...inner.map((f) => f.label + unit(f))]);
    const count = Math.max(field.minItems ?? 0, Math.min(field.maxItems ?? BLANK_GROUP_ROWS, 20));
    for (let i = 0; i < count; i++) {
      const row = this.ws.getRow(this.r++);
      row.getCell(1).value = i + 1;
      row.getCell(1).border = thinBorder;
      row.getCell(1).alignment = { horizontal: 'center' };
      inner.forEach((f, c) => this.input(row.getCell(c + 2), validation(f, this.lists)));
    }
    this.r++;
  }
}

function sectionSheet(wb: ExcelJS.Workbook, lists: OptionLists, input: BlankFormXlsxInput, section: Section, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const gridColumns = Math.max(3, ...section.fields.map((f) => (f.kind === 'yearTable' ? f.years.length + 2 : f.kind === 'group' ? f.fields.length + 1 : 3)));
  ws.columns = Array.from({ length: gridColumns }, (_, i) => ({ width: WIDTHS[i] ?? GRID_WIDTH }));
  const title = ws.getRow(1);
  title.getCell(1).value = `${input.programName} · ${input.trackName} — ${section.title}`;
  title.getCell(1).font = { bold: true, size: 14 };
  title.height = 24;
  ws.mergeCells(1, 1, 1, 3);
  ws.getRow(2).values = ['填报项', '填写内容', '说明'];
  styleHeader(ws.getRow(2), 3);
  const sheet = new SectionSheet(ws, input.form, section, lists);
  const intro = [
    section.filledBy === 'recommender' ? '本部分由推荐单位填写' : '',
    conditionHint(input.form, undefined, section.visibleIf).replace(/^（|）$/g, ''),
    section.description ?? '',
  ].filter(Boolean).join('；');
  if (intro) sheet.note('填表说明', intro);
  for (const field of section.fields) sheet.field(field);
}

/** The blank form of a track as an .xlsx template. */
export async function renderBlankFormXlsx(input: BlankFormXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lvping';
  wb.title = `${input.programName} ${input.trackName} ${input.form.title}`;
  const used = new Set<string>([LIST_SHEET.toLowerCase()]);
  const lists = new OptionLists();
  for (const section of input.form.sections) sectionSheet(wb, lists, input, section, uniqueSheetName(section.title, used));
  lists.addSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
