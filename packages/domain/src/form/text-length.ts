// Chinese forms state text limits in 字: "技术团队简介（200字）", "400-600字", "不超过1000字".
//
// Rule (simple on purpose, so that applicants, reviewers and both ends of the app agree):
// every user-perceived character (grapheme) counts 1 — a Han character, a Latin letter, a digit,
// a punctuation mark, an emoji, a flag — and whitespace (spaces, tabs, line breaks, the
// full-width space U+3000) and invisible format characters (zero-width space, BOM) count 0.
// Unlike Word's 字数 a Latin word is not one unit; that can only over-count mixed text, never let
// a Han-only text slip past a limit. Graphemes rather than UTF-16 units, so that 𠀀 or 😀 is one 字.

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };

let segmenter: Segmenter | null | undefined;

function graphemes(s: string): Iterable<string> {
  if (segmenter === undefined) {
    const Seg = (Intl as unknown as { Segmenter?: new (locale: string, o: { granularity: 'grapheme' }) => Segmenter }).Segmenter;
    segmenter = Seg ? new Seg('zh', { granularity: 'grapheme' }) : null;
  }
  // Without Intl.Segmenter (very old browsers) code points are the closest fallback.
  if (!segmenter) return Array.from(s);
  const segments = segmenter.segment(s);
  return (function* () {
    for (const { segment } of segments) yield segment;
  })();
}

const INVISIBLE = /^[\s\p{Cc}\p{Cf}]+$/u;
// Han, ASCII, CJK punctuation (minus the combining tone marks U+302A–F), full-width forms and
// ASCII whitespace: every UTF-16 unit of such text is a grapheme of its own.
// Also the general punctuation Chinese text uses (“”‘’—…‰※), the middle dot, °, ×, ÷ and ℃.
const PLAIN = /^[\u4e00-\u9fff\u3400-\u4dbf\u0021-\u007e\u3001-\u3029\u3030-\u303f\uff01-\uff5e\u2010-\u2027\u2030-\u205e\u00b7\u00b0\u00d7\u00f7\u2103\t\n\r ]*$/;
const ASCII_SPACE = /[\t\n\r ]/g;

/** How many 字 a text has: non-whitespace graphemes (see the rule above). */
export function countChars(text: string): number {
  // Most answers are plain Han/ASCII text whose every UTF-16 unit is one grapheme: count those
  // directly and leave segmentation to the rest.
  if (PLAIN.test(text)) return text.length - (text.match(ASCII_SPACE)?.length ?? 0);
  let n = 0;
  for (const g of graphemes(text)) if (!INVISIBLE.test(g)) n++;
  return n;
}

export type LengthLimit = { min?: number; max?: number };

const FULLWIDTH_DIGIT = /[０-９]/g;
const NUM = String.raw`(\d+)`;
const RANGE = new RegExp(String.raw`${NUM}\s*字?\s*(?:-|~|～|〜|—|–|－|至|到)\s*${NUM}\s*字`);
const MAX_BEFORE = new RegExp(String.raw`(?:不超过|不超出|不多于|不得超过|不应超过|最多|至多|限于?|控制在)\s*${NUM}\s*字`);
const MAX_AFTER = new RegExp(String.raw`${NUM}\s*字(?:以内|以下|之内)`);
const MIN_BEFORE = new RegExp(String.raw`(?:不少于|不低于|不得少于|至少|最少)\s*${NUM}\s*字`);
const MIN_AFTER = new RegExp(String.raw`${NUM}\s*字(?:以上)`);
const BARE = new RegExp(String.raw`${NUM}\s*字`);

/**
 * The 字 limit a form phrase states, or undefined when it states none. Finds the limit inside
 * longer text too ("一、组织机构简介（…，500字以内）"). A bare number ("（200字）") is a maximum,
 * as it is meant on these forms. Chinese numerals ("五百字") are not read.
 */
export function parseLengthLimit(phrase: string): LengthLimit | undefined {
  const text = phrase
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[,，](?=\d{3})/g, '$1');
  const range = RANGE.exec(text);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const max = MAX_BEFORE.exec(text) ?? MAX_AFTER.exec(text);
  const min = MIN_BEFORE.exec(text) ?? MIN_AFTER.exec(text);
  if (max || min) {
    const out: LengthLimit = {};
    if (min) out.min = Number(min[1]);
    if (max) out.max = Number(max[1]);
    return out;
  }
  const bare = BARE.exec(text);
  return bare ? { max: Number(bare[1]) } : undefined;
}
