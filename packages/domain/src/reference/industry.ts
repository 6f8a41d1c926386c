import { GB4754_CLASSES, GB4754_DIVISIONS, GB4754_GROUPS, GB4754_SECTIONS } from './industry-gb4754.data.ts';
import { STRATEGIC_EMERGING_ROWS } from './strategic-emerging.data.ts';

// Industry codes. GB/T 4754-2017 codes are written as the standard prints them: the 门类 letter
// ("C"), then digits without the letter for 大类 "38", 中类 "384" and 小类 "3841" — the digits
// alone are unique. 战略性新兴产业分类（2018）codes are dotted: "7" (一层), "7.1" (二层).

export type IndustryScheme = 'gb4754-2017' | 'strategic-emerging-2018';
/** section 门类 / division 大类 / group 中类 / class 小类 (ISIC's words for the same four levels);
 *  for the strategic-emerging scheme section = 一层, division = 二层, group = 三层. */
export type IndustryLevel = 'section' | 'division' | 'group' | 'class';
export const industryLevels: readonly IndustryLevel[] = ['section', 'division', 'group', 'class'];

export type Industry = {
  scheme: IndustryScheme;
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode?: string;
};

/**
 * listed: named in our tables; unlisted: well formed under a parent whose children we only partly
 * list (the strategic-emerging 三层 only: GB/T 4754 is listed in full, so there a code is listed or invalid).
 */
export type IndustryCodeStatus = 'listed' | 'unlisted' | 'invalid';

const GB_SHAPES: ReadonlyArray<readonly [RegExp, IndustryLevel]> = [
  [/^[A-T]$/, 'section'],
  [/^(0[1-9]|[1-8]\d|9[0-7])$/, 'division'],
  // A 中类's third digit is 0 only where the 大类 has a single 中类 (120 其他采矿业, 910, 970); a
  // 小类's fourth digit is 0 when its 中类 has only one (0220 造林和更新).
  [/^\d{3}$/, 'group'],
  [/^\d{4}$/, 'class'],
];
const STRATEGIC_SHAPES: ReadonlyArray<readonly [RegExp, IndustryLevel]> = [
  [/^[1-9]$/, 'section'],
  [/^[1-9]\.[1-9]$/, 'division'],
  [/^[1-9]\.[1-9]\.[1-9]\d?$/, 'group'],
];

/** The level a code has by its shape alone, or undefined when it is not shaped like a code. */
export function industryLevelOf(code: string, scheme: IndustryScheme = 'gb4754-2017'): IndustryLevel | undefined {
  const shapes = scheme === 'gb4754-2017' ? GB_SHAPES : STRATEGIC_SHAPES;
  return shapes.find(([re]) => re.test(code))?.[1];
}

function parentOf(code: string, level: IndustryLevel, scheme: IndustryScheme): string | undefined {
  if (level === 'section') return undefined;
  if (scheme === 'strategic-emerging-2018') return code.slice(0, code.lastIndexOf('.'));
  if (level === 'division') {
    const n = Number(code);
    return GB4754_SECTIONS.find(([, , first, last]) => n >= first && n <= last)?.[0];
  }
  return code.slice(0, code.length - 1);
}

const tables = new Map<IndustryScheme, Map<string, Industry>>();
const childIndex = new Map<IndustryScheme, Map<string | undefined, Industry[]>>();

// Parsed on first use so the browser pays for the tables only when a code is looked up.
function table(scheme: IndustryScheme): Map<string, Industry> {
  const cached = tables.get(scheme);
  if (cached) return cached;
  const rows: Array<readonly [string, string]> =
    scheme === 'gb4754-2017'
      ? [
          ...GB4754_SECTIONS.map(([letter, name]) => [letter, name] as const),
          ...[GB4754_DIVISIONS, GB4754_GROUPS, GB4754_CLASSES].flatMap(lines),
        ]
      : lines(STRATEGIC_EMERGING_ROWS);
  const map = new Map<string, Industry>();
  for (const [code, name] of rows) {
    const level = industryLevelOf(code, scheme);
    if (!level) throw new Error(`industry table: malformed code ${code}`);
    map.set(code, { scheme, code, name, level, parentCode: parentOf(code, level, scheme) });
  }
  tables.set(scheme, map);
  const children = new Map<string | undefined, Industry[]>();
  for (const i of map.values()) children.set(i.parentCode, [...(children.get(i.parentCode) ?? []), i]);
  childIndex.set(scheme, children);
  return map;
}

function lines(block: string): Array<readonly [string, string]> {
  return block.split('\n').map((line) => {
    const space = line.indexOf(' ');
    return [line.slice(0, space), line.slice(space + 1)] as const;
  });
}

/** The named entry for a code, or undefined (also for codes that are merely unlisted). */
export function industryByCode(code: string, scheme: IndustryScheme = 'gb4754-2017'): Industry | undefined {
  return table(scheme).get(code);
}

/** Whether the code is listed, merely well-formed under a partly listed parent, or wrong. */
export function industryCodeStatus(code: string, scheme: IndustryScheme = 'gb4754-2017'): IndustryCodeStatus {
  if (table(scheme).has(code)) return 'listed';
  // GB/T 4754-2017 is listed to the 小类: a code it does not name does not exist.
  if (scheme === 'gb4754-2017') return 'invalid';
  const level = industryLevelOf(code, scheme);
  if (level !== 'group') return 'invalid';
  // We list no strategic-emerging 三层 at all: one under a listed 二层 is accepted unnamed.
  return table(scheme).has(parentOf(code, level, scheme)!) ? 'unlisted' : 'invalid';
}

/**
 * Whether a code may be accepted: every listed code, and for the strategic-emerging scheme a
 * well-formed 三层 under a listed 二层 (rejecting a real code would block an applicant, while the
 * name is only a convenience).
 */
export function isValidIndustryCode(code: string, scheme: IndustryScheme = 'gb4754-2017'): boolean {
  return industryCodeStatus(code, scheme) !== 'invalid';
}

/** The listed children of a code (the 门类 / 一层 for undefined). */
export function industryChildren(code?: string, scheme: IndustryScheme = 'gb4754-2017'): Industry[] {
  table(scheme);
  return childIndex.get(scheme)!.get(code) ?? [];
}

/**
 * Whether an entry answers what someone typed into a picker: a code prefix ("26", "2614"), the
 * 门类 letter form ("C", "C26", "c2614"), or part of the name ("光伏"). Used for every node, so
 * no allocation beyond the trimmed query.
 */
export function industryMatches(industry: Industry, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (industry.name.includes(q)) return true;
  const upper = q.toUpperCase();
  if (industry.code.startsWith(upper)) return true;
  // "C26": the 门类 letter, then the digits of a code in that 门类.
  const lettered = /^([A-T])(\d{1,4})$/.exec(upper);
  if (!lettered || industry.scheme !== 'gb4754-2017' || industry.level === 'section') return false;
  if (!industry.code.startsWith(lettered[2])) return false;
  const division = Number(industry.code.slice(0, 2));
  return GB4754_SECTIONS.some(([letter, , first, last]) => letter === lettered[1] && division >= first && division <= last);
}

/** The chain from 门类 down to the code itself, as far as the tables name it. */
export function industryPath(code: string, scheme: IndustryScheme = 'gb4754-2017'): Industry[] {
  const out: Industry[] = [];
  for (let c: string | undefined = code; c; ) {
    const level = industryLevelOf(c, scheme);
    if (!level) break;
    const hit = table(scheme).get(c);
    if (hit) out.unshift(hit);
    c = parentOf(c, level, scheme);
  }
  return out;
}
