import { affinityTerms, normalizeAffinityText } from '../review/affinity-terms.ts';

// Full-text search of the public catalog: an in-memory inverted index of the published versions,
// BM25-ranked, with the terms the affinity scorer uses (affinity-terms.ts: NFKC, Han bigrams,
// Intl.Segmenter's longer words, Latin words), so 光伏组件 matches 光伏组件回收 and 钙钛矿 the same
// way in both places. Pure: the server keeps one per process and feeds it changed entries.
//
// Matching: a query's bigrams and Latin words are its required terms; an entry matches when it
// holds at least 60% of them (so a long query still finds an entry that words it differently,
// and a two-word query needs both words). The segmenter's longer words only add to the score.
// A query of a single Han character has no bigram: it matches nothing (the UI asks for two).
//
// Layout, for 10,000 entries of ~1,000 characters: terms get integer ids; each term's postings
// are one growing Int32Array of slot·64 + tf (tf capped at 63, far past BM25's saturation); an
// entry's slot keeps its term ids and counts, so removing it adjusts document frequencies
// without re-segmenting, and a rebuild (once removed slots outnumber live ones) copies postings.

export type CatalogDoc = {
  id: string;
  /** Weighted ×3: the name is what a searcher types. */
  name: string;
  texts: string[];
  fieldId: string;
  /** GB/T 2260 code of the owner's organization. */
  regionCode: string;
  trl: number;
  co2ReducedT: number | null;
  energySavedTce: number | null;
  /** For the order without a query: newest first. */
  publishedAt: number;
};

export type CatalogFilters = {
  q?: string;
  fieldId?: string;
  /** A province (41), city (4101) or county (410105) code; 410000 is read as 41. */
  region?: string;
  trlMin?: number;
  trlMax?: number;
  co2Min?: number;
  energyMin?: number;
};

export type CatalogHit = { id: string; score: number };
export type CatalogSearchResult = { total: number; hits: CatalogHit[]; terms: string[] };

type Slot = {
  doc: Omit<CatalogDoc, 'name' | 'texts'>;
  termIds: Int32Array;
  tfs: Uint8Array;
  len: number;
};

const NAME_WEIGHT = 3;
const MAX_TF = 63;
const MIN_MATCH = 0.6;
const K1 = 1.2;
const B = 0.75;
const NUMBER = /^[\p{Nd}.,]+$/u;
const LONG_WORD = /^\p{Script=Han}{3,}$/u;

/** The region code as a prefix: trailing 00 pairs of a province or city code dropped. */
export function catalogRegionPrefix(code: string): string {
  let c = code.trim();
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/** A text's terms with counts, numbers dropped (as affinity does). */
function termsOf(text: string): Map<string, number> {
  const m = affinityTerms(text);
  for (const t of m.keys()) if (NUMBER.test(t)) m.delete(t);
  return m;
}

/** The distinct terms of a query, and which of them are required (bigrams, Latin words). */
export function catalogQueryTerms(q: string): { all: string[]; required: string[] } {
  const all = [...termsOf(q).keys()];
  return { all, required: all.filter((t) => !LONG_WORD.test(t)) };
}

export class CatalogSearchIndex {
  private readonly termId = new Map<string, number>();
  private post: Int32Array[] = [];
  private postLen: number[] = [];
  private df: number[] = [];
  private slots: (Slot | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private totalLen = 0;
  private dead = 0;
  private score = new Float64Array(0);
  private matched = new Uint16Array(0);
  /** Live slots newest first; dropped by every change. */
  private recency: Int32Array | null = null;

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds the entry, replacing what the index held for its id. */
  upsert(doc: CatalogDoc): void {
    this.remove(doc.id);
    const counts = new Map<number, number>();
    const add = (text: string, weight: number) => {
      for (const [t, n] of termsOf(text)) {
        let id = this.termId.get(t);
        if (id === undefined) {
          id = this.post.length;
          this.termId.set(t, id);
          this.post.push(new Int32Array(4));
          this.postLen.push(0);
          this.df.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + n * weight);
      }
    };
    add(doc.name, NAME_WEIGHT);
    for (const t of doc.texts) add(t, 1);
    const termIds = new Int32Array(counts.size);
    const tfs = new Uint8Array(counts.size);
    let len = 0;
    let i = 0;
    for (const [id, n] of counts) {
      termIds[i] = id;
      tfs[i++] = Math.min(MAX_TF, n);
      len += n;
    }
    const { name: _n, texts: _t, ...rest } = doc;
    const slot = this.slots.length;
    this.recency = null;
    this.slots.push({ doc: rest, termIds, tfs, len });
    this.slotOf.set(doc.id, slot);
    this.totalLen += len;
    for (let j = 0; j < termIds.length; j++) {
      this.push(termIds[j], slot * 64 + tfs[j]);
      this.df[termIds[j]]++;
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const s = this.slots[slot]!;
    for (const t of s.termIds) this.df[t]--;
    this.totalLen -= s.len;
    this.slots[slot] = null;
    this.slotOf.delete(id);
    this.recency = null;
    this.dead++;
    if (this.dead > 1000 && this.dead > this.slotOf.size) this.compact();
  }

  search(f: CatalogFilters, offset = 0, limit = 20): CatalogSearchResult {
    const keep = this.filter(f);
    const q = catalogQueryTerms(f.q ?? '');
    if (q.all.length) {
      const ranked = this.rank(q, keep);
      return { total: ranked.length, hits: ranked.slice(offset, offset + limit), terms: q.all };
    }
    // Without a query: newest first, from the order kept between changes (no sort per search).
    const hits: CatalogHit[] = [];
    let total = 0;
    for (const slot of this.byRecency()) {
      const s = this.slots[slot]!;
      if (!keep(s)) continue;
      if (total >= offset && hits.length < limit) hits.push({ id: s.doc.id, score: 0 });
      total++;
    }
    return { total, hits, terms: [] };
  }

  private byRecency(): Int32Array {
    if (!this.recency) {
      const live = [...this.slotOf.values()];
      live.sort((a, b) => this.slots[b]!.doc.publishedAt - this.slots[a]!.doc.publishedAt || (this.slots[a]!.doc.id < this.slots[b]!.doc.id ? -1 : 1));
      this.recency = Int32Array.from(live);
    }
    return this.recency;
  }

  private rank(q: { all: string[]; required: string[] }, keep: (s: Slot) => boolean): CatalogHit[] {
    const n = this.slotOf.size;
    if (this.score.length < this.slots.length) {
      this.score = new Float64Array(this.slots.length * 2);
      this.matched = new Uint16Array(this.slots.length * 2);
    }
    const avg = this.totalLen / Math.max(1, n);
    const required = new Set(q.required);
    const need = Math.max(1, Math.ceil(MIN_MATCH * q.required.length));
    const touched: number[] = [];
    for (const term of q.all) {
      const t = this.termId.get(term);
      if (t === undefined || !this.df[t]) continue;
      const idf = Math.log(1 + (n - this.df[t] + 0.5) / (this.df[t] + 0.5));
      const isRequired = required.has(term);
      const list = this.post[t];
      for (let i = 0, end = this.postLen[t]; i < end; i++) {
        const slot = list[i] >> 6;
        const s = this.slots[slot];
        if (!s) continue;
        const tf = list[i] & 63;
        if (this.score[slot] === 0 && this.matched[slot] === 0) touched.push(slot);
        this.score[slot] += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * s.len) / avg));
        if (isRequired) this.matched[slot]++;
      }
    }
    const out: CatalogHit[] = [];
    for (const slot of touched) {
      const s = this.slots[slot]!;
      if (this.matched[slot] >= need && keep(s)) out.push({ id: s.doc.id, score: Math.round(this.score[slot] * 100) / 100 });
      this.score[slot] = 0;
      this.matched[slot] = 0;
    }
    // Ties (the same rounded score) in id order, so every process answers alike.
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private filter(f: CatalogFilters): (s: Slot) => boolean {
    const region = f.region ? catalogRegionPrefix(f.region) : '';
    return ({ doc: d }) =>
      (!f.fieldId || d.fieldId === f.fieldId) &&
      (!region || d.regionCode.startsWith(region)) &&
      (f.trlMin === undefined || d.trl >= f.trlMin) &&
      (f.trlMax === undefined || d.trl <= f.trlMax) &&
      (f.co2Min === undefined || (d.co2ReducedT ?? -1) >= f.co2Min) &&
      (f.energyMin === undefined || (d.energySavedTce ?? -1) >= f.energyMin);
  }

  private push(t: number, value: number): void {
    let list = this.post[t];
    const len = this.postLen[t];
    if (len === list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      this.post[t] = list = grown;
    }
    list[len] = value;
    this.postLen[t] = len + 1;
  }

  /** Drops removed slots: renumbers the live ones and rebuilds the postings from their term lists. */
  private compact(): void {
    const live = this.slots.filter((s): s is Slot => s !== null);
    this.slots = live;
    this.recency = null;
    this.slotOf.clear();
    this.postLen = this.postLen.map(() => 0);
    live.forEach((s, slot) => {
      this.slotOf.set(s.doc.id, slot);
      for (let j = 0; j < s.termIds.length; j++) this.push(s.termIds[j], slot * 64 + s.tfs[j]);
    });
    this.dead = 0;
  }
}

export type CatalogHighlight = { text: string; hit: boolean };

/** Which UTF-16 units of `text` the terms cover (indexOf over the normalised text: native and fast). */
function hitMask(text: string, terms: readonly string[]): Uint8Array {
  if (!terms.length) return new Uint8Array(text.length);
  let norm = normalizeAffinityText(text);
  // NFKC keeps Chinese and ASCII text the same length; where it does not, fold per unit instead.
  if (norm.length !== text.length) norm = [...text].map((c) => (normalizeAffinityText(c).length === c.length ? normalizeAffinityText(c) : c.toLowerCase())).join('');
  const hit = new Uint8Array(text.length);
  for (const t of terms) {
    if (t.length < 2) continue;
    for (let i = norm.indexOf(t); i >= 0; i = norm.indexOf(t, i + 1)) hit.fill(1, i, i + t.length);
  }
  return hit;
}

function segmentsOf(text: string, hit: Uint8Array, from = 0, to = text.length): CatalogHighlight[] {
  const out: CatalogHighlight[] = [];
  let i = from;
  while (i < to) {
    const h = hit[i] === 1;
    let j = i + 1;
    while (j < to && (hit[j] === 1) === h) j++;
    out.push({ text: text.slice(i, j), hit: h });
    i = j;
  }
  return out;
}

/** The characters of `text` a query's terms cover, as segments to render (a hit is <mark>ed). */
export function highlightCatalogText(text: string, terms: readonly string[]): CatalogHighlight[] {
  return segmentsOf(text, hitMask(text, terms));
}

/**
 * A window of about `size` characters of the text that holds the most hits of the query's terms
 * (the first such window), highlighted; the start of the first text when nothing matches.
 */
export function catalogSnippet(texts: readonly string[], terms: readonly string[], size = 80): CatalogHighlight[] {
  let best: { text: string; hit: Uint8Array; at: number; hits: number } | null = null;
  for (const text of texts) {
    const hit = hitMask(text, terms);
    let hits = 0;
    let at = -1;
    for (let i = 0; i < hit.length; i++) {
      if (!hit[i]) continue;
      hits++;
      if (at < 0) at = i;
    }
    if (hits && (!best || hits > best.hits)) best = { text, hit, at, hits };
  }
  const text = best?.text ?? texts.find((t) => t) ?? '';
  const hit = best?.hit ?? new Uint8Array(text.length);
  let start = Math.max(0, (best?.at ?? 0) - Math.floor(size / 4));
  // Never start or end inside a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  let end = Math.min(text.length, start + size);
  if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end--;
  const segs = segmentsOf(text, hit, start, end);
  if (start > 0) segs.unshift({ text: '…', hit: false });
  if (end < text.length) segs.push({ text: '…', hit: false });
  return segs;
}
