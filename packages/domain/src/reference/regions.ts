import { REGION_ROWS } from './regions.data.ts';

// Administrative regions of GB/T 2260: province (xx0000), city (xxxx00) and county (xxxxxx).
// The level is read from the code itself, as the standard defines it.

export type RegionLevel = 'province' | 'city' | 'county';

export type Region = {
  code: string;
  name: string;
  level: RegionLevel;
  /** Six-digit code of the province (the region itself when it is one). */
  provinceCode: string;
  /** Six-digit code of the city; undefined for a province. */
  cityCode?: string;
  /** True when nothing below it is listed (东莞市, 中山市, 儋州市, 香港…): a finer choice is impossible. */
  leaf: boolean;
};

// Hong Kong, Macao and Taiwan have GB/T 2260 codes but are not in the statistics data the rows
// come from; applicants from there must still be able to name their province-level region.
const EXTRA_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

// Names that only group counties under a province or municipality; they carry no meaning of their
// own in a full place name (北京市 市辖区 东城区 reads as 北京市东城区).
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const REGION_CODE = /^\d{6}$/;

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

let index: Map<string, Region> | undefined;

// Built on first use so that importing the module (the browser bundle) costs nothing until a
// region is actually looked up.
function regions(): Map<string, Region> {
  if (index) return index;
  const map = new Map<string, Region>();
  const rows: Array<readonly [string, string]> = REGION_ROWS.split('\n').map((line) => [line.slice(0, 6), line.slice(7)] as const);
  for (const [code, name] of [...rows, ...EXTRA_ROWS]) {
    const level = levelOf(code);
    const provinceCode = `${code.slice(0, 2)}0000`;
    const cityCode = level === 'county' ? `${code.slice(0, 4)}00` : level === 'city' ? code : undefined;
    map.set(code, { code, name, level, provinceCode, cityCode, leaf: true });
  }
  for (const r of map.values()) {
    const parent = r.level === 'county' ? r.cityCode : r.level === 'city' ? r.provinceCode : undefined;
    const p = parent ? map.get(parent) : undefined;
    if (p) p.leaf = false;
  }
  index = map;
  return map;
}

/** The region with this six-digit GB/T 2260 code, or undefined. */
export function regionByCode(code: string): Region | undefined {
  if (!REGION_CODE.test(code)) return undefined;
  return regions().get(code);
}

/** Whether the code names a listed region; with `level`, only a region of that level counts. */
export function isValidRegionCode(code: string, level?: RegionLevel): boolean {
  const r = regionByCode(code);
  return r !== undefined && (level === undefined || r.level === level);
}

/**
 * Whether the code answers a question asked at `level`: a region of that level, or a coarser one
 * that has nothing below it (东莞市 for a county question, 香港 for a city question).
 */
export function regionSatisfiesLevel(code: string, level: RegionLevel): boolean {
  const r = regionByCode(code);
  if (!r) return false;
  const depth = { province: 1, city: 2, county: 3 } as const;
  return r.level === level || (depth[r.level] < depth[level] && r.leaf);
}

/** Province, city and county of a code, coarsest first, placeholder levels (市辖区) left out. */
export function regionPath(code: string): Region[] {
  const r = regionByCode(code);
  if (!r) return [];
  const chain = [r.provinceCode, r.cityCode, r.level === 'county' ? r.code : undefined];
  return chain
    .filter((c, i, all): c is string => c !== undefined && all.indexOf(c) === i)
    .map((c) => regions().get(c))
    .filter((x): x is Region => x !== undefined && !PLACEHOLDER_NAMES.has(x.name));
}

/** The full place name as written on a form: 河南省郑州市金水区, 北京市东城区. */
export function formatRegion(code: string): string | undefined {
  const path = regionPath(code);
  return path.length ? path.map((r) => r.name).join('') : undefined;
}

/** The regions directly below a code (cities of a province, counties of a city); provinces for undefined. */
export function childRegions(code?: string): Region[] {
  const all = [...regions().values()];
  if (code === undefined) return all.filter((r) => r.level === 'province');
  const parent = regionByCode(code);
  if (!parent || parent.level === 'county') return [];
  return all.filter((r) =>
    parent.level === 'province' ? r.level === 'city' && r.provinceCode === parent.code : r.level === 'county' && r.cityCode === parent.code,
  );
}
