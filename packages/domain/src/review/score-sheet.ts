import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { criterionMax, isMultiple, type Criterion, type Rubric } from './rubric.schema.ts';

// One expert's score sheet (评分表) for one application in one round, and what it adds up to.
// A draft may hold anything of the right shape (autosave keeps every keystroke); only
// submission requires a complete, valid sheet. The total is Σ weight × score / max: 0–100.

export const SheetSchema = z.strictObject({
  scores: z.record(z.string().max(64), z.number().finite().nullable()).default({}),
  comments: z.record(z.string().max(64), z.string().max(5000)).default({}),
  gates: z.record(z.string().max(64), z.strictObject({ pass: z.boolean().nullable(), note: z.string().max(2000).default('') })).default({}),
  overallComment: z.string().max(10_000).default(''),
});
export type Sheet = z.infer<typeof SheetSchema>;

export const emptySheet = (): Sheet => ({ scores: {}, comments: {}, gates: {}, overallComment: '' });

const msg = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function scoreProblem(c: Criterion, v: number): FieldError['message'] | null {
  const max = criterionMax(c);
  if (c.levels?.length) {
    return c.levels.some((l) => l.score === v) ? null : msg(`请选择“${c.name}”的一个档次（${c.levels.map((l) => l.score).join('、')}）`, `Pick one of the levels of "${c.nameEn ?? c.name}" (${c.levels.map((l) => l.score).join(', ')})`);
  }
  if (v < 0 || v > max) return msg(`“${c.name}”的分数应在 0–${max} 之间`, `"${c.nameEn ?? c.name}" must be between 0 and ${max}`);
  if (!isMultiple(v, c.step)) return msg(`“${c.name}”的分数应为 ${c.step} 的整数倍`, `"${c.nameEn ?? c.name}" must be a multiple of ${c.step}`);
  return null;
}

/** Scores or gates the rubric does not have: never a draft's, always a mistake of the caller. */
export function unknownKeys(rubric: Rubric, sheet: Sheet): FieldError[] {
  const out: FieldError[] = [];
  const known = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(sheet.scores)) if (!known.has(id)) out.push({ path: `scores.${id}`, message: msg(`评分表中没有评分项 ${id}`, `The rubric has no criterion ${id}`) });
  const gateIds = new Set(rubric.gates.map((g) => g.id));
  for (const id of Object.keys(sheet.gates)) if (!gateIds.has(id)) out.push({ path: `gates.${id}`, message: msg(`评分表中没有基本要求 ${id}`, `The rubric has no gate ${id}`) });
  return out;
}

/**
 * What keeps the sheet from being submitted, field by field. With `complete: false` (a draft)
 * only values that are wrong are reported, not those still missing.
 */
export function sheetProblems(rubric: Rubric, sheet: Sheet, { complete }: { complete: boolean }): FieldError[] {
  const out = unknownKeys(rubric, sheet);

  for (const g of rubric.gates) {
    const v = sheet.gates[g.id];
    if ((v?.pass ?? null) === null) {
      if (complete) out.push({ path: `gates.${g.id}`, message: msg(`请判断“${g.name}”是否满足`, `Say whether "${g.nameEn ?? g.name}" is met`) });
    } else if (v!.pass === false && !v!.note.trim() && complete) {
      out.push({ path: `gates.${g.id}.note`, message: msg(`“${g.name}”不满足时须说明原因`, `Say why "${g.nameEn ?? g.name}" is not met`) });
    }
  }
  // A failed gate ends the review: the criteria need not be scored.
  const failed = rubric.gates.some((g) => sheet.gates[g.id]?.pass === false);
  for (const c of rubric.criteria) {
    const v = sheet.scores[c.id] ?? null;
    if (v === null) {
      if (complete && !failed) out.push({ path: `scores.${c.id}`, message: msg(`请为“${c.name}”打分`, `Score "${c.nameEn ?? c.name}"`) });
      continue;
    }
    const p = scoreProblem(c, v);
    if (p) out.push({ path: `scores.${c.id}`, message: p });
    else if (complete && c.commentBelow !== undefined && v < c.commentBelow && !(sheet.comments[c.id] ?? '').trim()) {
      out.push({ path: `comments.${c.id}`, message: msg(`“${c.name}”低于 ${c.commentBelow} 分时须填写评语`, `A score of "${c.nameEn ?? c.name}" below ${c.commentBelow} needs a comment`) });
    }
  }
  if (complete && rubric.overallComment === 'required' && !sheet.overallComment.trim()) {
    out.push({ path: 'overallComment', message: msg('请填写总体评价', 'Write an overall comment') });
  }
  return out;
}

export type SheetTotal = {
  /** Σ weight × score / max, 0–100; null while a criterion is unscored or a gate failed. */
  total: number | null;
  parts: { criterionId: string; score: number | null; max: number; weight: number; weighted: number | null }[];
  failedGates: { gateId: string; name: string; note: string }[];
};

export function sheetTotal(rubric: Rubric, sheet: Sheet): SheetTotal {
  const parts = rubric.criteria.map((c) => {
    const score = sheet.scores[c.id] ?? null;
    const max = criterionMax(c);
    return { criterionId: c.id, score, max, weight: c.weight, weighted: score === null ? null : (c.weight * score) / max };
  });
  const failedGates = rubric.gates.filter((g) => sheet.gates[g.id]?.pass === false).map((g) => ({ gateId: g.id, name: g.name, note: sheet.gates[g.id]!.note }));
  const complete = parts.every((p) => p.weighted !== null);
  const total = complete && !failedGates.length ? Math.round(parts.reduce((s, p) => s + p.weighted!, 0) * 1e6) / 1e6 : null;
  return { total, parts, failedGates };
}
