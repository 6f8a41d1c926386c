import { readFile, writeFile } from 'node:fs/promises';
import { isAppError, rankingMethods, rankReviews, type RankingMethod, type ScoredReview } from '@lvping/domain';

// `npm run cli -- rank --in scores.csv --method calibrated|mean|trimmed --out ranking.csv`: the
// aggregation the platform uses (packages/domain/src/review/ranking), on a file, so anyone can
// check a ranking from outside. Needs no database.
//
// Input: CSV with a header naming the columns app, expert, score (any order, any case, other
// columns ignored), one total score per review. RFC 4180 quoting ("a, b", "say ""x"""), CRLF or
// LF, a UTF-8 BOM (Excel writes one) and blank lines are accepted. Output: the application ids,
// best first, one per line, nothing else.

export type RankArgs = { in?: string; out?: string; method?: string };

/** A problem with the file, at a 1-based line (the line where the record starts). */
export class CsvLineError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvLineError';
  }
}

type CsvRecord = { line: number; fields: string[] };

/** Splits CSV text into records (RFC 4180 quoting); blank lines are dropped. */
export function csvRecords(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted (so an empty line holding "" is not blank)
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || quoted || field.trim() !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
    quoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && field.trim() === '' && !quoted) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      quoted = true;
      field = '';
      const opened = line;
      for (i++; ; i++) {
        if (i >= s.length) throw new CsvLineError(opened, 'a quoted field is not closed');
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i++;
          } else break;
        } else {
          if (s[i] === '\n') line++;
          field += s[i];
        }
      }
      // Only spaces may follow the closing quote before the separator.
      while (i + 1 < s.length && (s[i + 1] === ' ' || s[i + 1] === '\t')) i++;
      const next = s[i + 1];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new CsvLineError(line, `unexpected text after a closing quote: ${JSON.stringify(s.slice(i + 1, i + 11))}`);
    } else if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (fields.length || field !== '' || quoted) endRecord();
  return records;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COLUMNS = ['app', 'expert', 'score'] as const;

/** The reviews of a scores file, each with its line; throws CsvLineError naming the first bad line. */
export function parseScoresCsv(text: string): { reviews: ScoredReview[]; lines: number[] } {
  const records = csvRecords(text);
  if (!records.length) throw new CsvLineError(1, 'the file is empty; expected a header app,expert,score');
  const header = records[0];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const at: Record<(typeof COLUMNS)[number], number> = { app: -1, expert: -1, score: -1 };
  for (const col of COLUMNS) {
    const found = names.flatMap((n, i) => (n === col ? [i] : []));
    if (found.length !== 1) {
      throw new CsvLineError(header.line, found.length ? `the column ${col} appears ${found.length} times` : `the header must name the columns app, expert, score (found: ${header.fields.join(',')})`);
    }
    at[col] = found[0];
  }
  const reviews: ScoredReview[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== names.length) throw new CsvLineError(line, `expected ${names.length} fields as in the header, found ${fields.length} (quote values that contain commas)`);
    const app = fields[at.app].trim();
    const expert = fields[at.expert].trim();
    const raw = fields[at.score].trim();
    if (!app) throw new CsvLineError(line, 'the app id is empty');
    if (!expert) throw new CsvLineError(line, 'the expert id is empty');
    if (/[\r\n]/.test(app) || /[\r\n]/.test(expert)) throw new CsvLineError(line, 'ids must not contain line breaks');
    const score = Number(raw);
    if (!NUMBER.test(raw) || !Number.isFinite(score)) throw new CsvLineError(line, `the score ${JSON.stringify(raw)} is not a number`);
    const key = `${app}\u0000${expert}`;
    const before = seen.get(key);
    if (before !== undefined) throw new CsvLineError(line, `expert ${expert} already scored application ${app} on line ${before}`);
    seen.set(key, line);
    reviews.push({ app, expert, score });
    lines.push(line);
  }
  if (!reviews.length) throw new CsvLineError(header.line + 1, 'no reviews after the header');
  return { reviews, lines };
}

/** Returns the exit code: 0 written, 1 bad data, 2 bad arguments or no such file. */
export async function runRank(args: RankArgs, log: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  if (!args.in || !args.out) {
    err('rank needs --in <scores.csv> and --out <ranking.csv> (and optionally --method calibrated|mean|trimmed)');
    return 2;
  }
  const method = (args.method ?? 'calibrated') as RankingMethod;
  if (!rankingMethods.includes(method)) {
    err(`--method must be one of ${rankingMethods.join(', ')} (got ${args.method})`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(args.in, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      err(`${args.in}: no such file`);
      return 2;
    }
    throw e;
  }
  const t0 = performance.now();
  let parsed: ReturnType<typeof parseScoresCsv>;
  let ranking: ReturnType<typeof rankReviews>;
  try {
    parsed = parseScoresCsv(text);
    ranking = rankReviews(parsed.reviews, { method });
  } catch (e) {
    if (e instanceof CsvLineError) err(`${args.in}: ${e.message}`);
    else if (isAppError(e)) {
      // The reviews are checked above; this names a row the domain refused, by its line.
      for (const f of e.fields ?? []) {
        const i = /^reviews\.(\d+)/.exec(f.path);
        err(`${args.in}: ${i ? `line ${parsed!.lines[Number(i[1])]}` : f.path}: ${f.message.en}`);
      }
    } else throw e;
    return 1;
  }
  await writeFile(args.out, ranking.items.map((i) => `${i.app}\n`).join(''));
  const seconds = Math.round(performance.now() - t0) / 1000;
  log(`ranked ${ranking.items.length} applications from ${parsed.reviews.length} reviews by ${method}; ${ranking.components} component(s); ${ranking.flags.length} flag(s); ${seconds} s`);
  const shown = 20;
  for (const f of ranking.flags.slice(0, shown)) log(`  ${f.kind}: ${f.message.en}`);
  if (ranking.flags.length > shown) log(`  … and ${ranking.flags.length - shown} more`);
  return 0;
}
