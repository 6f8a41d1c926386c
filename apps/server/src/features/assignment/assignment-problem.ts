import { buildAffinity, conflictReasons, defaultReviewBlock, applicationTexts, type Affinity, type ConflictReason, type ProgramDefinition, type ReviewBlock } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import type { RoundRef } from '../review/rounds.ts';
import { knownFields, fieldTexts } from '../experts/expert-fields.ts';
import { acceptedExperts, type AcceptedExpert } from '../experts/program-experts.service.ts';
import { listAssignments, listPairRules, reviewableApplications, type PairRuleRow, type ReviewableApplication } from './assignment.repository.ts';

// Everything the assignment of one program is decided from, read once: the applications to
// review, the accepted experts, every pair's affinity and 回避 reasons, the organizer's rules.

export type PairBlock = ConflictReason | { kind: 'other-track'; detail: string } | { kind: 'banned'; detail: string };

export type AssignmentProblem = {
  review: ReviewBlock;
  round: RoundRef;
  apps: ReviewableApplication[];
  experts: AcceptedExpert[];
  appIndex: Map<string, number>;
  expertIndex: Map<string, number>;
  capacity: number[];
  affinity: Affinity;
  rules: PairRuleRow[];
  /** Why the pair may not be assigned (overridden 回避 removed); empty when it may. */
  blocks(a: number, e: number): PairBlock[];
  /** The computed 回避 reasons, overridden or not (for the explanation). */
  conflicts(a: number, e: number): ConflictReason[];
  rule(a: number, e: number): PairRuleRow | undefined;
};

const pairKey = (a: number, e: number) => `${a}:${e}`;

/**
 * `tracks`: only these tracks' applications, and the experts invited to them or to the whole
 * program, whose capacity is what their other tracks' assignments in the round leave.
 */
export async function loadAssignmentProblem(db: Db, programId: string, def: ProgramDefinition, round: RoundRef, tracks: Set<string> | null = null): Promise<AssignmentProblem> {
  const review = def.review ?? defaultReviewBlock;
  const [allApps, allExperts, rules, known, assigned] = await Promise.all([
    reviewableApplications(db, programId, round), acceptedExperts({ db }, programId), listPairRules(db, programId), knownFields(db), tracks ? listAssignments(db, programId, round.id) : Promise.resolve([]),
  ]);
  const apps = tracks ? allApps.filter((a) => tracks.has(a.track_id)) : allApps;
  const experts = tracks ? allExperts.filter((e) => !e.trackId || tracks.has(e.trackId)) : allExperts;
  const trackOf = new Map(allApps.map((a) => [a.id, a.track_id]));
  const elsewhere = new Map<string, number>();
  for (const a of assigned) if (a.status !== 'declined' && !tracks!.has(trackOf.get(a.application_id) ?? '')) elsewhere.set(a.expert_id, (elsewhere.get(a.expert_id) ?? 0) + 1);
  const appIndex = new Map(apps.map((a, i) => [a.id, i]));
  const expertIndex = new Map(experts.map((e, i) => [e.expertId, i]));
  const refsByForm = new Map(review.affinityFields.map((f) => [f.form, f.fields]));
  const affinity = buildAffinity(
    apps.map((a) => ({ texts: applicationTexts(JSON.parse(a.answers_json), refsByForm.get(a.form_id) ?? null), fieldIds: [a.track_id] })),
    experts.map((e) => ({ fieldIds: e.profile.fields, keywords: e.profile.keywords, bio: e.profile.bio, fieldTexts: fieldTexts(e.profile.fields, known) })),
  );
  const ruleMap = new Map<string, PairRuleRow>();
  // A pin holds in the round it was set for; bans and overrides in every round.
  const inRound = rules.filter((r) => r.kind !== 'pin' || r.round_id === round.id);
  for (const r of inRound) {
    const a = appIndex.get(r.application_id);
    const e = expertIndex.get(r.expert_id);
    if (a !== undefined && e !== undefined) ruleMap.set(pairKey(a, e), r);
  }
  const rulesConf = review.conflicts;
  const conflicts = (a: number, e: number): ConflictReason[] => {
    const app = apps[a];
    const x = experts[e];
    return conflictReasons(
      { org: { orgName: app.org_name, creditCode: app.credit_code, regionCode: app.region_code }, unitName: app.unit_name, applicationId: app.id },
      { orgName: x.profile.orgName, creditCode: x.profile.orgCreditCode, regionCode: x.profile.regionCode, parentGroup: x.profile.orgParentGroup, declaredApplicationIds: x.declaredApplicationIds, declaredOrgNames: x.declaredOrgNames },
      rulesConf,
    );
  };
  const trackName = (id: string) => def.tracks.find((t) => t.id === id)?.name ?? id;
  const rule = (a: number, e: number) => ruleMap.get(pairKey(a, e));
  const blocks = (a: number, e: number): PairBlock[] => {
    const out: PairBlock[] = [];
    const r = rule(a, e);
    // An override lifts computed 回避 only; what the expert declared always stands.
    for (const c of conflicts(a, e)) if (r?.kind !== 'override' || c.kind === 'declared') out.push(c);
    const track = experts[e].trackId;
    if (track && track !== apps[a].track_id) out.push({ kind: 'other-track', detail: `专家受邀评审“${trackName(track)}”赛道` });
    if (r?.kind === 'ban') out.push({ kind: 'banned', detail: `组织方排除：${r.reason}` });
    return out;
  };
  const capacity = experts.map((e) => Math.max(0, (e.maxLoad ?? review.maxLoad) - (elsewhere.get(e.expertId) ?? 0)));
  return { review, round, apps, experts, appIndex, expertIndex, capacity, affinity, rules: inRound, blocks, conflicts, rule };
}
