import { normalizeCreditCode } from '../form/credit-code.ts';
import { formatRegion } from '../reference/regions.ts';

// 回避: when an expert may not review an application, and why. Pure: the assignment service
// computes the forbidden pairs with it, the organizer's screen shows the same reasons.
//
// Always on: 同一单位 (same organization), 推荐单位 (the expert works at the unit that recommended
// the application), 声明回避 (the expert declared it). A program's definition may add
// 同地区 (review.conflicts.sameRegion) and 同一集团 (review.conflicts.sameParentGroup).

export type ConflictParty = { orgName: string; creditCode?: string | null; regionCode?: string | null; parentGroup?: string | null };
/**
 * sameRegion: the level at which "the same region" is compared: 'province' (同省, the first two
 * digits of the GB/T 2260 code), 'city' (同地市, the first four). 'off' or absent: no region rule.
 * sameParentGroup: 同一集团 (上级集团) is a conflict.
 */
export type ConflictRules = { sameRegion?: 'off' | 'province' | 'city'; sameParentGroup?: boolean };
export type ConflictKind = 'same-organization' | 'recommending-unit' | 'declared' | 'same-region' | 'same-parent-group';
export type ConflictReason = { kind: ConflictKind; detail: string };

export const conflictKindNames: Record<ConflictKind, { 'zh-CN': string; en: string }> = {
  'same-organization': { 'zh-CN': '同一单位', en: 'Same organization' },
  'recommending-unit': { 'zh-CN': '推荐单位', en: 'Recommending unit' },
  declared: { 'zh-CN': '声明回避', en: 'Declared conflict' },
  'same-region': { 'zh-CN': '同地区', en: 'Same region' },
  'same-parent-group': { 'zh-CN': '同一集团', en: 'Same parent group' },
};

// Legal-form spellings that name the same kind of company. Longest first.
const SUFFIX_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/有限责任公司$/u, '有限公司'],
  // English forms, after punctuation is gone: "Co., Ltd." → coltd.
  [/(companylimited|coltd|limited|ltd)$/u, '有限公司'],
];

/**
 * A name for comparing organizations, not for showing:
 * - Unicode NFKC, so full-width letters, digits and brackets （）［］ become their ASCII forms;
 * - Latin letters lower-cased;
 * - every space, punctuation mark and symbol removed, brackets included, so "XX（集团）有限公司",
 *   "XX(集团)有限公司" and "XX集团有限公司" compare equal, as do "中国科学院·XX所" and "中国科学院XX所";
 * - the legal form 有限责任公司 (and "Co., Ltd.") read as 有限公司.
 * It does not drop words (集团, 股份, 分公司, a place name in brackets): those tell organizations apart.
 */
export function normalizeOrgName(name: string): string {
  const hit = normalized.get(name);
  if (hit !== undefined) return hit;
  if (normalized.size > 20_000) normalized.clear();
  const s = normalizeUncached(name);
  normalized.set(name, s);
  return s;
}
// An assignment checks every (application, expert) pair: the same few thousand names, millions of times.
const normalized = new Map<string, string>();

function normalizeUncached(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const [re, to] of SUFFIX_VARIANTS) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  return s;
}

const codeOf = (p: ConflictParty) => (p.creditCode ? normalizeCreditCode(p.creditCode) : '');
const sameName = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && normalizeOrgName(a) !== '' && normalizeOrgName(a) === normalizeOrgName(b);
const regionLevel = (r: ConflictRules['sameRegion']): 'province' | 'city' | null => (r === 'province' ? 'province' : r === 'city' ? 'city' : null);
/** A 6-digit GB/T 2260 code, or null when unknown or malformed. */
const regionOf = (p: ConflictParty) => {
  const c = p.regionCode?.trim() ?? '';
  return /^\d{6}$/.test(c) ? c : null;
};
const regionLabel = (code: string, digits: number) => formatRegion(code.slice(0, digits).padEnd(6, '0')) ?? code.slice(0, digits).padEnd(6, '0');

/**
 * Every reason the expert may not review the application; empty when none. The reasons come in
 * the order of ConflictKind, each once, with a zh-CN detail that names what matched.
 */
export function conflictReasons(
  app: { org: ConflictParty; unitName?: string | null; applicationId: string },
  expert: ConflictParty & { declaredApplicationIds?: readonly string[]; declaredOrgNames?: readonly string[] },
  rules: ConflictRules,
): ConflictReason[] {
  const out: ConflictReason[] = [];
  const [appCode, expertCode] = [codeOf(app.org), codeOf(expert)];
  if (appCode && expertCode) {
    if (appCode === expertCode) out.push({ kind: 'same-organization', detail: `同一单位：${app.org.orgName}（统一社会信用代码 ${appCode}）` });
  } else if (sameName(app.org.orgName, expert.orgName)) {
    out.push({ kind: 'same-organization', detail: `同一单位：专家工作单位“${expert.orgName}”即申报单位“${app.org.orgName}”` });
  }

  if (sameName(app.unitName, expert.orgName)) out.push({ kind: 'recommending-unit', detail: `推荐单位：专家工作单位“${expert.orgName}”是本项目的推荐单位` });

  const declared: string[] = [];
  if (expert.declaredApplicationIds?.includes(app.applicationId)) declared.push('专家声明回避本项目');
  if ((expert.declaredOrgNames ?? []).some((name) => sameName(name, app.org.orgName))) declared.push(`专家声明回避申报单位“${app.org.orgName}”`);
  if (declared.length) out.push({ kind: 'declared', detail: `声明回避：${declared.join('；')}` });

  const level = regionLevel(rules.sameRegion);
  const [appRegion, expertRegion] = [regionOf(app.org), regionOf(expert)];
  if (level && appRegion && expertRegion) {
    const digits = level === 'province' ? 2 : 4;
    if (appRegion.slice(0, digits) === expertRegion.slice(0, digits)) {
      out.push({ kind: 'same-region', detail: `同地区：专家与申报单位同在${regionLabel(appRegion, digits)}（${level === 'province' ? '同省' : '同地市'}回避）` });
    }
  }

  if (rules.sameParentGroup) {
    const a = app.org.parentGroup;
    const e = expert.parentGroup;
    if (sameName(a, e)) out.push({ kind: 'same-parent-group', detail: `同一集团：专家工作单位与申报单位同属“${a}”` });
    else if (sameName(e, app.org.orgName)) out.push({ kind: 'same-parent-group', detail: `同一集团：申报单位“${app.org.orgName}”是专家工作单位的上级集团` });
    else if (sameName(a, expert.orgName)) out.push({ kind: 'same-parent-group', detail: `同一集团：专家工作单位“${expert.orgName}”是申报单位的上级集团` });
  }
  return out;
}

/** Whether any hard conflict forbids the pair. */
export function isConflicted(...args: Parameters<typeof conflictReasons>): boolean {
  return conflictReasons(...args).length > 0;
}
