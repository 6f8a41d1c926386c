import { isValidRegionCode } from '../reference/regions.ts';
import type { MatchCounterpart, MatchTechnology } from './matching.ts';
import { investmentStages, type InvestmentStage, type MatchProfileFields, type MatchProfileKind } from './match-profile.schema.ts';

// The matching function's inputs, read from what the catalog, needs and profiles store. A
// catalog version's fields (fields_json) are read by meaning rather than by one exact shape, so
// matching keeps working while the catalog's form grows: the name, the field ids, the TRL, the
// financing stage and the region are looked up under their keys; every other text (适用范围,
// 核心技术工艺, 主要技术参数, 综合效益, 典型案例…) is matched, except what is private.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const first = (o: Json, keys: readonly string[]) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null && v !== '');

/** Keys whose text is never matched or shown: contacts, the owner's details, IP numbers, files. */
const PRIVATE_KEY = /contact|phone|mobile|tel|email|mail|address|owner|person|file|attachment|upload|url|联系|电话|邮箱|地址/i;
/** Keys read for their meaning (or, like the IP status, saying nothing about the topic), not matched as text. */
const META_KEYS = new Set(['ip', 'name', 'title', 'technologyName', 'field', 'fieldId', 'fieldIds', 'fields', 'trl', 'TRL', 'maturity', 'stage', 'financingStage', 'region', 'regionCode', 'regions']);

/** Every string under a value (objects and arrays walked), private keys skipped. */
function texts(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  if (typeof v === 'string') {
    if (v.trim()) out.push(v.trim());
  } else if (Array.isArray(v)) {
    for (const x of v) texts(x, out, depth + 1);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) if (!PRIVATE_KEY.test(k) && !(depth === 0 && META_KEYS.has(k))) texts(x, out, depth + 1);
  }
  return out;
}

function ids(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return [...new Set(list.flatMap((x) => (typeof x === 'string' && x ? [x] : isObject(x) && typeof x.id === 'string' ? [x.id] : [])))];
}

function trlOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/^TRL\s*/i, '')) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

const stageOf = (v: unknown): InvestmentStage | null => (investmentStages as readonly unknown[]).includes(v) ? (v as InvestmentStage) : null;

/** A catalog entry's approved version as matching sees it; the region falls back to the owner organization's. */
export function technologyFromCatalog(id: string, fields: unknown, ownerRegionCode: string | null): MatchTechnology {
  const f = isObject(fields) ? fields : {};
  const region = str(first(f, ['regionCode', 'region']));
  return {
    id,
    name: str(first(f, ['name', 'title', 'technologyName'])) ?? '',
    texts: texts(f),
    fieldIds: ids(first(f, ['fieldIds', 'fieldId', 'field', 'fields'])),
    trl: trlOf(first(f, ['trl', 'TRL', 'maturity'])),
    stage: stageOf(first(f, ['financingStage', 'stage'])),
    regionCode: region && isValidRegionCode(region) ? region : ownerRegionCode && isValidRegionCode(ownerRegionCode) ? ownerRegionCode : null,
  };
}

/** A published need: its problem, description and indicators as text, its one field; anywhere may solve it. */
export function counterpartFromNeed(id: string, fields: unknown, organizationName: string): MatchCounterpart {
  const f = isObject(fields) ? fields : {};
  const indicators = Array.isArray(f.indicators) ? f.indicators.flatMap((i) => (isObject(i) && typeof i.name === 'string' ? [i.name] : [])) : [];
  return {
    id, kind: 'need', name: str(f.problem) ?? organizationName,
    texts: [str(f.problem), str(f.description), ...indicators].filter((t): t is string => !!t),
    stages: null,
    facets: [{ name: null, fieldIds: ids(f.fieldId), regions: [] }],
  };
}

/** An approved profile: its description (a buyer's need, a bank's products) as text. */
export function counterpartFromProfile(id: string, kind: MatchProfileKind, orgName: string, fields: MatchProfileFields): MatchCounterpart {
  const base = { id, kind, name: orgName };
  if ('products' in fields) {
    return {
      ...base, stages: null,
      texts: [fields.description, ...fields.products.flatMap((p) => [p.name, p.rateNote])].filter(Boolean),
      // A product without its own fields or regions takes the bank's.
      facets: fields.products.map((p) => ({ name: p.name, fieldIds: p.fieldIds.length ? p.fieldIds : fields.fieldIds, regions: p.regions.length ? p.regions : fields.regions })),
    };
  }
  const facet = { name: null, fieldIds: fields.fieldIds, regions: fields.regions };
  if ('stages' in fields) return { ...base, stages: fields.stages, texts: [fields.description].filter(Boolean), facets: [facet] };
  return { ...base, stages: null, texts: ['needText' in fields ? fields.needText : '', fields.description].filter(Boolean), facets: [facet] };
}
