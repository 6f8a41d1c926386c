import type { Localized } from '../errors.ts';
import type { QuotaRule, QuotaScope, RecommendationBlock } from './recommendation-definition.schema.ts';

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

/** Whether a rule binds a unit: every unit, or those in one of the rule's channels. */
export const ruleBinds = (rule: Pick<QuotaRule, 'channels'>, unitChannels: readonly string[]): boolean =>
  !rule.channels || rule.channels.some((c) => unitChannels.includes(c));

/**
 * One rule's count for a unit. With stacking, a max counts once for each of the unit's channels
 * the program knows (and the rule names, when it names any) ("推荐单位同时属于多个推荐渠道的，可叠加推荐
 * 名额"); a unit in none still gets it once. A min never stacks: it is what each unit owes.
 */
export function quotaFor(rule: Pick<QuotaRule, 'kind' | 'count'> & { channels?: string[] }, unitChannels: readonly string[], policy: Policy): number {
  if (rule.kind !== 'max' || !policy.stacking) return rule.count;
  const known = new Set(policy.channels.map((c) => c.id));
  const mine = new Set(unitChannels.filter((c) => known.has(c) && (!rule.channels || rule.channels.includes(c))));
  return rule.count * Math.max(1, mine.size);
}

/** The per-track rules on a track (each listed track separately). */
export const rulesFor = (block: Pick<RecommendationBlock, 'quotas'>, trackId: string): QuotaRule[] =>
  block.quotas.filter((q) => q.scope === 'track' && q.tracks?.includes(trackId));

/** The tracks a rule counts together: its own, or for a program rule every recommended track. */
export const ruleTracks = (rule: Pick<QuotaRule, 'scope' | 'tracks'>, recommendedTrackIds: readonly string[]): string[] =>
  rule.scope === 'program' ? [...recommendedTrackIds] : (rule.tracks ?? []).filter((t) => recommendedTrackIds.includes(t));

/** A unit's per-track max and min on a track. Several binding rules of a kind keep the strictest. */
export function trackQuota(block: RecommendationBlock, trackId: string, unitChannels: readonly string[]): EffectiveQuota {
  let max: number | null = null;
  let min: number | null = null;
  for (const rule of rulesFor(block, trackId).filter((r) => ruleBinds(r, unitChannels))) {
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

/**
 * The ledger row a rule's count is kept in. A per-track count is the track's row (one per unit and
 * track, whatever rules there are); a group or program rule has a row of its own, "@" + its id
 * (track ids start with a letter, so the two never meet).
 */
export const ledgerKey = (rule: Pick<QuotaRule, 'id' | 'scope'>, trackId: string): string => (rule.scope === 'track' ? trackId : `@${rule.id}`);

/** One row an endorsement takes: the track's, and each binding group or program max containing it. */
export type QuotaTake = { key: string; limit: number | null; ruleId: string | null; scope: QuotaScope; tracks: string[]; description?: string; descriptionEn?: string };

/**
 * What endorsing one application on `trackId` takes from a unit's ledger, in key order (the order
 * concurrent endorsements of one unit lock the rows in, so they never wait on each other in a
 * cycle). A group or program min asks nothing of an endorsement: it is reported, never enforced.
 */
export function quotaTakes(block: RecommendationBlock, trackId: string, unitChannels: readonly string[], recommendedTrackIds: readonly string[]): QuotaTake[] {
  const perTrack = rulesFor(block, trackId).filter((r) => r.kind === 'max' && ruleBinds(r, unitChannels));
  const strictest = perTrack.reduce<QuotaRule | undefined>((best, r) => (!best || quotaFor(r, unitChannels, block) < quotaFor(best, unitChannels, block) ? r : best), undefined);
  const takes: QuotaTake[] = [{
    key: trackId, limit: strictest ? quotaFor(strictest, unitChannels, block) : null, ruleId: strictest?.id ?? null, scope: 'track', tracks: [trackId],
    description: strictest?.description, descriptionEn: strictest?.descriptionEn,
  }];
  for (const rule of block.quotas) {
    if (rule.scope === 'track' || rule.kind !== 'max' || !ruleBinds(rule, unitChannels)) continue;
    const tracks = ruleTracks(rule, recommendedTrackIds);
    if (!tracks.includes(trackId)) continue;
    takes.push({ key: ledgerKey(rule, trackId), limit: quotaFor(rule, unitChannels, block), ruleId: rule.id, scope: rule.scope, tracks, description: rule.description, descriptionEn: rule.descriptionEn });
  }
  return takes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A group or program rule as a unit stands against it: counted over the rule's tracks. */
export type ScopedQuotaStatus = QuotaStatus & { ruleId: string; scope: QuotaScope; tracks: string[]; description: string | null };

/** The unit's standing on every group and program rule that binds it (max and min alike). */
export function scopedQuotaStatuses(block: RecommendationBlock, unitChannels: readonly string[], usedByTrack: ReadonlyMap<string, number>, recommendedTrackIds: readonly string[]): ScopedQuotaStatus[] {
  return block.quotas
    .filter((r) => r.scope !== 'track' && ruleBinds(r, unitChannels))
    .map((rule) => {
      const tracks = ruleTracks(rule, recommendedTrackIds);
      const used = tracks.reduce((s, t) => s + (usedByTrack.get(t) ?? 0), 0);
      const n = quotaFor(rule, unitChannels, block);
      const status = quotaStatus(used, rule.kind === 'max' ? { max: n, min: null } : { max: null, min: n });
      return { ...status, ruleId: rule.id, scope: rule.scope, tracks, description: rule.description ?? null };
    });
}

/** What a further endorsement is refused with once the quota is used up. */
export function quotaExhaustedMessage(trackName: string, used: number, limit: number): Localized {
  return {
    'zh-CN': `本单位该榜单/赛道（${trackName}）推荐名额已用完（${used}/${limit}），不能再推荐`,
    en: `Your unit has used up its recommendation quota for ${trackName} (${used}/${limit}); no further endorsement is possible`,
  };
}

/** The refusal naming the group or program rule that stopped an endorsement. */
export function scopedQuotaExhaustedMessage(take: Pick<QuotaTake, 'ruleId' | 'scope' | 'description' | 'descriptionEn'>, trackNames: readonly string[], limit: number): Localized {
  const zhScope = take.scope === 'program' ? '全部推荐赛道合计' : `${trackNames.join('、')}合计`;
  const enScope = take.scope === 'program' ? 'all recommended tracks together' : `${trackNames.join(', ')} together`;
  return {
    'zh-CN': `本单位${zhScope}的推荐名额已用完（${limit}/${limit}，名额规则「${take.description ?? take.ruleId}」），不能再推荐`,
    en: `Your unit has used up its quota for ${enScope} (${limit}/${limit}, rule "${take.descriptionEn ?? take.description ?? take.ruleId}"); no further endorsement is possible`,
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
