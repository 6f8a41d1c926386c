// A cover title too long for one line is broken into lines of about equal width, so the last line
// never holds a single character ("…先锋 / 奖"). Chinese may break between any two characters,
// except before closing punctuation (」）》”，。、：；！？) or after opening punctuation (「（《“),
// and never inside a run of Latin letters or digits ("2022", "IP", "PCT").

const NO_BREAK_BEFORE = /^[”’」』）》〉】〕］｝，。、：；！？….,:;!?)\]}%·]/u;
const NO_BREAK_AFTER = /[“‘「『（《〈【〔［｛([{]$/u;
const WORDISH = /[A-Za-z0-9]/;

/** The text cut where a line may end: each piece stays together. */
export function breakableTokens(text: string): string[] {
  const chars = [...text];
  const tokens: string[] = [];
  for (const ch of chars) {
    const prev = tokens[tokens.length - 1];
    const glue = prev !== undefined && (NO_BREAK_BEFORE.test(ch) || NO_BREAK_AFTER.test(prev) || (WORDISH.test(ch) && WORDISH.test([...prev].at(-1)!)) || ch === ' ');
    if (glue) tokens[tokens.length - 1] = prev + ch;
    else tokens.push(ch);
  }
  return tokens;
}

const charCount = (s: string) => [...s.trim()].length;

/**
 * Lines of `text` no wider than `maxWidth` (as `widthOf` measures), as few as greedy filling would
 * need, with the widest as narrow as possible, and no line of a single character (unless the
 * title is one character). A token wider than the line is put on its own line.
 */
export function balancedLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const title = text.trim();
  if (!title || widthOf(title) <= maxWidth) return [title];
  const tokens = breakableTokens(title);
  const n = tokens.length;
  const width = (i: number, j: number) => widthOf(tokens.slice(i, j).join('').trim());
  const lines = greedyCount(tokens, maxWidth, widthOf);
  for (let count = lines; count <= n; count++) {
    // solve(i, k): tokens i.. in k lines, the narrowest possible widest line and where the first ends.
    const memo = new Map<string, { w: number; cut: number }>();
    const solve = (i: number, k: number): { w: number; cut: number } => {
      const key = `${i}/${k}`;
      const hit = memo.get(key);
      if (hit) return hit;
      let best = { w: Infinity, cut: -1 };
      if (k === 1) {
        const w = width(i, n);
        const ok = (w <= maxWidth || n - i === 1) && charCount(tokens.slice(i).join('')) >= 2;
        best = ok ? { w, cut: n } : best;
      } else {
        for (let j = i + 1; j <= n - (k - 1); j++) {
          const w = width(i, j);
          if (w > maxWidth && j - i > 1) break;
          if (charCount(tokens.slice(i, j).join('')) < 2 && n > 1) continue;
          const rest = solve(j, k - 1);
          const worst = Math.max(w, rest.w);
          // Of equally wide layouts, the one with the longer first lines (a title narrows downward).
          if (worst < best.w || (worst === best.w && j > best.cut)) best = { w: worst, cut: j };
        }
      }
      memo.set(key, best);
      return best;
    };
    if (solve(0, count).w === Infinity) continue;
    const out: string[] = [];
    for (let i = 0, k = count; k > 0; k--) {
      const { cut } = solve(i, k);
      out.push(tokens.slice(i, cut).join('').trim());
      i = cut;
    }
    return out;
  }
  return [title];
}

function greedyCount(tokens: string[], maxWidth: number, widthOf: (s: string) => number): number {
  let count = 1;
  let line = '';
  for (const t of tokens) {
    if (line && widthOf((line + t).trim()) > maxWidth) {
      count++;
      line = t;
    } else line += t;
  }
  return count;
}
