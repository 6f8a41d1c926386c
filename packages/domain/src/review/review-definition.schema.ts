import { z } from 'zod';
import { RubricSchema, rubricProblems, type Rubric } from './rubric.schema.ts';

// Expert review as part of a program definition: how many experts read each application, which
// answers describe it for matching experts (affinity), and which 回避 rules beyond the always-on
// ones (same organization, recommending unit, declared) the program turns on.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Ref = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/, 'a field reference: section.field');

/** The phase kinds a review round runs in. */
export const roundPhaseKinds = ['preliminary', 'site_visit', 'roadshow', 'final'] as const;
export type RoundKind = (typeof roundPhaseKinds)[number];

/**
 * Which applications enter a round, from the round before it (`from`, by default the one
 * listed before; the first round takes every application that passed screening): all that
 * passed (no failed gate), the top N per track, those scoring at least `min`, or the
 * organizer's pick. The organizer always sees the list and confirms it.
 */
export const EntryRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all'), from: Id.optional() }),
  z.strictObject({ kind: z.literal('topN'), from: Id.optional(), n: z.number().int().min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('threshold'), from: Id.optional(), min: z.number().min(0).max(100) }),
  z.strictObject({ kind: z.literal('manual'), from: Id.optional() }),
]);
export type EntryRule = z.infer<typeof EntryRuleSchema>;

export const aggregationMethods = ['calibrated', 'mean', 'trimmed'] as const;
export type AggregationMethod = (typeof aggregationMethods)[number];

export const RoundSchema = z.strictObject({
  id: Id,
  /** The phase it runs in (its dates and name); the phase's kind is the round's kind. */
  phase: Id,
  /** The rubric, unless `trackRubrics` gives a track its own (河南: three 评比细则 for three forms). */
  rubric: Id,
  trackRubrics: z.array(z.strictObject({ tracks: z.array(Id).min(1), rubric: Id })).default([]),
  entry: EntryRuleSchema.default({ kind: 'all' }),
  /** Experts per application; a panel round (site visit, roadshow) gives every panel member each of its applications. */
  reviewsPerApplication: z.number().int().min(1).max(50).optional(),
  /** Blind (匿名评审): the identifying answers never reach an expert. */
  blind: z.boolean().default(false),
  /** The answers that identify the applicant, per form: `section` or `section.field`. */
  identifying: z.array(z.strictObject({ form: z.string().min(1).max(64), fields: z.array(Ref).min(1).max(200) })).default([]),
  /** Who assigns experts: the organizer, or each track's 初评机构 (review institution). */
  assignedBy: z.enum(['organizer', 'institution']).default('organizer'),
  aggregation: z.enum(aggregationMethods).default('calibrated'),
  /** A roadshow's timing: presentation then questions (河南: 8 + 7 minutes). */
  timing: z.strictObject({ presentMinutes: z.number().int().min(1).max(120), qaMinutes: z.number().int().min(0).max(120) }).optional(),
});
export type Round = z.infer<typeof RoundSchema>;

export const ReviewBlockSchema = z.strictObject({
  /** Experts per application in online review (入围评估 / 初评). */
  reviewsPerApplication: z.number().int().min(1).max(20).default(3),
  /** Most applications one expert is given, unless the expert's own availability says fewer. */
  maxLoad: z.number().int().min(1).max(10_000).default(30),
  /** "A strong match": at least one reviewer per application should have affinity ≥ this. */
  strongAffinity: z.number().int().min(0).max(1_000_000).default(400),
  /**
   * The answers that describe an application for matching (technology name, field, summary,
   * keywords), per form. A form not listed is matched on all of its text answers.
   */
  affinityFields: z.array(z.strictObject({ form: z.string().min(1).max(64), fields: z.array(Ref).min(1).max(50) })).default([]),
  conflicts: z
    .strictObject({
      /** 同地区回避: an expert from the applicant's province (or city) may not review it. */
      sameRegion: z.enum(['off', 'province', 'city']).default('off'),
      /** 同一集团回避: same parent group (上级集团) as the applicant. */
      sameParentGroup: z.boolean().default(false),
    })
    .default({ sameRegion: 'off', sameParentGroup: false }),
  /** 评分标准, referred to by the rounds. */
  rubrics: z.array(RubricSchema).default([]),
  /** 评审轮次 in order: 初评 → 现场考察 → 路演答辩 → 终评. */
  rounds: z.array(RoundSchema).default([]),
});
export type ReviewBlock = z.infer<typeof ReviewBlockSchema>;

/** The review settings of a program that says nothing about review. */
export const defaultReviewBlock: ReviewBlock = ReviewBlockSchema.parse({});

type Problem = { path: (string | number)[]; zh: string; en: string };
type PhaseLike = { id: string; kind: string; name: string };

/** Everything wrong with the rounds and rubrics of a program, in both languages. */
export function reviewProblems(review: ReviewBlock, phases: PhaseLike[], trackIds: Set<string>, forms: Map<string, unknown>, hasRef: (form: string, ref: string) => boolean): Problem[] {
  const out: Problem[] = [];
  const rubrics = new Map<string, Rubric>();
  review.rubrics.forEach((r, i) => {
    if (rubrics.has(r.id)) out.push({ path: ['rubrics', i, 'id'], zh: `重复的评分标准 id：${r.id}`, en: `duplicate rubric id: ${r.id}` });
    rubrics.set(r.id, r);
    for (const p of rubricProblems(r)) out.push({ ...p, path: ['rubrics', i, ...p.path] });
  });
  const phaseOf = new Map(phases.map((p) => [p.id, p]));
  const seen = new Map<string, number>();
  const usedPhases = new Set<string>();
  review.rounds.forEach((round, i) => {
    if (seen.has(round.id)) out.push({ path: ['rounds', i, 'id'], zh: `重复的评审轮次 id：${round.id}`, en: `duplicate round id: ${round.id}` });
    const phase = phaseOf.get(round.phase);
    if (!phase) out.push({ path: ['rounds', i, 'phase'], zh: `评审轮次 ${round.id} 指向不存在的阶段 ${round.phase}`, en: `round ${round.id} names a phase that does not exist: ${round.phase}` });
    else if (!(roundPhaseKinds as readonly string[]).includes(phase.kind)) {
      out.push({ path: ['rounds', i, 'phase'], zh: `阶段“${phase.name}”（${phase.kind}）不是评审阶段；评审轮次须在初评、现场考察、路演答辩或终评阶段`, en: `phase ${phase.id} (${phase.kind}) is not a review phase: use preliminary, site_visit, roadshow or final` });
    } else if (usedPhases.has(round.phase)) out.push({ path: ['rounds', i, 'phase'], zh: `阶段 ${round.phase} 已有一个评审轮次`, en: `phase ${round.phase} already has a round` });
    usedPhases.add(round.phase);
    if (!rubrics.has(round.rubric)) out.push({ path: ['rounds', i, 'rubric'], zh: `评审轮次 ${round.id} 的评分标准 ${round.rubric} 未定义`, en: `round ${round.id} has no rubric: ${round.rubric} is not defined` });
    round.trackRubrics.forEach((tr, j) => {
      if (!rubrics.has(tr.rubric)) out.push({ path: ['rounds', i, 'trackRubrics', j, 'rubric'], zh: `评审轮次 ${round.id} 的评分标准 ${tr.rubric} 未定义`, en: `round ${round.id}: rubric ${tr.rubric} is not defined` });
      tr.tracks.forEach((t, k) => {
        if (!trackIds.has(t)) out.push({ path: ['rounds', i, 'trackRubrics', j, 'tracks', k], zh: `未定义的赛道：${t}`, en: `no track with id ${t}` });
      });
    });
    const from = round.entry.from;
    if (from !== undefined && !seen.has(from)) {
      const later = review.rounds.some((r) => r.id === from);
      out.push({
        path: ['rounds', i, 'entry', 'from'],
        zh: later ? `评审轮次 ${round.id} 的入围规则指向其后的轮次 ${from}` : `评审轮次 ${round.id} 的入围规则指向不存在的轮次 ${from}`,
        en: later ? `round ${round.id} enters from a later round: ${from}` : `round ${round.id} enters from a round that does not exist: ${from}`,
      });
    }
    if (i === 0 && round.entry.kind !== 'all') out.push({ path: ['rounds', 0, 'entry', 'kind'], zh: '第一轮评审接收全部初筛通过的申报，入围规则只能是 all', en: 'the first round takes every application that passed screening: its entry must be "all"' });
    round.identifying.forEach((x, j) => {
      if (!forms.has(x.form)) out.push({ path: ['rounds', i, 'identifying', j, 'form'], zh: `未定义的申报表：${x.form}`, en: `no form with id ${x.form}` });
      else x.fields.forEach((ref, k) => {
        if (!hasRef(x.form, ref)) out.push({ path: ['rounds', i, 'identifying', j, 'fields', k], zh: `申报表 ${x.form} 中没有字段或分节 ${ref}`, en: `form ${x.form} has no field or section ${ref}` });
      });
    });
    if (round.blind && !round.identifying.length) out.push({ path: ['rounds', i, 'identifying'], zh: `匿名评审轮次 ${round.id} 须列出可识别申报者的字段`, en: `blind round ${round.id} must list the identifying fields` });
    seen.set(round.id, i);
  });
  return out;
}

/** The round an entry rule takes applications from: its `from`, else the one before it. */
export function entrySource(rounds: Round[], index: number): Round | null {
  const from = rounds[index].entry.from;
  return from ? rounds.find((r) => r.id === from) ?? null : index > 0 ? rounds[index - 1] : null;
}


/** The rubric a round scores a track's applications on. */
export function rubricFor(review: ReviewBlock, round: Round, trackId: string): Rubric {
  const id = round.trackRubrics.find((t) => t.tracks.includes(trackId))?.rubric ?? round.rubric;
  const rubric = review.rubrics.find((r) => r.id === id);
  if (!rubric) throw new Error(`round ${round.id}: no rubric ${id}`);
  return rubric;
}
