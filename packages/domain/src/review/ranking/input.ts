import { z } from 'zod';
import { AppError, type FieldError } from '../../errors.ts';
import { issuesToFieldErrors } from '../../api/zod-issues.ts';
import { rankingMethods, type RankingMethod, type RankingOptions, type ScoredReview } from './types.ts';

// Checks the reviews and options, and turns string ids into indices in typed arrays. Ids
// are sorted and the reviews put in (application, expert) order first, so the same reviews
// in any order give bit-for-bit the same ranking: floating-point sums depend on the order.

export const RankingOptionsSchema = z
  .strictObject({
    method: z.enum(rankingMethods).optional(),
    cut: z.number().optional(),
    cutRank: z.int().min(1).optional(),
    ridge: z.number().min(0).optional(),
    disagreementThreshold: z.number().min(0).optional(),
    scale: z.boolean().optional(),
  })
  .refine((o) => o.cut === undefined || o.cutRank === undefined, {
    path: ['cutRank'],
    message: '分数线（cut）与名额（cutRank）只能指定一个',
    params: { en: 'Give either cut (a score) or cutRank (top N), not both' },
  });

export type CheckedOptions = {
  method: RankingMethod;
  cut: number | null;
  cutRank: number | null;
  ridge: number;
  disagreementThreshold: number | null;
  scale: boolean;
};

/** The reviews as arrays, in (application, expert) order; application a owns reviews appStart[a] … appStart[a+1]−1. */
export type IndexedReviews = {
  appIds: string[];
  expertIds: string[];
  app: Int32Array;
  expert: Int32Array;
  score: Float64Array;
  appStart: Int32Array;
};

/** Beyond this many problems the list stops: a wholly wrong file should not produce 60,000 messages. */
const MAX_FIELD_ERRORS = 50;

export function checkOptions(options: RankingOptions | undefined): CheckedOptions {
  const parsed = RankingOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new AppError('VALIDATION', { fields: issuesToFieldErrors(parsed.error.issues, 'options') });
  const o = parsed.data;
  return {
    method: o.method ?? 'calibrated',
    cut: o.cut ?? null,
    cutRank: o.cutRank ?? null,
    ridge: o.ridge ?? 1,
    disagreementThreshold: o.disagreementThreshold ?? null,
    scale: o.scale ?? true,
  };
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function indexReviews(reviews: readonly ScoredReview[]): IndexedReviews {
  if (!Array.isArray(reviews)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'reviews', message: { 'zh-CN': '评审数据应为列表', en: 'reviews must be an array' } }] });
  }
  const fields: FieldError[] = [];
  const problem = (path: string, zh: string, en: string) => {
    if (fields.length < MAX_FIELD_ERRORS) fields.push({ path, message: { 'zh-CN': zh, en } });
  };
  const N = reviews.length;
  for (let i = 0; i < N; i++) {
    const r = reviews[i] as Partial<ScoredReview> | null;
    if (typeof r !== 'object' || r === null) {
      problem(`reviews.${i}`, '应为 {app, expert, score}', 'must be an object {app, expert, score}');
      continue;
    }
    if (!isId(r.app)) problem(`reviews.${i}.app`, '申报编号不能为空', 'application id must be a non-empty string');
    if (!isId(r.expert)) problem(`reviews.${i}.expert`, '专家编号不能为空', 'expert id must be a non-empty string');
    if (typeof r.score !== 'number' || !Number.isFinite(r.score)) problem(`reviews.${i}.score`, `评分应为有限数值（收到 ${String(r.score)}）`, `score must be a finite number (got ${String(r.score)})`);
  }
  if (fields.length) throw new AppError('VALIDATION', { fields, details: { reviews: N } });

  // Ids numbered as first seen, then renumbered in sorted order.
  const sortedIndex = (ids: string[]) => {
    const order = ids.map((_, i) => i).sort((x, y) => (ids[x] < ids[y] ? -1 : 1));
    const rank = new Int32Array(ids.length);
    order.forEach((i, r) => (rank[i] = r));
    return { sorted: order.map((i) => ids[i]), rank };
  };
  const seenApps = new Map<string, number>();
  const seenExperts = new Map<string, number>();
  const firstApps: string[] = [];
  const firstExperts: string[] = [];
  const inApp = new Int32Array(N);
  const inExpert = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const { app: a, expert: e } = reviews[i];
    let x = seenApps.get(a);
    if (x === undefined) seenApps.set(a, (x = firstApps.push(a) - 1));
    let y = seenExperts.get(e);
    if (y === undefined) seenExperts.set(e, (y = firstExperts.push(e) - 1));
    inApp[i] = x;
    inExpert[i] = y;
  }
  const apps = sortedIndex(firstApps);
  const experts = sortedIndex(firstExperts);
  const appIds = apps.sorted;
  const expertIds = experts.sorted;
  const A = appIds.length;
  const appStart = new Int32Array(A + 1);
  for (let i = 0; i < N; i++) {
    inApp[i] = apps.rank[inApp[i]];
    inExpert[i] = experts.rank[inExpert[i]];
    appStart[inApp[i] + 1]++;
  }
  for (let a = 0; a < A; a++) appStart[a + 1] += appStart[a];
  // Counting sort by application, then each application's few reviews by expert (insertion sort).
  const order = new Int32Array(N);
  const fill = appStart.slice(0, A);
  for (let i = 0; i < N; i++) order[fill[inApp[i]]++] = i;
  for (let a = 0; a < A; a++) {
    for (let k = appStart[a] + 1; k < appStart[a + 1]; k++) {
      const v = order[k];
      let j = k - 1;
      while (j >= appStart[a] && inExpert[order[j]] > inExpert[v]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }
  const app = new Int32Array(N);
  const expert = new Int32Array(N);
  const score = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const i = order[k];
    app[k] = inApp[i];
    expert[k] = inExpert[i];
    score[k] = reviews[i].score;
    // Two scores from one expert for one application: which one counts is not ours to guess.
    if (k > appStart[app[k]] && expert[k] === expert[k - 1]) {
      problem(`reviews.${i}`, `专家 ${reviews[i].expert} 对申报 ${reviews[i].app} 重复评分（另见第 ${order[k - 1] + 1} 条）`, `expert ${reviews[i].expert} scored application ${reviews[i].app} twice (also review ${order[k - 1] + 1})`);
    }
  }
  if (fields.length) throw new AppError('VALIDATION', { fields, details: { reviews: N } });
  return { appIds, expertIds, app, expert, score, appStart };
}
