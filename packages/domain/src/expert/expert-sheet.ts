import type { FieldError } from '../errors.ts';
import { describeIssue } from '../api/zod-issues.ts';
import { ExpertProfileInputSchema, type ExpertProfileData } from './expert.schema.ts';

// The expert pool as a spreadsheet, one row per expert: the import template, the export, and
// the row parser. Pure, so the browser can check a sheet before uploading it and the server
// says the same thing about each row. Export and import use the same columns: an exported
// sheet, edited and imported again, updates the same experts (matched by 邮箱).

export const expertSheetColumns = [
  { key: 'name', header: '姓名', required: true, width: 10, hint: '必填' },
  { key: 'orgName', header: '工作单位', required: true, width: 28, hint: '必填，单位全称' },
  { key: 'orgCreditCode', header: '统一社会信用代码', required: false, width: 22, hint: '工作单位的18位代码，已知时填写（用于同单位回避）' },
  { key: 'orgParentGroup', header: '上级集团', required: false, width: 20, hint: '所属集团全称（用于同集团回避）' },
  { key: 'regionCode', header: '所在地区代码', required: false, width: 12, hint: 'GB/T 2260 六位代码，如 410100' },
  { key: 'title', header: '职称', required: false, width: 14, hint: '如 教授级高级工程师' },
  { key: 'fields', header: '专业领域', required: false, width: 28, hint: '赛道或《绿色低碳转型产业指导目录（2024年版）》类别，多个用“、”分隔' },
  { key: 'keywords', header: '关键词', required: false, width: 28, hint: '多个用“、”分隔' },
  { key: 'bio', header: '个人简介', required: false, width: 40, hint: '不超过500字' },
  { key: 'email', header: '邮箱', required: true, width: 26, hint: '必填，邀请邮件发往此邮箱；已有此邮箱的专家将被更新' },
  { key: 'phone', header: '电话', required: false, width: 16, hint: '' },
] as const;
export type ExpertSheetKey = (typeof expertSheetColumns)[number]['key'];
export type ExpertSheetRow = Partial<Record<ExpertSheetKey, string>>;
/** A field an import may name: by its id or its name. */
export type ExpertFieldChoice = { id: string; name: string };

const SEPARATORS = /[、,，;；\n]+/;
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const splitList = (v: string | undefined): string[] => (v ?? '').split(SEPARATORS).map((x) => x.trim()).filter(Boolean);
const headerOf = (key: ExpertSheetKey) => expertSheetColumns.find((c) => c.key === key)!.header;

/** The column a header cell names ("姓名", "姓名*", "姓名（必填）"), if any. */
export function expertSheetKeyOf(headerText: string): ExpertSheetKey | undefined {
  const clean = headerText.replace(/[\s*＊]|（必填）|\(必填\)/g, '');
  return expertSheetColumns.find((c) => c.header === clean)?.key;
}

/**
 * A field named in a cell: its id, its name, or "name（id）" (what the export writes when two
 * fields share a name). Several fields with that name and no id: ambiguous, undefined.
 */
export function matchExpertField(value: string, fields: readonly ExpertFieldChoice[]): { id?: string; ambiguous?: string[] } {
  const withId = /^(.*)[（(]\s*([A-Za-z0-9_.-]+)\s*[)）]$/.exec(value.trim());
  if (withId && fields.some((f) => f.id === withId[2])) return { id: withId[2] };
  const byId = fields.find((f) => f.id === value.trim());
  if (byId) return { id: byId.id };
  const ids = [...new Set(fields.filter((f) => norm(f.name) === norm(value)).map((f) => f.id))];
  if (ids.length === 1) return { id: ids[0] };
  return ids.length ? { ambiguous: ids } : {};
}

/** How the export writes a field: its name, with the id when the name alone is ambiguous. */
export function expertFieldLabel(id: string, fields: readonly ExpertFieldChoice[]): string {
  const f = fields.find((x) => x.id === id);
  if (!f) return id;
  return fields.some((x) => x.id !== id && norm(x.name) === norm(f.name)) ? `${f.name}（${id}）` : f.name;
}

/** A row the export writes for a profile. */
export function expertSheetRow(p: Omit<ExpertProfileData, 'fields'> & { fields: readonly string[] }, fields: readonly ExpertFieldChoice[]): Record<ExpertSheetKey, string> {
  return {
    name: p.name, orgName: p.orgName, orgCreditCode: p.orgCreditCode ?? '', orgParentGroup: p.orgParentGroup ?? '', regionCode: p.regionCode ?? '',
    title: p.title, fields: p.fields.map((f) => expertFieldLabel(f, fields)).join('、'), keywords: p.keywords.join('、'), bio: p.bio, email: p.email, phone: p.phone ?? '',
  };
}

// zod paths of the profile schema → the sheet's column.
const columnOfPath: Record<string, ExpertSheetKey> = {
  name: 'name', orgName: 'orgName', orgCreditCode: 'orgCreditCode', orgParentGroup: 'orgParentGroup', regionCode: 'regionCode',
  title: 'title', fields: 'fields', keywords: 'keywords', bio: 'bio', email: 'email', phone: 'phone',
};

/** Checks one row (numbered as Excel shows it); every problem names the row and the column. */
export function parseExpertRow(row: ExpertSheetRow, rowNumber: number, fields: readonly ExpertFieldChoice[]): { expert: ExpertProfileData | null; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const problem = (key: ExpertSheetKey, zh: string, en: string) => {
    const header = headerOf(key);
    problems.push({ path: `rows.${rowNumber}.${header}`, message: { 'zh-CN': `第 ${rowNumber} 行「${header}」：${zh}`, en: `Row ${rowNumber}, ${header}: ${en}` } });
  };
  const fieldIds: string[] = [];
  for (const value of splitList(row.fields)) {
    const m = matchExpertField(value, fields);
    if (m.id) fieldIds.push(m.id);
    else if (m.ambiguous) problem('fields', `“${value}”对应多个领域（${m.ambiguous.join('、')}），请写成“${value}（代码）”`, `"${value}" names several fields (${m.ambiguous.join(', ')}); write "${value}（id）"`);
    else problem('fields', `“${value}”不是已知的赛道或目录类别`, `"${value}" is not a known track or catalogue category`);
  }
  const cell = (k: ExpertSheetKey) => (row[k] ?? '').trim();
  const parsed = ExpertProfileInputSchema.safeParse({
    name: cell('name'), orgName: cell('orgName'), orgCreditCode: cell('orgCreditCode'), orgParentGroup: cell('orgParentGroup'),
    regionCode: cell('regionCode'), title: cell('title'), fields: fieldIds, keywords: splitList(row.keywords), bio: cell('bio'),
    email: cell('email'), phone: cell('phone'),
  });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = columnOfPath[String(issue.path[0])];
      if (!key) continue;
      const m = describeIssue(issue);
      const empty = cell(key) === '';
      const zh = empty && issue.code !== 'custom' ? '不能为空' : m['zh-CN'];
      const en = empty && issue.code !== 'custom' ? 'must not be empty' : m.en;
      // One message per column: a long keyword list should not say the same thing ten times.
      if (seen.has(`${key}:${zh}`)) continue;
      seen.add(`${key}:${zh}`);
      const value = key === 'keywords' || key === 'fields' || empty ? '' : `“${cell(key).slice(0, 40)}”`;
      problem(key, value ? `${value}${zh}` : zh, en);
    }
  }
  // In the sheet's column order, as the organizer reads the row.
  const col = (p: FieldError) => expertSheetColumns.findIndex((c) => p.path === `rows.${rowNumber}.${c.header}`);
  problems.sort((a, b) => col(a) - col(b));
  return { expert: parsed.success && !problems.length ? parsed.data : null, problems };
}

/**
 * Every row, plus what only the whole sheet shows: an address given twice, an empty sheet.
 * `experts` holds a profile for every row when `problems` is empty.
 */
export function parseExpertSheet(rows: readonly { rowNumber: number; cells: ExpertSheetRow }[], fields: readonly ExpertFieldChoice[]): { experts: (ExpertProfileData & { rowNumber: number })[]; problems: FieldError[] } {
  const experts: (ExpertProfileData & { rowNumber: number })[] = [];
  const problems: FieldError[] = [];
  const firstRow = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const parsed = parseExpertRow(cells, rowNumber, fields);
    problems.push(...parsed.problems);
    if (!parsed.expert) continue;
    const earlier = firstRow.get(parsed.expert.email);
    if (earlier !== undefined) {
      problems.push({ path: `rows.${rowNumber}.邮箱`, message: { 'zh-CN': `第 ${rowNumber} 行「邮箱」：与第 ${earlier} 行重复`, en: `Row ${rowNumber}, 邮箱: the same address as row ${earlier}` } });
      continue;
    }
    firstRow.set(parsed.expert.email, rowNumber);
    experts.push({ ...parsed.expert, rowNumber });
  }
  if (rows.length === 0) problems.push({ path: 'rows', message: { 'zh-CN': '表格中没有专家', en: 'The sheet lists no experts' } });
  return { experts, problems };
}
