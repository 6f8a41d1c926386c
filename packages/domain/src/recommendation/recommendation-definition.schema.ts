import { z } from 'zod';
import { isValidRegionCode } from '../reference/regions.ts';

// 推荐 as part of a program definition: the channels units recommend through, whether a unit in
// several channels adds its quotas up (科创中国: "可叠加推荐名额"), the quota rules per track, and the
// units the call itself names (河南: the 省辖市 teams). Units imported later live in the database;
// the arithmetic on these rules is in quota.ts.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Text = z.string().trim().min(1).max(500);

export const RecommendationChannelSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  /** Shorter names organizers write in a spreadsheet (全国学会, 央企科协), matched on import. */
  aliases: z.array(Text).default([]),
});
export type RecommendationChannel = z.infer<typeof RecommendationChannelSchema>;

export const quotaKinds = ['max', 'min'] as const;
export type QuotaKind = (typeof quotaKinds)[number];

export const QuotaRuleSchema = z.strictObject({
  id: Id,
  /** The rule applies to each listed track separately, per unit ("每个领域各单位推荐不超过3个"). */
  tracks: z.array(Id).min(1),
  /** max: endorsements beyond it are refused; min: the organizer sees units short of it. */
  kind: z.enum(quotaKinds),
  count: z.number().int().min(1).max(10_000),
  description: z.string().max(1000).optional(),
  descriptionEn: z.string().max(1000).optional(),
});
export type QuotaRule = z.infer<typeof QuotaRuleSchema>;

export const DefinedUnitSchema = z.strictObject({
  id: Id,
  name: Text,
  /** GB/T 2260 (济源示范区 419001, 航空港区 410173 as the statistics list has them). */
  regionCode: z.string().refine((c) => isValidRegionCode(c), { message: '不是有效的行政区划代码', params: { en: 'Not a valid GB/T 2260 region code' } }),
  channels: z.array(Id).default([]),
});
export type DefinedUnit = z.infer<typeof DefinedUnitSchema>;

export const recommendationUnitKinds = ['unit', 'city'] as const;

export const RecommendationBlockSchema = z.strictObject({
  channels: z.array(RecommendationChannelSchema).default([]),
  /** A unit in several channels gets each max quota once per channel. */
  stacking: z.boolean().default(false),
  /** city: each unit is a city team (河南's 省辖市), and the organizer sees which cities entered every track. */
  unitKind: z.enum(recommendationUnitKinds).default('unit'),
  quotas: z.array(QuotaRuleSchema).default([]),
  /** Units fixed by the call itself; created with the program, contacts filled in later. */
  units: z.array(DefinedUnitSchema).default([]),
});
export type RecommendationBlock = z.infer<typeof RecommendationBlockSchema>;

/** What a program without a recommendation block behaves as: no channels, no quotas, no units. */
export const emptyRecommendationBlock: RecommendationBlock = { channels: [], stacking: false, unitKind: 'unit', quotas: [], units: [] };

export type BlockProblem = { path: (string | number)[]; zh: string; en: string };

/**
 * Checks the block against the program's tracks: every quota names a track that takes
 * recommendations (direct tracks such as 国际创新合作榜 have no recommendation step), a track has
 * at most one max and one min, a min does not exceed the max, and units name known channels.
 */
export function recommendationProblems(block: RecommendationBlock, tracks: readonly { id: string; entry: string }[]): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const dup = (items: { id: string }[], path: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) problems.push({ path: [path, i, 'id'], zh: `重复的 id：${it.id}`, en: `duplicate id: ${it.id}` });
      seen.add(it.id);
    });
  };
  dup(block.channels, 'channels');
  dup(block.quotas, 'quotas');
  dup(block.units, 'units');
  const entryOf = new Map(tracks.map((t) => [t.id, t.entry]));
  const perTrack = new Map<string, { max?: number; min?: number }>();
  block.quotas.forEach((q, i) => {
    q.tracks.forEach((trackId, j) => {
      const entry = entryOf.get(trackId);
      if (!entry) problems.push({ path: ['quotas', i, 'tracks', j], zh: `未定义的赛道：${trackId}`, en: `no track ${trackId}` });
      else if (entry !== 'recommendation') problems.push({ path: ['quotas', i, 'tracks', j], zh: `赛道 ${trackId} 为直接申报，没有推荐名额`, en: `track ${trackId} takes direct applications and has no recommendation quota` });
      const seen = perTrack.get(trackId) ?? {};
      if (seen[q.kind] !== undefined) problems.push({ path: ['quotas', i, 'tracks', j], zh: `赛道 ${trackId} 已有${q.kind === 'max' ? '上限' : '下限'}名额规则`, en: `track ${trackId} already has a ${q.kind} rule` });
      seen[q.kind] = q.count;
      perTrack.set(trackId, seen);
    });
  });
  for (const [trackId, { max, min }] of perTrack) {
    if (max !== undefined && min !== undefined && min > max) problems.push({ path: ['quotas'], zh: `赛道 ${trackId} 的最少推荐数大于最多推荐数`, en: `track ${trackId}: the minimum exceeds the maximum` });
  }
  const channels = new Set(block.channels.map((c) => c.id));
  const names = new Set<string>();
  block.units.forEach((u, i) => {
    u.channels.forEach((c, j) => {
      if (!channels.has(c)) problems.push({ path: ['units', i, 'channels', j], zh: `未定义的推荐渠道：${c}`, en: `no channel ${c}` });
    });
    if (names.has(u.name)) problems.push({ path: ['units', i, 'name'], zh: `重复的推荐单位名称：${u.name}`, en: `duplicate unit name: ${u.name}` });
    names.add(u.name);
  });
  return problems;
}
