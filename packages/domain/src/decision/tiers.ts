// Proposing award tiers from a track's final ranking: the tiers are walked best first, each
// taking the next applications in rank order while it has places (its count) and while their
// score reaches its cut (minScore). A tier with neither takes all the rest only when it is the
// last one (入榜, 创蓝碳中和先锋: "everyone who got this far"); anywhere else it cannot know
// where to stop, so it takes none and the result says it needs a count or a cut. The organizer
// may give counts at decision time; they override the definition's.

export type RankedForTiers = { applicationId: string; rank: number; score: number; pAbove?: number | null };
export type TierForProposal = { id: string; name?: string; nameEn?: string; count?: number; minScore?: number };
export type Why = { zh: string; en: string };

export type TierProposal = { applicationId: string; tierId: string | null; why: Why };
export type TierUse = {
  tierId: string;
  /** The count in force: the organizer's, else the definition's; null when none. */
  count: number | null;
  minScore: number | null;
  taken: number;
  /** Not the last tier and neither a count nor a cut: nothing can be proposed for it. */
  needsCount: boolean;
};
export type TierProposalResult = { items: TierProposal[]; tiers: TierUse[]; problems: ({ tierId: string } & Why)[] };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function proposeTiers(ranked: RankedForTiers[], tiers: TierForProposal[], counts: Record<string, number> = {}): TierProposalResult {
  const order = [...ranked].sort((a, b) => a.rank - b.rank || b.score - a.score || a.applicationId.localeCompare(b.applicationId));
  const items: TierProposal[] = [];
  const uses: TierUse[] = [];
  const problems: TierProposalResult['problems'] = [];
  let next = 0;
  // Why the walk stopped taking, for those left without a tier.
  let stop: Why = { zh: '本赛道未设获奖等级', en: 'this track has no award tiers' };
  tiers.forEach((t, k) => {
    const zhName = t.name ?? t.id;
    const enName = t.nameEn ?? t.name ?? t.id;
    const count = counts[t.id] ?? t.count ?? null;
    const minScore = t.minScore ?? null;
    const last = k === tiers.length - 1;
    const use: TierUse = { tierId: t.id, count, minScore, taken: 0, needsCount: false };
    uses.push(use);
    if (count === null && minScore === null) {
      if (!last) {
        use.needsCount = true;
        problems.push({ tierId: t.id, zh: `“${zhName}”未设名额或分数线，且不是最后一个等级：请填写名额`, en: `${enName} has neither a count nor a score cut and is not the last tier: give its count` });
        return;
      }
      for (; next < order.length; next++, use.taken++) {
        const a = order[next];
        items.push({ applicationId: a.applicationId, tierId: t.id, why: { zh: `第 ${a.rank} 名；“${zhName}”是最后一个等级，未设名额，其余均入选`, en: `rank ${a.rank}; ${enName} is the last tier with no count: it takes all the rest` } });
      }
      return;
    }
    for (; next < order.length; next++) {
      const a = order[next];
      if (count !== null && use.taken >= count) {
        stop = { zh: `“${zhName}”的 ${count} 个名额已满`, en: `the ${count} places of ${enName} are taken` };
        break;
      }
      if (minScore !== null && a.score < minScore) {
        stop = { zh: `得分 ${fmt(a.score)} 低于“${zhName}”的分数线 ${fmt(minScore)}`, en: `score ${fmt(a.score)} is below the ${enName} cut of ${fmt(minScore)}` };
        break;
      }
      use.taken++;
      const within = count !== null ? { zh: `在“${zhName}”的 ${count} 个名额内`, en: `within the ${count} places of ${enName}` } : null;
      const above = minScore !== null ? { zh: `得分 ${fmt(a.score)} 不低于分数线 ${fmt(minScore)}`, en: `score ${fmt(a.score)} reaches the cut of ${fmt(minScore)}` } : null;
      const parts = [within, above].filter((p): p is Why => p !== null);
      items.push({ applicationId: a.applicationId, tierId: t.id, why: { zh: `第 ${a.rank} 名，${parts.map((p) => p.zh).join('，')}`, en: `rank ${a.rank}, ${parts.map((p) => p.en).join(', ')}` } });
    }
    if (next >= order.length) stop = { zh: '', en: '' };
  });
  for (; next < order.length; next++) {
    const a = order[next];
    items.push({ applicationId: a.applicationId, tierId: null, why: { zh: `第 ${a.rank} 名，未入选：${stop.zh}`, en: `rank ${a.rank}, no tier: ${stop.en}` } });
  }
  return { items, tiers: uses, problems };
}
