import type { Localized } from '../errors.ts';

// 意向: either side of a match says it is interested — the technology's owner, or the profile's
// holder (the need's poster). Contacts are exchanged (an introduction, 引荐) only while both are;
// either may withdraw, which ends the introduction and hides the contacts again.

export const interestSides = ['technology', 'counterpart'] as const;
export type InterestSide = (typeof interestSides)[number];
export type InterestState = Record<InterestSide, boolean>;

export const pairStatuses = ['none', 'technology_interested', 'counterpart_interested', 'mutual'] as const;
export type PairStatus = (typeof pairStatuses)[number];

export const pairStatus = (s: InterestState): PairStatus =>
  s.technology && s.counterpart ? 'mutual' : s.technology ? 'technology_interested' : s.counterpart ? 'counterpart_interested' : 'none';

export type InterestEvent = { kind: 'express' | 'withdraw'; side: InterestSide };
export type InterestMove =
  | { ok: true; state: InterestState; status: PairStatus; becameMutual: boolean; endedMutual: boolean }
  | { ok: false; reason: Localized };

export function nextInterest(state: InterestState, event: InterestEvent): InterestMove {
  const mine = state[event.side];
  if (event.kind === 'express' && mine) return { ok: false, reason: { 'zh-CN': '您已表达过意向', en: 'You have already expressed interest' } };
  if (event.kind === 'withdraw' && !mine) return { ok: false, reason: { 'zh-CN': '您尚未表达意向，无可撤回', en: 'You have not expressed interest, so there is nothing to withdraw' } };
  const next = { ...state, [event.side]: event.kind === 'express' };
  const was = pairStatus(state) === 'mutual';
  const now = pairStatus(next) === 'mutual';
  return { ok: true, state: next, status: pairStatus(next), becameMutual: !was && now, endedMutual: was && !now };
}
