import type { ProgramDefinitionInput } from '../program/program-definition.schema.ts';
import type { FormTemplateInput } from '../form/form-template.schema.ts';
import type { RubricSchema } from '../review/rubric.schema.ts';
import type { z } from 'zod';
import { greenCatalogueField } from '../reference/green-catalogue.ts';
import { addDays } from '../publicity/working-days.ts';
import type { NeedFields, NeedIndicator } from './need.schema.ts';

// 揭榜挂帅: a program whose tracks are published needs. Each need becomes one track (its name the
// need's 共性技术难点, its description the indicators, budget and deadline) with a solver form of
// its own, since the expected indicators a solver promises are the need's own targets. The rest
// is an ordinary program — call, review round with a 揭榜 rubric, decision, publication — so
// applications, screening, assignment, scoring and the outcome run unchanged. 赛马: each track's
// tier may go to several solvers (solversPerNeed), funded in parallel and compared by milestones.

export type JiebangNeed = Pick<NeedFields, 'problem' | 'description' | 'fieldId' | 'indicators' | 'budget' | 'deadline' | 'funded'> & {
  id: string;
  /** Who posted it, printed in the track's description. */
  posterName?: string;
};

export type JiebangProgramInput = {
  slug: string;
  name: string;
  organizers: string[];
  /** The call opens on this day (YYYY-MM-DD, Shanghai). */
  opensOn: string;
  needs: JiebangNeed[];
  solversPerNeed?: number;
  reviewDays?: number;
  approval?: 'none' | 'committee';
};

export const JIEBANG_RUBRIC_ID = 'jiebang';
/** The tier a funded solver gets. */
export const JIEBANG_TIER_ID = 'funded';
/** The solver form's section and group that hold the 实施计划's milestones (copied into 赛马 milestones). */
export const PLAN_MILESTONES_REF = { section: 'schedule', group: 'milestones' } as const;

export const trackIdForNeed = (index: number) => `need${index + 1}`;
const formIdFor = (trackId: string) => `${trackId}-plan`;

const comparator = (i: NeedIndicator) => (i.direction === 'atMost' ? '≤' : '≥');
export const indicatorText = (i: NeedIndicator) => `${i.name} ${comparator(i)} ${i.target}${i.unit}`;

/** The track's description: what a solver must reach, with what money, by when. */
export function needTrackDescription(n: JiebangNeed): string {
  const field = greenCatalogueField(n.fieldId);
  return [
    n.description,
    field ? `领域：${field.name}` : '',
    n.posterName ? `发榜单位：${n.posterName}` : '',
    `目标指标：${n.indicators.map(indicatorText).join('；')}`,
    `经费预算：${n.budget.min}–${n.budget.max} 万元${n.funded ? '（发榜单位出资）' : ''}`,
    `揭榜截止：${n.deadline} 24:00`,
  ].filter(Boolean).join('\n');
}

function solverForm(trackId: string, n: JiebangNeed): FormTemplateInput {
  return {
    id: formIdFor(trackId),
    version: 1,
    title: `揭榜方案申报书：${n.problem}`,
    titleEn: 'Solver’s proposal',
    sections: [
      {
        id: 'plan', title: '技术方案', titleEn: 'Technical solution',
        fields: [
          { id: 'title', kind: 'text', label: '方案名称', labelEn: 'Proposal title', required: true, maxChars: 100 },
          { id: 'summary', kind: 'text', label: '技术方案（技术路线、关键技术及可行性）', labelEn: 'Technical approach and feasibility', multiline: true, required: true, maxChars: 3000 },
          { id: 'innovation', kind: 'text', label: '创新点与知识产权', labelEn: 'Innovation and IP', multiline: true, maxChars: 1500 },
          { id: 'trl', kind: 'trl', label: '技术成熟度', labelEn: 'Technology readiness level', required: true },
        ],
      },
      {
        id: PLAN_MILESTONES_REF.section, title: '实施计划', titleEn: 'Implementation plan',
        fields: [
          { id: 'months', kind: 'number', label: '实施周期', labelEn: 'Duration', unit: '月', integer: true, min: 1, max: 120, required: true },
          {
            id: PLAN_MILESTONES_REF.group, kind: 'group', label: '里程碑节点', labelEn: 'Milestones', itemLabel: '里程碑', minItems: 1, maxItems: 12, required: true,
            fields: [
              { id: 'name', kind: 'text', label: '节点名称', labelEn: 'Milestone', required: true, maxChars: 100 },
              { id: 'dueOn', kind: 'date', label: '完成日期', labelEn: 'Due on', required: true },
              { id: 'deliverable', kind: 'text', label: '考核内容与交付物', labelEn: 'Deliverables', maxChars: 300 },
            ],
          },
        ],
      },
      {
        id: 'team', title: '团队', titleEn: 'Team',
        fields: [
          { id: 'lead', kind: 'text', label: '项目负责人', labelEn: 'Project lead', required: true, maxChars: 50 },
          {
            id: 'members', kind: 'group', label: '团队成员', labelEn: 'Members', itemLabel: '成员', minItems: 1, maxItems: 30, required: true,
            fields: [
              { id: 'name', kind: 'text', label: '姓名', labelEn: 'Name', required: true, maxChars: 50 },
              { id: 'title', kind: 'text', label: '职称/职务', labelEn: 'Title', maxChars: 50 },
              { id: 'role', kind: 'text', label: '分工', labelEn: 'Role', maxChars: 100 },
            ],
          },
          { id: 'capability', kind: 'text', label: '团队能力与前期基础', labelEn: 'Capability and track record', multiline: true, required: true, maxChars: 1500 },
        ],
      },
      {
        id: 'budget', title: '经费', titleEn: 'Budget',
        description: `需求经费预算：${n.budget.min}–${n.budget.max} 万元`,
        fields: [
          { id: 'request', kind: 'number', label: '申请经费', labelEn: 'Requested funding', unit: '万元', min: 0, required: true },
          { id: 'selfFunding', kind: 'number', label: '自筹经费', labelEn: 'Own funding', unit: '万元', min: 0 },
          { id: 'breakdown', kind: 'text', label: '经费测算说明', labelEn: 'Budget breakdown', multiline: true, required: true, maxChars: 1500 },
        ],
      },
      {
        id: 'indicators', title: '预期指标（对照榜单目标）', titleEn: 'Expected indicators (against the need’s targets)',
        fields: n.indicators.map((ind, i) => ({
          id: `i${i + 1}`, kind: 'number' as const, label: `${ind.name}（榜单目标 ${comparator(ind)} ${ind.target}${ind.unit}）`, labelEn: `${ind.name} (target ${comparator(ind)} ${ind.target}${ind.unit})`,
          ...(ind.unit ? { unit: ind.unit } : {}), required: true,
        })),
      },
      {
        id: 'attachments', title: '附件', titleEn: 'Attachments',
        fields: [{ id: 'files', kind: 'file', label: '佐证材料（检测报告、专利、前期成果等）', labelEn: 'Supporting documents', accept: ['.pdf', '.doc', '.docx', '.jpg', '.png'], maxSizeMB: 20, multiple: true, maxFiles: 10 }],
      },
      {
        id: 'pledge', title: '承诺申明', titleEn: 'Declaration',
        fields: [{ id: 'declaration', kind: 'declaration', label: '承诺申明', text: '本单位承诺所提交的揭榜方案及全部材料真实、准确、完整，不存在知识产权纠纷；如揭榜入选，将按实施计划推进并接受里程碑考核。' }],
      },
    ],
  };
}

/** 揭榜 review: feasibility, how far the indicators go beyond the targets, the team, the money, the plan. */
export const jiebangRubric: z.input<typeof RubricSchema> = {
  id: JIEBANG_RUBRIC_ID,
  name: '揭榜方案评审标准',
  nameEn: 'Solver proposal rubric',
  gates: [{ id: 'responsive', name: '方案针对榜单所列技术难点与目标指标', nameEn: 'The proposal answers the need and its targets' }],
  criteria: [
    { id: 'feasibility', name: '技术方案可行性', nameEn: 'Feasibility of the technical approach', weight: 30, max: 10, commentBelow: 6 },
    { id: 'indicators', name: '指标先进性（对照榜单目标）', nameEn: 'Indicators against the targets', weight: 25, max: 10, commentBelow: 6 },
    { id: 'team', name: '团队能力与前期基础', nameEn: 'Team capability', weight: 20, max: 10 },
    { id: 'budget', name: '经费合理性', nameEn: 'Budget soundness', weight: 15, max: 10 },
    { id: 'plan', name: '实施计划与里程碑', nameEn: 'Implementation plan and milestones', weight: 10, max: 10 },
  ],
};

/**
 * The definition of a 揭榜挂帅 program for the given needs: one track per need, in order
 * (`need1`, `need2`…). The call runs from `opensOn` to the latest need's deadline (one program
 * has one call; each track's description states its own deadline), then review and publication.
 */
export function buildJiebangProgram(input: JiebangProgramInput): { definition: ProgramDefinitionInput; tracks: { needId: string; trackId: string; name: string }[] } {
  const callEnds = input.needs.map((n) => n.deadline).sort().at(-1) ?? input.opensOn;
  const reviewStarts = addDays(callEnds, 1);
  const reviewEnds = addDays(reviewStarts, (input.reviewDays ?? 30) - 1);
  const publishStarts = addDays(reviewEnds, 1);
  const tracks = input.needs.map((n, i) => ({ needId: n.id, trackId: trackIdForNeed(i), name: n.problem }));
  const committee = input.approval === 'committee';
  const definition: ProgramDefinitionInput = {
    slug: input.slug,
    name: input.name,
    year: Number(input.opensOn.slice(0, 4)),
    organizers: input.organizers,
    summary: `揭榜挂帅：面向${input.needs.length}项共性技术难点公开征集解决方案，发榜单位与专家共同评审；每项需求可择优支持至多${input.solversPerNeed ?? 2}个揭榜团队并行攻关（赛马），按里程碑考核。`,
    phases: [
      { id: 'call', kind: 'call', name: '揭榜申报', nameEn: 'Call for solvers', startsAt: input.opensOn, endsAt: `${callEnds} 24:00` },
      { id: 'review', kind: 'final', name: '揭榜评审', nameEn: 'Review', startsAt: reviewStarts, endsAt: reviewEnds },
      { id: 'publication', kind: 'publication', name: '结果发布', nameEn: 'Publication', startsAt: publishStarts, endsAt: addDays(publishStarts, 14) },
    ],
    tracks: input.needs.map((n, i) => ({
      id: tracks[i].trackId,
      name: n.problem,
      description: needTrackDescription(n),
      formId: formIdFor(tracks[i].trackId),
      applicant: 'organization',
      entry: 'direct',
      awardTiers: [{ id: JIEBANG_TIER_ID, name: '揭榜入选', nameEn: 'Selected solver', count: input.solversPerNeed ?? 2 }],
    })),
    forms: input.needs.map((n, i) => solverForm(tracks[i].trackId, n)),
    review: {
      reviewsPerApplication: 3,
      affinityFields: tracks.map((t) => ({ form: formIdFor(t.trackId), fields: ['plan.title', 'plan.summary', 'plan.innovation'] })),
      rubrics: [jiebangRubric],
      // The poster's representative and the experts review together: one round, mean of their sheets.
      rounds: [{ id: 'review', phase: 'review', rubric: JIEBANG_RUBRIC_ID, entry: { kind: 'all' }, blind: false, aggregation: 'mean' }],
    },
    decision: {
      approval: committee ? { by: 'committee', name: '揭榜挂帅评审委员会审定', phase: 'review', approvalsRequired: 1 } : { by: 'none' },
      publicity: { results: { required: false, workingDays: 5, show: ['title', 'organization', 'track', 'tier'] } },
      certificate: {
        title: '揭榜挂帅入选证书',
        text: '{organization}：\n你单位在{program}中揭榜“{track}”，方案“{project}”{tier}。\n特发此证。',
        serialPrefix: 'JBGS',
      },
    },
  };
  return { definition, tracks };
}
