// Pure views of an assignment for the tab: rows by application, experts to choose from, loads.
import type { AssignmentItem, AssignmentView, PairRule } from '../api/assignment.api.ts';
import { isApiError } from '../api/client.ts';
import type { ProgramExpertItem } from '../api/experts.api.ts';
import type { AnyMessageKey, Localized } from '../i18n/i18n.tsx';

export type AppRow = { applicationId: string; number: string; orgName: string; trackId: string; reviewers: AssignmentItem[] };

/** An expert one may assign: accepted on the program (trackId null: every track). */
export type Candidate = { expertId: string; name: string; orgName: string; trackId: string | null };

/** One row per application, by number; applications with no reviewer at all come from the report's short list. */
export function rowsByApplication(view: AssignmentView): AppRow[] {
  const rows = new Map<string, AppRow>();
  for (const i of view.items) {
    let row = rows.get(i.applicationId);
    if (!row) rows.set(i.applicationId, (row = { applicationId: i.applicationId, number: i.applicationNumber, orgName: i.orgName, trackId: i.trackId, reviewers: [] }));
    row.reviewers.push(i);
  }
  for (const s of view.quality.short) {
    if (!rows.has(s.applicationId)) rows.set(s.applicationId, { applicationId: s.applicationId, number: s.number, orgName: '', trackId: '', reviewers: [] });
  }
  // Declined reviewers last: the live ones are what the application gets.
  for (const row of rows.values()) row.reviewers.sort((a, b) => Number(a.status === 'declined') - Number(b.status === 'declined') || b.affinity - a.affinity);
  return [...rows.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/**
 * The accepted experts of the program. The invitation list has them all; without it (not
 * allowed, or failed) the experts the view names are the best there is.
 */
export function candidatesOf(view: AssignmentView, invited: ProgramExpertItem[] | null): Candidate[] {
  if (invited) {
    return invited.filter((x) => x.status === 'accepted').map((x) => ({ expertId: x.expertId, name: x.expert.name, orgName: x.expert.orgName, trackId: x.trackId }));
  }
  const seen = new Map<string, Candidate>();
  for (const i of view.items) if (!seen.has(i.expertId)) seen.set(i.expertId, { expertId: i.expertId, name: i.expertName, orgName: i.expertOrg, trackId: null });
  return [...seen.values()];
}

/** Reviews each expert holds now (drafts and published; a declined one frees the slot). */
export function loadsOf(items: AssignmentItem[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) if (i.status !== 'declined') m.set(i.expertId, (m.get(i.expertId) ?? 0) + 1);
  return m;
}

export const ruleOf = (rules: PairRule[], applicationId: string, expertId: string): PairRule | undefined =>
  rules.find((r) => r.applicationId === applicationId && r.expertId === expertId);

/** Computed 回避 an organizer may lift with a reason (not what the expert declared, nor track or ban limits). */
export const overridable = (kind: string) => !['declared', 'other-track', 'banned'].includes(kind);

/** 同一单位, 同地区…: the name of a 回避 kind, or the kind itself when it is new to this page. */
export function conflictKindName(t: (k: AnyMessageKey) => string, kind: string): string {
  const key = `as.kind.${kind}` as AnyMessageKey;
  const name = t(key);
  return name === key ? kind : name;
}

/**
 * What a refused edit says: the field messages when there are any (a 409 names the 回避 or the
 * capacity on `expertId`), else the error's own message.
 */
export function refusalText(e: unknown, pick: (m: Localized) => string, fallback: string): string {
  if (!isApiError(e)) return fallback;
  return e.fields.length ? e.fields.map((f) => pick(f.message)).join('；') : pick(e.localized);
}
