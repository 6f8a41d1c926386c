import type { Localized } from '../errors.ts';
import type { EntryRule } from './review-definition.schema.ts';

// Who an entry rule puts into the next round, from one track's ranking of the round before
// (best first, gate failures already left out). The organizer sees this proposal and may
// change it, with a reason; the rule itself never decides alone.

export function proposeEntrants(rule: EntryRule, ranked: readonly { app: string; score: number }[]): string[] {
  switch (rule.kind) {
    case 'all':
      return ranked.map((r) => r.app);
    case 'topN':
      return ranked.slice(0, rule.n).map((r) => r.app);
    case 'threshold':
      return ranked.filter((r) => r.score >= rule.min).map((r) => r.app);
    case 'manual':
      return [];
  }
}

/** The rule in words, for the confirmation screen. */
export function describeEntryRule(rule: EntryRule): Localized {
  switch (rule.kind) {
    case 'all':
      return { 'zh-CN': '上一轮全部通过者进入', en: 'Everyone who passed the previous round' };
    case 'topN':
      return { 'zh-CN': `每个赛道前 ${rule.n} 名进入`, en: `The top ${rule.n} of each track` };
    case 'threshold':
      return { 'zh-CN': `得分不低于 ${rule.min} 分者进入`, en: `Those scoring at least ${rule.min}` };
    case 'manual':
      return { 'zh-CN': '由组织方选定', en: "The organizer's pick" };
  }
}

/** What the cut of the next round is, for P(above cut): a rank, a score, or none. */
export function cutOf(rule: EntryRule | undefined): { cutRank?: number; cut?: number } {
  if (rule?.kind === 'topN') return { cutRank: rule.n };
  if (rule?.kind === 'threshold') return { cut: rule.min };
  return {};
}
