import { z } from 'zod';
import type { Localized } from '../errors.ts';
import { isValidCreditCode } from '../form/credit-code.ts';
import { formatRegion, isValidRegionCode } from '../reference/regions.ts';

// Who may recommend whom (推荐路由). A national catalog selection routes central SOEs through
// 国务院国资委 and everyone else through the development and reform commission of the province
// they are registered in (计划单列市 and 兵团 beside them); an industry association recommends its
// listed members. A unit's reach is declared in the definition — on a channel, for every unit in
// it, or on a named unit — and is checked here, purely, against the applying organization, so the
// browser's list, the server's refusal and the unit's candidate list all say the same thing.

/** 所有制 / 隶属关系 of an organization, as catalog calls route on it ("中央企业通过国务院国资委推荐"). */
export const organizationOwnerships = ['central_soe', 'local_soe', 'private', 'foreign', 'public_institution', 'other'] as const;
export type OrganizationOwnership = (typeof organizationOwnerships)[number];
export const organizationOwnershipNames: Record<OrganizationOwnership, { 'zh-CN': string; en: string }> = {
  central_soe: { 'zh-CN': '中央企业（含所属企业）', en: 'Central state-owned enterprise' },
  local_soe: { 'zh-CN': '地方国有企业', en: 'Local state-owned enterprise' },
  private: { 'zh-CN': '民营企业', en: 'Private enterprise' },
  foreign: { 'zh-CN': '外资企业', en: 'Foreign-invested enterprise' },
  public_institution: { 'zh-CN': '事业单位 / 社会团体', en: 'Public institution or association' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const organizationKinds = ['enterprise', 'organization'] as const;

const RegionCode = z.string().refine((c) => isValidRegionCode(c), { message: '不是有效的行政区划代码', params: { en: 'Not a valid GB/T 2260 region code' } });
const CreditCode = z.string().trim().transform((s) => s.toUpperCase()).refine(isValidCreditCode, { message: '统一社会信用代码无效', params: { en: 'Not a valid unified social credit code' } });

/**
 * Every condition given must hold (a provincial commission: its own region, and not a central
 * SOE); `organizations` are in reach whatever the rest says (an association's listed members).
 */
export const UnitReachSchema = z.strictObject({
  /** 'own': the unit's own region and what lies under it (a province's code reaches its cities and counties); or these regions. */
  regions: z.union([z.literal('own'), z.array(RegionCode).min(1).max(500)]).optional(),
  kinds: z.array(z.enum(organizationKinds)).min(1).optional(),
  ownership: z.array(z.enum(organizationOwnerships)).min(1).optional(),
  excludeOwnership: z.array(z.enum(organizationOwnerships)).min(1).optional(),
  /** Credit codes of organizations this unit recommends (an explicit list). */
  organizations: z.array(CreditCode).max(5000).optional(),
});
export type UnitReach = z.infer<typeof UnitReachSchema>;

/** What routing looks at of the applying organization. */
export type ReachSubject = { regionCode: string; kind: string; ownership: string; creditCode: string };

/** A region code as a prefix: 110000 → 11, 410100 → 4101, a county's code stays whole. */
export function regionPrefix(code: string): string {
  let c = code.trim();
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

export type ReachMiss = 'region' | 'kind' | 'ownership' | 'no_region';

/** Why `reach` (given the unit's own region) leaves the organization out; null when it is in reach. */
export function reachMiss(reach: UnitReach, unitRegion: string | null, org: ReachSubject): ReachMiss | null {
  if (reach.organizations?.includes(org.creditCode.toUpperCase())) return null;
  const onlyListed = reach.organizations !== undefined && !reach.regions && !reach.kinds && !reach.ownership && !reach.excludeOwnership;
  if (onlyListed) return 'region';
  if (reach.regions === 'own') {
    if (!unitRegion) return 'no_region';
    if (!org.regionCode.startsWith(regionPrefix(unitRegion))) return 'region';
  } else if (reach.regions && !reach.regions.some((r) => org.regionCode.startsWith(regionPrefix(r)))) return 'region';
  if (reach.kinds && !reach.kinds.includes(org.kind as (typeof organizationKinds)[number])) return 'kind';
  if (reach.ownership && !reach.ownership.includes(org.ownership as OrganizationOwnership)) return 'ownership';
  if (reach.excludeOwnership?.includes(org.ownership as OrganizationOwnership)) return 'ownership';
  return null;
}

/** A unit as routing sees it: its own reach (a named unit's), else its channels' reaches. */
export type RoutedUnit = { name: string; regionCode: string | null; channels: readonly string[]; reach?: UnitReach };

/**
 * The reaches that apply to a unit: its own, or those of its channels. A unit in several
 * channels recommends whoever any of them reaches; none at all means it reaches everyone.
 */
export function reachesOf(unit: RoutedUnit, channelReach: ReadonlyMap<string, UnitReach>): UnitReach[] | null {
  if (unit.reach) return [unit.reach];
  const reaches = unit.channels.map((c) => channelReach.get(c)).filter((r): r is UnitReach => r !== undefined);
  return reaches.length ? reaches : null;
}

/** null when the unit may recommend the organization; otherwise why not, in both languages. */
export function routingRefusal(unit: RoutedUnit, channelReach: ReadonlyMap<string, UnitReach>, org: ReachSubject): Localized | null {
  const reaches = reachesOf(unit, channelReach);
  if (!reaches) return null;
  const misses = reaches.map((r) => reachMiss(r, unit.regionCode, org));
  if (misses.some((m) => m === null)) return null;
  const miss = misses[0]!;
  const where = formatRegion(org.regionCode) ?? org.regionCode;
  const text: Record<ReachMiss, Localized> = {
    region: { 'zh-CN': `${unit.name}不负责推荐注册在${where}的单位，请选择所在地区的推荐单位`, en: `${unit.name} does not recommend organizations registered in ${where}; choose the unit for your region` },
    no_region: { 'zh-CN': `${unit.name}未设所在地区，暂不能按地区推荐`, en: `${unit.name} has no region set and cannot recommend by region yet` },
    kind: { 'zh-CN': `${unit.name}不负责推荐此类申报单位`, en: `${unit.name} does not recommend this kind of organization` },
    ownership: {
      'zh-CN': `${unit.name}不负责推荐${organizationOwnershipNames[org.ownership as OrganizationOwnership]?.['zh-CN'] ?? '未填写所有制性质的单位'}，请选择对应的推荐单位`,
      en: `${unit.name} does not recommend organizations of this ownership (${organizationOwnershipNames[org.ownership as OrganizationOwnership]?.en ?? 'not stated'}); choose the unit responsible for them`,
    },
  };
  return text[miss];
}

export const mayRecommend = (unit: RoutedUnit, channelReach: ReadonlyMap<string, UnitReach>, org: ReachSubject): boolean => routingRefusal(unit, channelReach, org) === null;
