import { affinityTerms as rawTermCounts, LongWords, queryTerms, sharedPhrases } from './affinity-terms.ts';

// 匹配度: how well each expert fits each application, from text. BM25 with the experts as the
// documents (their fields' names, keywords and bio) and each application's designated answers
// as the query, plus a bonus when the application's track or catalogue fields are among the
// expert's fields. Scores are integers so the assignment solver works exactly.
//
// Chinese has no spaces: the terms (affinity-terms.ts) are character bigrams of Han text plus
// the longer words Intl.Segmenter('zh', word) finds, and Latin words. A pair is scored only when
// it shares a term or a field: an inverted index over the experts' terms finds those pairs.
//
// BM25 (Robertson/Spärck Jones with Lucene's non-negative idf): for each distinct term t of the
// application, idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)), where tf is t's weighted
// count in the expert's document. score = round(100 · Σ) + fieldBonus (once, if any field meets).

export type AffinityApplication = { texts: string[]; fieldIds: string[] };
export type AffinityExpert = { fieldIds: string[]; keywords: string[]; bio: string; fieldTexts?: string[] };
export type AffinityOptions = {
  /** Added once when the application's track/field ids meet the expert's fields (default 200). */
  fieldBonus?: number;
  /** BM25 term-frequency saturation (default 1.2). */
  k1?: number;
  /** BM25 length normalisation (default 0.75). */
  b?: number;
};
export type AffinityExplanation = { score: number; textScore: number; fieldBonus: number; sharedTerms: { term: string; weight: number }[]; fieldMatch: string[] };
export type Affinity = {
  score(app: number, expert: number): number;
  sparse(): { app: Int32Array; expert: Int32Array; score: Int32Array };
  explain(app: number, expert: number): AffinityExplanation;
};

export const DEFAULT_FIELD_BONUS = 200;
/** Keywords are what an expert says they know best: they count this many times in the document. */
const KEYWORD_WEIGHT = 2;
/** Text points per unit of BM25. */
const SCALE = 100;
const EXPLAIN_TERMS = 8;
/**
 * A term in nearly every expert's profile (idf below this: more than ~95% of a large pool)
 * tells experts apart by nothing; it is skipped, which also keeps such pairs out of the index.
 */
const MIN_IDF = 0.05;

/** A number (2024, 3.5, 1,000) says nothing about a topic: not a term. */
const NUMBER = /^[\p{Nd}.,]+$/u;

/** Term → count for one text, numbers dropped. */
function termCounts(text: string): Map<string, number> {
  const m = rawTermCounts(text);
  for (const t of m.keys()) if (NUMBER.test(t)) m.delete(t);
  return m;
}

/**
 * The terms of one text as an expert's document counts them, each as often as it occurs:
 * Latin words, then per Han run its bigrams and the segmenter's longer words. Deterministic.
 */
export function affinityTerms(text: string): string[] {
  const out: string[] = [];
  for (const [t, n] of termCounts(text)) for (let i = 0; i < n; i++) out.push(t);
  return out;
}

function addInto(into: Map<string, number>, from: Map<string, number>, weight: number): void {
  for (const [t, n] of from) into.set(t, (into.get(t) ?? 0) + n * weight);
}

/** An expert as a document: term → weighted frequency. Field names and keywords repeat across experts: `memo` segments each once. */
function expertDocument(e: AffinityExpert, memo: Map<string, Map<string, number>>): Map<string, number> {
  const terms = (t: string) => {
    let m = memo.get(t);
    if (!m) memo.set(t, (m = termCounts(t)));
    return m;
  };
  const doc = new Map<string, number>();
  for (const t of e.fieldTexts ?? []) addInto(doc, terms(t), 1);
  for (const k of e.keywords) addInto(doc, terms(k), KEYWORD_WEIGHT);
  addInto(doc, termCounts(e.bio), 1);
  return doc;
}

type Posting = { experts: Int32Array; weights: Float64Array };

export function buildAffinity(apps: readonly AffinityApplication[], experts: readonly AffinityExpert[], options: AffinityOptions = {}): Affinity {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const bonus = Math.max(0, Math.round(options.fieldBonus ?? DEFAULT_FIELD_BONUS));
  const n = experts.length;

  // The inverted index: for each term, the experts whose document has it and the term's BM25
  // weight in that document (idf · saturated, length-normalised tf).
  const memo = new Map<string, Map<string, number>>();
  const docs = experts.map((e) => expertDocument(e, memo));
  memo.clear();
  const lengths = docs.map((d) => [...d.values()].reduce((x, y) => x + y, 0));
  const avgdl = lengths.reduce((x, y) => x + y, 0) / Math.max(1, n) || 1;
  const lists = new Map<string, { e: number[]; tf: number[] }>();
  docs.forEach((d, e) => {
    for (const [t, tf] of d) {
      let l = lists.get(t);
      if (!l) lists.set(t, (l = { e: [], tf: [] }));
      l.e.push(e);
      l.tf.push(tf);
    }
  });
  const index = new Map<string, Posting>();
  for (const [t, l] of lists) {
    const df = l.e.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    if (idf < MIN_IDF) continue;
    const weights = new Float64Array(df);
    for (let i = 0; i < df; i++) {
      const tf = l.tf[i];
      weights[i] = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[l.e[i]]) / avgdl));
    }
    index.set(t, { experts: Int32Array.from(l.e), weights });
  }
  lists.clear();
  const long = new LongWords();
  for (const t of index.keys()) long.add(t);
  const fieldIndex = new Map<string, number[]>();
  experts.forEach((x, e) => {
    for (const f of new Set(x.fieldIds)) {
      let l = fieldIndex.get(f);
      if (!l) fieldIndex.set(f, (l = []));
      l.push(e);
    }
  });

  // Every application against the index: a row of (expert, score) pairs, experts ascending.
  const rowStart = new Int32Array(apps.length + 1);
  const outExpert: number[] = [];
  const outScore: number[] = [];
  const acc = new Float64Array(n);
  const hasBonus = new Uint8Array(n);
  const touched = new Uint8Array(n);
  let list: number[] = [];
  apps.forEach((a, ai) => {
    list = [];
    for (const t of queryTerms(a.texts, long)) {
      const p = index.get(t);
      if (!p) continue;
      for (let i = 0; i < p.experts.length; i++) {
        const e = p.experts[i];
        if (!touched[e]) {
          touched[e] = 1;
          list.push(e);
        }
        acc[e] += p.weights[i];
      }
    }
    if (bonus) {
      for (const f of new Set(a.fieldIds)) {
        for (const e of fieldIndex.get(f) ?? []) {
          if (!touched[e]) {
            touched[e] = 1;
            list.push(e);
          }
          hasBonus[e] = 1;
        }
      }
    }
    list.sort((x, y) => x - y);
    for (const e of list) {
      const s = Math.round(SCALE * acc[e]) + (hasBonus[e] ? bonus : 0);
      if (s > 0) {
        outExpert.push(e);
        outScore.push(s);
      }
      acc[e] = 0;
      hasBonus[e] = 0;
      touched[e] = 0;
    }
    rowStart[ai + 1] = outExpert.length;
  });
  const expertsCsr = Int32Array.from(outExpert);
  const scoresCsr = Int32Array.from(outScore);

  const check = (app: number, expert: number) => {
    if (!Number.isInteger(app) || app < 0 || app >= apps.length) throw new RangeError(`no application ${app}`);
    if (!Number.isInteger(expert) || expert < 0 || expert >= n) throw new RangeError(`no expert ${expert}`);
  };

  function score(app: number, expert: number): number {
    check(app, expert);
    let lo = rowStart[app];
    let hi = rowStart[app + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = expertsCsr[mid];
      if (e === expert) return scoresCsr[mid];
      if (e < expert) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  function sparse() {
    const app = new Int32Array(expertsCsr.length);
    for (let a = 0; a < apps.length; a++) app.fill(a, rowStart[a], rowStart[a + 1]);
    return { app, expert: expertsCsr.slice(), score: scoresCsr.slice() };
  }

  function explain(app: number, expert: number): AffinityExplanation {
    check(app, expert);
    // The same terms in the same order as above, so the sum (and its rounding) is the same.
    let sum = 0;
    const shared = new Map<string, number>();
    for (const t of queryTerms(apps[app].texts, long)) {
      const p = index.get(t);
      if (!p) continue;
      const i = indexOf(p.experts, expert);
      if (i < 0) continue;
      sum += p.weights[i];
      shared.set(t, SCALE * p.weights[i]);
    }
    const fieldMatch = [...new Set(apps[app].fieldIds)].filter((f) => experts[expert].fieldIds.includes(f));
    const textScore = Math.round(SCALE * sum);
    const fieldBonus = fieldMatch.length && bonus ? bonus : 0;
    const sharedTerms = shared.size ? sharedPhrases(apps[app].texts, shared).slice(0, EXPLAIN_TERMS) : [];
    return { score: textScore + fieldBonus, textScore, fieldBonus, sharedTerms, fieldMatch };
  }

  return { score, sparse, explain };
}

/** Position of x in an ascending Int32Array, or -1. */
function indexOf(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return mid;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
