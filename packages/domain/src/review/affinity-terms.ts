// The terms affinity (affinity.ts) matches on, from Chinese and mixed Chinese/Latin text.
//
// Text is NFKC-normalised (full-width letters and digits become ASCII) and lower-cased. Terms:
// - Latin/Greek/digit words of two or more characters (pem, co2, li-ion, 3.5mw), not stop-words;
// - the character bigrams of every run of Han characters, skipping those that contain a
//   function word (的, 与, 和…): the segmenter's dictionary splits many technical words
//   (光伏 → 光|伏, 储能 → 储|能, 钙钛矿 → 钙|钛|矿), bigrams still match them;
// - in an expert's text, the Han words of three or more characters that
//   Intl.Segmenter('zh', { granularity: 'word' }) finds (规模化, 锂离子, 燃料电池). Two-character
//   words are bigrams already, so they are not counted twice.
// An application's text is matched against the experts' vocabulary instead of being segmented
// again: a long word counts wherever it occurs in the application. That finds the word even where
// the segmenter would cut the sentence differently, and it is several times faster than running
// ICU's segmenter over thousands of summaries (the words only the application uses could never
// score anyway).

const STOP_CHARS = new Set('的了和与及或等在对为是以并其之于将把被由从向也而且这那我您你他她它'.split(''));
const STOP_WORDS = new Set([
  '我们', '进行', '通过', '实现', '具有', '以及', '相关', '主要', '方面', '提供', '基于', '采用', '一种', '其中', '可以', '能够', '已经', '目前', '包括',
  'the', 'of', 'and', 'an', 'in', 'for', 'to', 'with', 'on', 'by', 'is', 'are', 'as', 'at', 'or', 'from', 'based', 'using',
]);
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Nd}](?:[\p{Script=Latin}\p{Script=Greek}\p{Nd}._+-]*[\p{Script=Latin}\p{Script=Greek}\p{Nd}])?/gu;
const MAX_LONG_WORD = 12;

let segmenter: Intl.Segmenter | undefined;

export const normalizeAffinityText = (text: string): string => text.normalize('NFKC').toLowerCase();

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
function hasStopChar(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (STOP_CHARS.has(w[i])) return true;
  return false;
}
const bump = (m: Map<string, number>, t: string) => m.set(t, (m.get(t) ?? 0) + 1);

/** The bigram at i of a Han run, or undefined when it holds a function word (or half a surrogate pair). */
function bigramAt(run: string, i: number): string | undefined {
  if (STOP_CHARS.has(run[i]) || STOP_CHARS.has(run[i + 1]) || isSurrogate(run.charCodeAt(i)) || isSurrogate(run.charCodeAt(i + 1))) return undefined;
  const bg = run[i] + run[i + 1];
  return STOP_WORDS.has(bg) ? undefined : bg;
}

function latinWords(s: string, visit: (w: string) => void): void {
  for (const m of s.matchAll(LATIN_WORD)) if (m[0].length >= 2 && !STOP_WORDS.has(m[0])) visit(m[0]);
}

/** An expert's (document) terms with their counts. */
export function affinityTerms(text: string): Map<string, number> {
  const s = normalizeAffinityText(text);
  const out = new Map<string, number>();
  latinWords(s, (w) => bump(out, w));
  for (const run of s.matchAll(HAN_RUN)) {
    const r = run[0];
    for (let i = 0; i + 1 < r.length; i++) {
      const bg = bigramAt(r, i);
      if (bg) bump(out, bg);
    }
    if (r.length < 3) continue;
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const seg of segmenter.segment(r)) {
      const w = seg.segment;
      if (w.length >= 3 && w.length <= MAX_LONG_WORD && seg.isWordLike && !hasStopChar(w) && !STOP_WORDS.has(w)) bump(out, w);
    }
  }
  return out;
}

/** The long words of the experts' texts, for finding them in applications. */
export class LongWords {
  private readonly words = new Set<string>();
  private readonly prefixes = new Set<string>();
  private maxLen = 0;

  add(term: string): void {
    if (term.length < 3 || !/^\p{Script=Han}+$/u.test(term)) return;
    this.words.add(term);
    this.prefixes.add(term.slice(0, 3));
    this.maxLen = Math.max(this.maxLen, term.length);
  }

  /** Each long word starting at i of the run. */
  at(run: string, i: number, visit: (w: string) => void): void {
    if (i + 3 > run.length || !this.prefixes.has(run.slice(i, i + 3))) return;
    for (let len = 3; len <= this.maxLen && i + len <= run.length; len++) {
      const w = run.slice(i, i + len);
      if (this.words.has(w)) visit(w);
    }
  }
}

/** An application's distinct terms, in a fixed order: per text, Latin words, then Han terms left to right. */
export function queryTerms(texts: readonly string[], long: LongWords): string[] {
  const seen = new Set<string>();
  const add = (t: string) => void seen.add(t);
  for (const text of texts) {
    const s = normalizeAffinityText(text);
    latinWords(s, add);
    for (const run of s.matchAll(HAN_RUN)) {
      const r = run[0];
      for (let i = 0; i + 1 < r.length; i++) {
        const bg = bigramAt(r, i);
        if (bg) seen.add(bg);
        long.at(r, i, add);
      }
    }
  }
  return [...seen];
}

/**
 * Shared terms as a person reads them: consecutive shared bigrams of the application's text
 * joined back into the phrase they cover (光伏 + 伏组 + 组件 → 光伏组件), each term's weight
 * given to the first phrase that holds it. Heaviest first.
 */
export function sharedPhrases(texts: readonly string[], weights: ReadonlyMap<string, number>): { term: string; weight: number }[] {
  const used = new Set<string>();
  const phrases = new Map<string, number>();
  const take = (phrase: string, terms: string[]) => {
    let w = 0;
    for (const t of terms) {
      if (used.has(t) || !weights.has(t)) continue;
      used.add(t);
      w += weights.get(t)!;
    }
    if (w > 0) phrases.set(phrase, (phrases.get(phrase) ?? 0) + w);
  };
  for (const text of texts) {
    const s = normalizeAffinityText(text);
    for (const run of s.matchAll(HAN_RUN)) {
      const r = run[0];
      let i = 0;
      while (i + 1 < r.length) {
        if (!weights.has(bigramAt(r, i) ?? '')) {
          i++;
          continue;
        }
        let j = i;
        while (j + 2 < r.length && weights.has(bigramAt(r, j + 1) ?? '')) j++;
        const phrase = r.slice(i, j + 2);
        const inside = [...weights.keys()].filter((t) => t.length >= 2 && phrase.includes(t));
        take(phrase, inside);
        i = j + 1;
      }
    }
    latinWords(s, (w) => take(w, [w]));
  }
  // Long words the phrases did not cover (none should remain; kept for safety).
  for (const [t] of weights) if (!used.has(t)) take(t, [t]);
  return [...phrases].map(([term, weight]) => ({ term, weight: Math.round(weight * 100) / 100 })).sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
