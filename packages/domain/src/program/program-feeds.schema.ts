import { z } from 'zod';
import type { FormTemplate } from '../form/form-template.schema.ts';
import { resolveRef } from '../form/form-refs.ts';

// 多级遴选: a program may be fed by another. The TARGET's definition (a national program) names
// its source (a provincial selection) by slug, the recommending unit of the target the source's
// organizer acts as (the province), and per track pair how the answers carry over, field by
// field: `target.section.field: source.section.field`. The chosen applications arrive awaiting
// their applicant's confirmation; confirmed, they are that unit's endorsements, within its quota.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const isFieldRef = (f: string) => /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$/.test(f);
const refMessage = { zh: '字段须写作“节 id.字段 id”，如 tech.name', en: 'write a field as section id.field id, e.g. tech.name' };
const FieldRef = z.string().refine(isFieldRef, { message: refMessage.zh, params: { en: refMessage.en } });

/** What a source application must have reached to count as chosen. */
export const feedSourceStatuses = ['awarded', 'candidate', 'advanced', 'eligible', 'endorsed'] as const;

export const FeedTrackSchema = z.strictObject({
  /** The source program's track. */
  from: Id,
  /** This program's track (one taking recommendations: the fed applications are the unit's endorsements). */
  to: Id,
  /** target.section.field → source.section.field; unmapped target fields start empty. */
  // Keys are checked in feedProblems: zod reports a bad record key without its message.
  fields: z.record(z.string().max(200), FieldRef).default({}),
});

export const ProgramFeedSchema = z.strictObject({
  id: Id,
  /** The source program's slug. */
  from: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'slug: lower-case letters, digits and -'),
  /** The recommending unit of this program (an id of recommendation.units) the source program's organizer acts as. */
  unit: Id,
  statuses: z.array(z.enum(feedSourceStatuses)).min(1).default(['awarded']),
  /** The unit's 推荐意见 written on each endorsement (the source's own selection stands behind it). */
  opinion: z.string().trim().min(1).max(2000).optional(),
  tracks: z.array(FeedTrackSchema).min(1),
});
export type ProgramFeed = z.infer<typeof ProgramFeedSchema>;

export const ProgramFeedsSchema = z.array(ProgramFeedSchema).max(50);

type Problem = { path: (string | number)[]; zh: string; en: string };
type Target = {
  slug: string;
  tracks: readonly { id: string; formId: string; entry?: string }[];
  forms: readonly FormTemplate[];
  unitIds: ReadonlySet<string>;
};

const fieldExists = (form: FormTemplate | undefined, ref: string) => !!form && !!resolveRef(form, undefined, ref);

/** The feeds block's problems against the target definition it is part of (paths relative to `feeds`). */
export function feedProblems(feeds: readonly ProgramFeed[], target: Target): Problem[] {
  const out: Problem[] = [];
  const tracks = new Map(target.tracks.map((t) => [t.id, t]));
  const forms = new Map(target.forms.map((f) => [f.id, f]));
  const ids = new Set<string>();
  feeds.forEach((feed, i) => {
    if (ids.has(feed.id)) out.push({ path: [i, 'id'], zh: `重复的 id：${feed.id}`, en: `duplicate id: ${feed.id}` });
    ids.add(feed.id);
    if (feed.from === target.slug) out.push({ path: [i, 'from'], zh: '活动不能由自身推送', en: 'a program cannot feed itself' });
    if (!target.unitIds.has(feed.unit)) {
      out.push({ path: [i, 'unit'], zh: `推荐单位 ${feed.unit} 须列在本活动的 recommendation.units 中`, en: `unit ${feed.unit} must be one of this program's recommendation.units` });
    }
    const from = new Set<string>();
    feed.tracks.forEach((m, j) => {
      if (from.has(m.from)) out.push({ path: [i, 'tracks', j, 'from'], zh: `来源赛道 ${m.from} 已对应过一个赛道`, en: `source track ${m.from} is mapped twice` });
      from.add(m.from);
      const to = tracks.get(m.to);
      if (!to) {
        out.push({ path: [i, 'tracks', j, 'to'], zh: `未定义的赛道：${m.to}`, en: `no track ${m.to}` });
        return;
      }
      if (to.entry !== 'recommendation') {
        out.push({ path: [i, 'tracks', j, 'to'], zh: `赛道 ${m.to} 不经推荐单位推荐（entry: direct），不能接收推送`, en: `track ${m.to} takes no recommendations (entry: direct): it cannot be fed` });
      }
      const form = forms.get(to.formId);
      for (const ref of Object.keys(m.fields)) {
        if (!isFieldRef(ref)) out.push({ path: [i, 'tracks', j, 'fields', ref], ...refMessage });
        else if (!fieldExists(form, ref)) out.push({ path: [i, 'tracks', j, 'fields', ref], zh: `申报表 ${to.formId} 中没有字段 ${ref}`, en: `form ${to.formId} has no field ${ref}` });
      }
    });
  });
  return out;
}

/** The feed's problems against the source program, checked when applications are sent (paths from the feed). */
export function feedSourceProblems(feed: ProgramFeed, source: { tracks: readonly { id: string; formId: string }[]; forms: readonly FormTemplate[] }): Problem[] {
  const out: Problem[] = [];
  const tracks = new Map(source.tracks.map((t) => [t.id, t]));
  const forms = new Map(source.forms.map((f) => [f.id, f]));
  feed.tracks.forEach((m, j) => {
    const t = tracks.get(m.from);
    if (!t) {
      out.push({ path: ['tracks', j, 'from'], zh: `来源活动 ${feed.from} 没有赛道 ${m.from}`, en: `the source program ${feed.from} has no track ${m.from}` });
      return;
    }
    for (const [target, ref] of Object.entries(m.fields)) {
      if (!fieldExists(forms.get(t.formId), ref)) {
        out.push({ path: ['tracks', j, 'fields', target], zh: `来源申报表 ${t.formId} 中没有字段 ${ref}`, en: `the source form ${t.formId} has no field ${ref}` });
      }
    }
  });
  return out;
}

const at = (o: unknown, path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/** The target's answers from the source's, field by field (a value the source left empty is left out). */
export function mapFeedAnswers(fields: Readonly<Record<string, string>>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, ref] of Object.entries(fields)) {
    const value = at(source, ref.split('.'));
    if (value === undefined || value === null || value === '') continue;
    const path = target.split('.');
    let node = out;
    for (const k of path.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = structuredClone(value);
  }
  return out;
}
