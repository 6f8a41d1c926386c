import { z } from 'zod';
import { shanghaiToEpoch } from '../program/shanghai-time.ts';
import { IsoDaySchema } from './need.schema.ts';

// 赛马: every funded solver of a 揭榜挂帅 need works to milestones (from its plan, or set by the
// organizer). The solver uploads a report for each; the organizer and experts score it 0–100
// with a comment. The comparison puts a need's solvers side by side: on time or not, scores,
// average. The arithmetic is here, pure, so the page and the server agree.

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });

export const MilestoneInputSchema = z.strictObject({
  /** An existing milestone keeps its id (and its reports); a new one has none. */
  id: z.string().min(1).max(100).optional(),
  name: z.string().trim().refine((v) => v.length >= 1 && v.length <= 100, msg('请填写里程碑名称（1–100 字）', 'Name the milestone (1–100 characters)')),
  dueOn: IsoDaySchema,
});
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

export const SetMilestonesRequestSchema = z.strictObject({
  milestones: z.array(MilestoneInputSchema).min(1, msg('至少设置一个里程碑', 'Set at least one milestone')).max(24),
});

export const MilestoneScoreRequestSchema = z.strictObject({
  score: z.number().min(0, msg('分数为 0–100', 'A score is 0–100')).max(100, msg('分数为 0–100', 'A score is 0–100')),
  comment: z.string().trim().refine((v) => v.length >= 2 && v.length <= 2000, msg('请写明评分意见（2–2000 字）', 'Write a comment (2–2000 characters)')),
});
export type MilestoneScoreRequest = z.infer<typeof MilestoneScoreRequestSchema>;

export const milestoneStates = ['on_time', 'late', 'overdue', 'pending'] as const;
export type MilestoneState = (typeof milestoneStates)[number];
export const milestoneStateNames: Record<MilestoneState, { 'zh-CN': string; en: string }> = {
  on_time: { 'zh-CN': '按期完成', en: 'On time' },
  late: { 'zh-CN': '逾期提交', en: 'Reported late' },
  overdue: { 'zh-CN': '已逾期未提交', en: 'Overdue' },
  pending: { 'zh-CN': '未到期', en: 'Not yet due' },
};

/** A milestone is on time when its first report came by 24:00 (Shanghai) of its due day. */
export function milestoneState(dueOn: string, firstReportAt: number | null, now: number): MilestoneState {
  const due = shanghaiToEpoch(dueOn, { endOfDay: true });
  if (firstReportAt !== null) return firstReportAt <= due ? 'on_time' : 'late';
  return now > due ? 'overdue' : 'pending';
}

const round1 = (x: number) => Math.round(x * 10) / 10;
/** The mean, to one decimal; null for nothing. */
export const meanOf = (xs: number[]): number | null => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

export type SolverMilestoneFacts = { dueOn: string; firstReportAt: number | null; scores: number[] };
export type SolverSummary = { states: MilestoneState[]; milestoneScores: (number | null)[]; onTime: number; late: number; overdue: number; pending: number; averageScore: number | null; onTimeRate: number | null };

/**
 * One solver's figures: each milestone's state and mean score, how many were on time, late,
 * overdue or not yet due, the average over the scored milestones, and the on-time rate over
 * those that are due or reported.
 */
export function summarizeSolver(milestones: SolverMilestoneFacts[], now: number): SolverSummary {
  const states = milestones.map((m) => milestoneState(m.dueOn, m.firstReportAt, now));
  const milestoneScores = milestones.map((m) => meanOf(m.scores));
  const count = (s: MilestoneState) => states.filter((x) => x === s).length;
  const onTime = count('on_time');
  const decided = onTime + count('late') + count('overdue');
  return {
    states, milestoneScores, onTime, late: count('late'), overdue: count('overdue'), pending: count('pending'),
    averageScore: meanOf(milestoneScores.filter((s): s is number => s !== null)),
    onTimeRate: decided ? round1((onTime / decided) * 100) : null,
  };
}

const ReportSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string(), uploadedAt: z.number() });
const ScoreSchema = z.object({ score: z.number(), comment: z.string(), scoredAt: z.number(), scorer: z.string().nullable(), mine: z.boolean() });

export const MilestoneViewSchema = z.object({
  id: z.string(),
  seq: z.number(),
  name: z.string(),
  dueOn: z.string(),
  state: z.enum(milestoneStates),
  firstReportAt: z.number().nullable(),
  reports: z.array(ReportSchema),
  scores: z.array(ScoreSchema),
  averageScore: z.number().nullable(),
});
export type MilestoneView = z.infer<typeof MilestoneViewSchema>;

export const SolverViewSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  organization: z.string(),
  title: z.string(),
  milestones: z.array(MilestoneViewSchema),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  pending: z.number(),
  onTimeRate: z.number().nullable(),
  averageScore: z.number().nullable(),
});
export type SolverView = z.infer<typeof SolverViewSchema>;

export const MilestoneComparisonSchema = z.object({
  programId: z.string(),
  tracks: z.array(z.object({
    trackId: z.string(),
    trackName: z.string(),
    needId: z.string().nullable(),
    solvers: z.array(SolverViewSchema),
  })),
  /** What the asker may do: set milestones (the organizer), score (organizer or the track's experts). */
  canManage: z.boolean(),
  canScore: z.boolean(),
});
export type MilestoneComparison = z.infer<typeof MilestoneComparisonSchema>;

export const MyMilestonesSchema = z.object({ items: z.array(SolverViewSchema.extend({ trackId: z.string(), trackName: z.string() })) });
export const MilestoneReportSchema = ReportSchema;
