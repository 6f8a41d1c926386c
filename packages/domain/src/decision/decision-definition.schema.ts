import { z } from 'zod';

// What happens after the last review round, as part of a program definition: who must approve
// the decisions (a committee, or nobody beyond the organizer), which 公示 the program holds and
// what it shows, and the certificate the winners receive. Tiers stay on the tracks
// (awardTiers), program-level awards on the program (programAwards, with their rule here).

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Text = z.string().trim().min(1).max(500);

/** 评选顾问委员会 / 专家委员会 approval: nothing is published before it is given. */
export const ApprovalSchema = z.strictObject({
  by: z.enum(['committee', 'none']).default('none'),
  /** What the program calls it: 评选顾问委员会审议, 专家委员会审定. */
  name: Text.optional(),
  nameEn: Text.optional(),
  /** The phase it happens in (kind committee or final), for its dates. */
  phase: Id.optional(),
  /** How many committee members must approve one submission of the list. */
  approvalsRequired: z.number().int().min(1).max(50).default(1),
});
export type Approval = z.infer<typeof ApprovalSchema>;

/** Columns a 公示 list may show. */
export const publicityColumns = ['title', 'organization', 'track', 'tier', 'unit'] as const;
export type PublicityColumn = (typeof publicityColumns)[number];

export const PublicityKindSchema = z.strictObject({
  /** Must the program hold it (河南: yes) before it moves on, or may the organizer choose to? */
  required: z.boolean().default(false),
  /** The period in working days (Asia/Shanghai, holidays and 调休 counted), from the day after it opens. */
  workingDays: z.number().int().min(1).max(60).default(5),
  show: z.array(z.enum(publicityColumns)).min(1).default(['title', 'organization', 'track', 'tier']),
  /** The phase it runs in, for the call page's timeline. */
  phase: Id.optional(),
});
export type PublicityKind = z.infer<typeof PublicityKindSchema>;

export const PublicitySettingsSchema = z.strictObject({
  /** 评比结果公示: the decided list with tiers, before publication. */
  results: PublicityKindSchema.optional(),
  /** 推荐项目公示 (河南 publishes each city's recommended projects). */
  candidates: PublicityKindSchema.optional(),
  /** How to object, shown on the page (the secretariat's contact, what evidence to bring). */
  howToObject: z.string().max(5000).optional(),
  howToObjectEn: z.string().max(5000).optional(),
});
export type PublicitySettings = z.infer<typeof PublicitySettingsSchema>;

/** Merge fields a certificate's text may use. */
export const certificateFields = ['organization', 'project', 'tier', 'track', 'program', 'date', 'serial'] as const;

export const CertificateSettingsSchema = z.strictObject({
  title: Text.default('获奖证书'),
  titleEn: Text.optional(),
  /** The body with {organization} {project} {tier} {track} {program} {date} {serial}. */
  text: z.string().min(1).max(2000).default('{organization}：\n你单位申报的“{project}”在{program}中荣获{track}{tier}。\n特发此证，以资鼓励。'),
  textEn: z.string().min(1).max(2000).optional(),
  /** Printed at the foot; by default the program's organizers. */
  issuers: z.array(Text).max(10).optional(),
  /** Serial numbers: PREFIX-YEAR-NNNN-CHECK. */
  serialPrefix: z.string().regex(/^[A-Z0-9]{2,12}$/, 'serialPrefix: 2–12 capital letters or digits').default('LP'),
});
export type CertificateSettings = z.infer<typeof CertificateSettingsSchema>;

export const DecisionBlockSchema = z.strictObject({
  /**
   * What a published winner becomes: an award (with its certificate), or also an entry of the
   * 绿色技术推广目录 (a catalog-selection program: its winners are invited into the catalog on
   * publication, and join it once they complete the fields and the catalog organizer approves).
   */
  outcome: z.enum(['awards', 'catalog']).default('awards'),
  approval: ApprovalSchema.default({ by: 'none', approvalsRequired: 1 }),
  publicity: PublicitySettingsSchema.default({}),
  certificate: CertificateSettingsSchema.default({ title: '获奖证书', text: '{organization}：\n你单位申报的“{project}”在{program}中荣获{track}{tier}。\n特发此证，以资鼓励。', serialPrefix: 'LP' }),
});
export type DecisionBlock = z.infer<typeof DecisionBlockSchema>;
export const defaultDecisionBlock: DecisionBlock = DecisionBlockSchema.parse({});

/**
 * How a program-level award is decided: 优秀组织奖 for each recommending unit whose applications
 * entered every track (河南: "积极组织参加全部赛道项目"); the top units by how many of their
 * applications entered or won; or by hand, each with a reason.
 */
export const ProgramAwardRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unitsInEveryTrack'),
    /** The tracks to cover; by default every track entered through recommendation. */
    tracks: z.array(Id).optional(),
    /** What counts as entered: endorsed by the unit, or past screening. */
    stage: z.enum(['endorsed', 'screened']).default('screened'),
  }),
  z.strictObject({ kind: z.literal('topUnitsByCount'), n: z.number().int().min(1).max(1000), count: z.enum(['entered', 'awarded']).default('awarded') }),
  z.strictObject({ kind: z.literal('manual') }),
]);
export type ProgramAwardRule = z.infer<typeof ProgramAwardRuleSchema>;

export const ProgramAwardSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  description: z.string().max(5000).optional(),
  descriptionEn: z.string().max(5000).optional(),
  rule: ProgramAwardRuleSchema.default({ kind: 'manual' }),
});
export type ProgramAward = z.infer<typeof ProgramAwardSchema>;

type Problem = { path: (string | number)[]; zh: string; en: string };
type PhaseLike = { id: string; kind: string };

/** Everything wrong with the decision block and program awards, in both languages. */
export function decisionProblems(d: DecisionBlock, awards: ProgramAward[], phases: PhaseLike[], tracks: { id: string; entry: string }[]): Problem[] {
  const out: Problem[] = [];
  const phase = new Map(phases.map((p) => [p.id, p]));
  const checkPhase = (id: string | undefined, kinds: string[], path: (string | number)[]) => {
    if (id === undefined) return;
    const p = phase.get(id);
    if (!p) out.push({ path, zh: `未定义的阶段：${id}`, en: `no phase with id ${id}` });
    else if (!kinds.includes(p.kind)) out.push({ path, zh: `阶段 ${id} 的类型是 ${p.kind}，此处须为 ${kinds.join(' 或 ')}`, en: `phase ${id} is ${p.kind}; here it must be ${kinds.join(' or ')}` });
  };
  checkPhase(d.approval.phase, ['committee', 'final'], ['decision', 'approval', 'phase']);
  checkPhase(d.publicity.results?.phase, ['publicity'], ['decision', 'publicity', 'results', 'phase']);
  checkPhase(d.publicity.candidates?.phase, ['publicity'], ['decision', 'publicity', 'candidates', 'phase']);
  if (d.publicity.candidates?.show.includes('tier')) out.push({ path: ['decision', 'publicity', 'candidates', 'show'], zh: '推荐项目公示尚无获奖等级，不能显示 tier', en: 'a candidates 公示 has no tiers yet: it cannot show tier' });
  const trackIds = new Set(tracks.map((t) => t.id));
  const seen = new Set<string>();
  awards.forEach((a, i) => {
    if (seen.has(a.id)) out.push({ path: ['programAwards', i, 'id'], zh: `重复的 id：${a.id}`, en: `duplicate id: ${a.id}` });
    seen.add(a.id);
    if (a.rule.kind === 'unitsInEveryTrack') {
      a.rule.tracks?.forEach((t, j) => {
        if (!trackIds.has(t)) out.push({ path: ['programAwards', i, 'rule', 'tracks', j], zh: `未定义的赛道：${t}`, en: `no track with id ${t}` });
      });
      const covered = a.rule.tracks ?? tracks.filter((t) => t.entry === 'recommendation').map((t) => t.id);
      if (!covered.length) out.push({ path: ['programAwards', i, 'rule'], zh: `${a.name}：没有经推荐申报的赛道，无法按“参加全部赛道”评定`, en: `${a.name}: no track is entered through recommendation, so "units in every track" has nothing to cover` });
    }
  });
  return out;
}
