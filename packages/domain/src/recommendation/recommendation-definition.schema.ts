import { z } from 'zod';
import { isValidRegionCode } from '../reference/regions.ts';
import { UnitReachSchema } from './reach.ts';

// 推荐 as part of a program definition: the channels units recommend through, whether a unit in
// several channels adds its quotas up (科创中国: "可叠加推荐名额"), the quota rules per track, and the
// units the call itself names (河南: the 省辖市 teams), who may recommend whom (reach.ts) and the
// columns of each unit's 推荐汇总表. Units imported later live in the database; the arithmetic on
// these rules is in quota.ts.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Text = z.string().trim().min(1).max(500);

export const RecommendationChannelSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  /** Shorter names organizers write in a spreadsheet (全国学会, 央企科协), matched on import. */
  aliases: z.array(Text).default([]),
  /** Whom every unit of this channel may recommend (省级发展改革委: its own province, not central SOEs); everyone when absent. */
  reach: UnitReachSchema.optional(),
});
export type RecommendationChannel = z.infer<typeof RecommendationChannelSchema>;

export const quotaKinds = ['max', 'min'] as const;
export type QuotaKind = (typeof quotaKinds)[number];

/**
 * track: each listed track separately ("每个领域各单位推荐不超过3个"); group: the listed tracks
 * together; program: every recommended track together ("每个单位推荐总数不超过6项"). Always per unit.
 */
export const quotaScopes = ['track', 'group', 'program'] as const;
export type QuotaScope = (typeof quotaScopes)[number];

export const QuotaRuleSchema = z.strictObject({
  id: Id,
  scope: z.enum(quotaScopes).default('track'),
  /** The tracks of a track or group rule; a program rule names none. */
  tracks: z.array(Id).min(1).optional(),
  /** Only units in one of these channels are bound by the rule (国资委 10, provinces 6); every unit when absent. */
  channels: z.array(Id).min(1).optional(),
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
  nameEn: Text.optional(),
  /** GB/T 2260 (济源示范区 419001, 航空港区 410173 as the statistics list has them); left out for units without one (兵团, 国资委, associations). */
  regionCode: z.string().refine((c) => isValidRegionCode(c), { message: '不是有效的行政区划代码', params: { en: 'Not a valid GB/T 2260 region code' } }).optional(),
  channels: z.array(Id).default([]),
  /** This unit's own reach, instead of its channels'. */
  reach: UnitReachSchema.optional(),
});
export type DefinedUnit = z.infer<typeof DefinedUnitSchema>;

export const recommendationUnitKinds = ['unit', 'city'] as const;

/** A column of the 推荐汇总表: an answer of the form, by `section.field`. */
export const SummaryColumnSchema = z.strictObject({
  field: z.string().refine((f) => /^[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/.test(f), { message: '字段须写作“节 id.字段 id”，如 tech.name', params: { en: 'write the field as section id.field id, e.g. tech.name' } }),
  /** The column's header; the field's label when left out. */
  header: Text.optional(),
});
export const UnitSummarySchema = z.strictObject({
  /** The sheet's title; "推荐汇总表" when left out. */
  title: Text.optional(),
  columns: z.array(SummaryColumnSchema).max(30).default([]),
});

/** What endorsing asks of the unit: the call decides whether the opinion and the stamped page are required. */
export const EndorsementRequirementsSchema = z.strictObject({
  opinion: z.enum(['required', 'optional']).default('required'),
  stampedPage: z.enum(['required', 'optional']).default('required'),
});
export type EndorsementRequirements = z.infer<typeof EndorsementRequirementsSchema>;

export const RecommendationBlockSchema = z.strictObject({
  channels: z.array(RecommendationChannelSchema).default([]),
  /** A unit in several channels gets each max quota once per channel. */
  stacking: z.boolean().default(false),
  /** city: each unit is a city team (河南's 省辖市), and the organizer sees which cities entered every track. */
  unitKind: z.enum(recommendationUnitKinds).default('unit'),
  quotas: z.array(QuotaRuleSchema).default([]),
  /** Units fixed by the call itself; created with the program, contacts filled in later. */
  units: z.array(DefinedUnitSchema).default([]),
  /** What each unit's 推荐汇总表 lists beside number, organization, track, opinion and order. */
  summary: UnitSummarySchema.default({ columns: [] }),
  /** Left out: both are required, as most calls ask (endorsementRequires). */
  endorsement: EndorsementRequirementsSchema.optional(),
});
export type RecommendationBlock = z.infer<typeof RecommendationBlockSchema>;

/** Whether endorsing needs the opinion and the stamped page (both, unless the call says otherwise). */
export function endorsementRequires(block: Pick<RecommendationBlock, 'endorsement'>): { opinion: boolean; stampedPage: boolean } {
  return { opinion: block.endorsement?.opinion !== 'optional', stampedPage: block.endorsement?.stampedPage !== 'optional' };
}

/** What a program without a recommendation block behaves as: no channels, no quotas, no units. */
export const emptyRecommendationBlock: RecommendationBlock = { channels: [], stacking: false, unitKind: 'unit', quotas: [], units: [], summary: { columns: [] } };

export type BlockProblem = { path: (string | number)[]; zh: string; en: string };

/** What the checks need of a form: the ids and labels of its sections' fields. */
export type BlockForm = { id: string; sections: readonly { id: string; fields: readonly { id: string; label: string }[] }[] };
type BlockTrack = { id: string; entry: string; formId?: string };

/**
 * Checks the block against the program's tracks and forms: every quota names tracks that take
 * recommendations (direct tracks such as 国际创新合作榜 have no recommendation step) as its scope
 * asks; for the same units a track has at most one per-track max and min and a min does not exceed
 * the max; a group or program max leaves room for the per-track minimums inside it; channels and
 * reaches are consistent; summary columns name fields of a recommended track's form.
 */
export function recommendationProblems(block: RecommendationBlock, tracks: readonly BlockTrack[], forms: readonly BlockForm[] = []): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const add = (path: (string | number)[], zh: string, en: string) => problems.push({ path, zh, en });
  const dup = (items: { id: string }[], path: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) add([path, i, 'id'], `重复的 id：${it.id}`, `duplicate id: ${it.id}`);
      seen.add(it.id);
    });
  };
  dup(block.channels, 'channels');
  dup(block.quotas, 'quotas');
  dup(block.units, 'units');
  const channels = new Set(block.channels.map((c) => c.id));
  const entryOf = new Map(tracks.map((t) => [t.id, t.entry]));
  const recommended = tracks.filter((t) => t.entry === 'recommendation').map((t) => t.id);
  // Per-track rules bind the same units when their channel filters are the same.
  const perTrack = new Map<string, { max?: number; min?: number }>();
  block.quotas.forEach((q, i) => {
    q.channels?.forEach((c, j) => {
      if (!channels.has(c)) add(['quotas', i, 'channels', j], `未定义的推荐渠道：${c}`, `no channel ${c}`);
    });
    if (q.scope === 'program' && q.tracks) add(['quotas', i, 'tracks'], '全活动名额（scope: program）覆盖全部推荐赛道，不要列出赛道', 'a program-wide quota (scope: program) covers every recommended track; list no tracks');
    if (q.scope !== 'program' && !q.tracks) add(['quotas', i, 'tracks'], '请列出名额规则适用的赛道（或设 scope: program 覆盖全部赛道）', 'list the tracks the rule applies to (or use scope: program for all of them)');
    if (q.scope === 'group' && q.tracks?.length === 1) add(['quotas', i, 'tracks'], '赛道组名额至少包含两个赛道；单个赛道请用 scope: track', 'a group quota needs at least two tracks; use scope: track for one');
    const channelKey = [...(q.channels ?? [])].sort().join(',');
    q.tracks?.forEach((trackId, j) => {
      const entry = entryOf.get(trackId);
      if (!entry) add(['quotas', i, 'tracks', j], `未定义的赛道：${trackId}`, `no track ${trackId}`);
      else if (entry !== 'recommendation') add(['quotas', i, 'tracks', j], `赛道 ${trackId} 为直接申报，没有推荐名额`, `track ${trackId} takes direct applications and has no recommendation quota`);
      if (q.scope !== 'track') return;
      const key = `${trackId}|${channelKey}`;
      const seen = perTrack.get(key) ?? {};
      if (seen[q.kind] !== undefined) add(['quotas', i, 'tracks', j], `赛道 ${trackId} 已有${q.kind === 'max' ? '上限' : '下限'}名额规则`, `track ${trackId} already has a ${q.kind} rule`);
      seen[q.kind] = q.count;
      perTrack.set(key, seen);
    });
  });
  for (const [key, { max, min }] of perTrack) {
    const trackId = key.split('|')[0];
    if (max !== undefined && min !== undefined && min > max) add(['quotas'], `赛道 ${trackId} 的最少推荐数大于最多推荐数`, `track ${trackId}: the minimum exceeds the maximum`);
  }
  // A group or program max below the per-track minimums it contains can never be met.
  block.quotas.forEach((q, i) => {
    if (q.kind !== 'max' || q.scope === 'track') return;
    const inScope = q.scope === 'program' ? recommended : (q.tracks ?? []);
    const owed = inScope.reduce((sum, t) => sum + (perTrack.get(`${t}|`)?.min ?? 0), 0);
    if (owed > q.count) add(['quotas', i, 'count'], `上限 ${q.count} 小于其范围内各赛道最少推荐数之和 ${owed}，无法同时满足`, `the max ${q.count} is below the ${owed} the per-track minimums inside it require`);
  });

  const ownRegionChannels = new Set(block.channels.filter((c) => c.reach?.regions === 'own').map((c) => c.id));
  const names = new Set<string>();
  block.units.forEach((u, i) => {
    u.channels.forEach((c, j) => {
      if (!channels.has(c)) add(['units', i, 'channels', j], `未定义的推荐渠道：${c}`, `no channel ${c}`);
    });
    if (names.has(u.name)) add(['units', i, 'name'], `重复的推荐单位名称：${u.name}`, `duplicate unit name: ${u.name}`);
    names.add(u.name);
    const byRegion = u.reach ? u.reach.regions === 'own' : u.channels.some((c) => ownRegionChannels.has(c));
    if (byRegion && !u.regionCode) add(['units', i, 'regionCode'], `${u.name}按所在地区推荐（regions: own），请填写其行政区划代码，或为其单独设定推荐范围`, `${u.name} recommends by its own region (regions: own): give its region code, or give the unit a reach of its own`);
  });

  const formOf = new Map(forms.map((f) => [f.id, f]));
  const recommendedForms = tracks.filter((t) => t.entry === 'recommendation' && t.formId).map((t) => formOf.get(t.formId!)).filter((f): f is BlockForm => f !== undefined);
  if (forms.length) {
    block.summary.columns.forEach((c, i) => {
      const [sectionId, fieldId] = c.field.split('.');
      const found = recommendedForms.some((f) => f.sections.some((s) => s.id === sectionId && s.fields.some((x) => x.id === fieldId)));
      if (!found) add(['summary', 'columns', i, 'field'], `推荐赛道的申报表中没有字段 ${c.field}`, `no form of a recommended track has the field ${c.field}`);
    });
  }
  return problems;
}
