import { z } from 'zod';

// A rubric (评分标准): weighted criteria that sum to 100, each on its own scale (0–max, or
// anchored levels with a text per level), pass/fail gates (河南's 基本要求) and the comments an
// expert must write. The arithmetic on it is in score-sheet.ts.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Text = z.string().trim().min(1).max(500);

export const LevelSchema = z.strictObject({
  score: z.number().min(0).max(1000),
  text: z.string().trim().min(1).max(1000),
  textEn: z.string().max(1000).optional(),
});

export const CriterionSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  /** Share of the total, in percent; a rubric's weights sum to 100. */
  weight: z.number().positive().max(100),
  /** 0–max in steps of `step`, unless `levels` anchor the scale. */
  max: z.number().positive().max(1000).default(10),
  step: z.number().positive().max(100).default(1),
  /** Anchored levels (优 / 良 / 中 / 差 with what each means): the expert picks one. */
  levels: z.array(LevelSchema).max(20).optional(),
  guidance: z.string().max(5000).optional(),
  guidanceEn: z.string().max(5000).optional(),
  /** Below this score the criterion's comment becomes required (a low score says why). */
  commentBelow: z.number().min(0).max(1000).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const GateSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  guidance: z.string().max(5000).optional(),
  guidanceEn: z.string().max(5000).optional(),
});
export type Gate = z.infer<typeof GateSchema>;

export const RubricSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  /** Pass/fail first: a failed gate excludes the application from ranking, with the reason. */
  gates: z.array(GateSchema).max(50).default([]),
  criteria: z.array(CriterionSchema).min(1).max(50),
  /** The overall comment (总体评价): required unless the program says otherwise. */
  overallComment: z.enum(['required', 'optional']).default('required'),
});
export type Rubric = z.infer<typeof RubricSchema>;

/** The highest score a criterion can get. */
export const criterionMax = (c: Criterion): number => (c.levels?.length ? Math.max(...c.levels.map((l) => l.score)) : c.max);

type Problem = { path: (string | number)[]; zh: string; en: string };

/** What is wrong with a rubric, in both languages: weights, scales, levels, thresholds. */
export function rubricProblems(r: Rubric): Problem[] {
  const out: Problem[] = [];
  const sum = r.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 100) > 1e-9) {
    out.push({ path: ['criteria'], zh: `评分标准“${r.name}”各项权重之和为 ${round(sum)}，应为 100`, en: `The weights of rubric "${r.nameEn ?? r.name}" sum to ${round(sum)}, not 100` });
  }
  const seen = new Set<string>();
  [...r.criteria, ...r.gates].forEach((c) => {
    if (seen.has(c.id)) out.push({ path: ['criteria'], zh: `重复的评分项 id：${c.id}`, en: `duplicate criterion or gate id: ${c.id}` });
    seen.add(c.id);
  });
  r.criteria.forEach((c, i) => {
    if (c.levels?.length) {
      const scores = c.levels.map((l) => l.score);
      if (new Set(scores).size !== scores.length) out.push({ path: ['criteria', i, 'levels'], zh: `评分项“${c.name}”的档次分值重复`, en: `criterion "${c.id}" has two levels with the same score` });
    } else if (!isMultiple(c.max, c.step)) {
      out.push({ path: ['criteria', i, 'step'], zh: `评分项“${c.name}”的满分 ${c.max} 不是步长 ${c.step} 的整数倍`, en: `criterion "${c.id}": max ${c.max} is not a multiple of step ${c.step}` });
    }
    if (c.commentBelow !== undefined && c.commentBelow > criterionMax(c)) {
      out.push({ path: ['criteria', i, 'commentBelow'], zh: `评分项“${c.name}”的必填评语分数线 ${c.commentBelow} 高于满分 ${criterionMax(c)}`, en: `criterion "${c.id}": commentBelow ${c.commentBelow} is above its maximum ${criterionMax(c)}` });
    }
  });
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Whether x is a whole number of steps (within float noise: 0.1 + 0.2 is a multiple of 0.1). */
export const isMultiple = (x: number, step: number): boolean => Math.abs(x / step - Math.round(x / step)) < 1e-9;
