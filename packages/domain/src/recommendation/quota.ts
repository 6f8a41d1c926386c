import type { Localized } from '../errors.ts';
import type { QuotaRule, RecommendationBlock } from './recommendation-definition.schema.ts';

// Quota arithmetic, pure. The server enforces the max in the database (a conditional update of
// a ledger row, so concurrent endorsements cannot overshoot); these functions say what the
// limit is and how a unit stands against it.

/** A unit's quota on one track: null where no rule applies. */
export type EffectiveQuota = { max: number | null; min: number | null };

export type QuotaStatus = {
  used: number;
  /** The max, or null when the track has none. */
  limit: number | null;
  /** Endorsements still possible; null when unlimited. */
  left: number | null;
  min: number | null;
  /** How many the unit is short of the min (0 when met or when there is none). */
  short: number;
};

type Policy = Pick<RecommendationBlock, 'stacking' | 'channels'>;

/**
 * One rule's count for a unit. With stacking, a max counts once for each of the unit's channels
 * the program knows ("推荐单位同时属于多个推荐渠道的，可叠加推荐名额"); a unit in none still gets
 * it once. A min never stacks: it is what each unit owes, however many channels it is in.
 */
export function quotaFor(rule: Pick<QuotaRule, 'kind' | 'count'>, unitChannels: readonly string[], policy: Policy): number {
  if (rule.kind !== 'max' || !policy.stacking) return rule.count;
  const known = new Set(policy.channels.map((c) => c.id));
  const mine = new Set(unitChannels.filter((c) => known.has(c)));
  return rule.count * Math.max(1, mine.size);
}

/** The rules that apply to a track (each listed track separately). */
export const rulesFor = (block: Pick<RecommendationBlock, 'quotas'>, trackId: string): QuotaRule[] => block.quotas.filter((q) => q.tracks.includes(trackId));

/** A unit's max and min on a track. Several rules of a kind (not allowed by the schema) keep the strictest. */
export function trackQuota(block: RecommendationBlock, trackId: string, unitChannels: readonly string[]): EffectiveQuota {
  let max: number | null = null;
  let min: number | null = null;
  for (const rule of rulesFor(block, trackId)) {
    const n = quotaFor(rule, unitChannels, block);
    if (rule.kind === 'max') max = max === null ? n : Math.min(max, n);
    else min = min === null ? n : Math.max(min, n);
  }
  return { max, min };
}

export function quotaStatus(used: number, quota: EffectiveQuota): QuotaStatus {
  const u = Math.max(0, Math.trunc(used));
  return {
    used: u,
    limit: quota.max,
    left: quota.max === null ? null : Math.max(0, quota.max - u),
    min: quota.min,
    short: quota.min === null ? 0 : Math.max(0, quota.min - u),
  };
}

/** What a further endorsement is refused with once the quota is used up. */
export function quotaExhaustedMessage(trackName: string, used: number, limit: number): Localized {
  return {
    'zh-CN': `本单位该榜单/赛道（${trackName}）推荐名额已用完（${used}/${limit}），不能再推荐`,
    en: `Your unit has used up its recommendation quota for ${trackName} (${used}/${limit}); no further endorsement is possible`,
  };
}

/**
 * One city's standing for the 优秀组织奖 ("对积极组织参加全部赛道项目的各省辖市"): it entered every
 * recommended track when each has at least one endorsement, and met every minimum when each
 * has as many as its min rule asks.
 */
export function coverageOf(endorsedByTrack: ReadonlyMap<string, number>, tracks: readonly { id: string; min: number | null }[]) {
  const counts = tracks.map((t) => endorsedByTrack.get(t.id) ?? 0);
  return {
    enteredEveryTrack: tracks.length > 0 && counts.every((n) => n > 0),
    metEveryMinimum: tracks.length > 0 && tracks.every((t, i) => counts[i] >= (t.min ?? 0)),
    tracksEntered: counts.filter((n) => n > 0).length,
  };
}
