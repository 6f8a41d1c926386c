import { certificateFields } from '../decision/decision-definition.schema.ts';

// A certificate's text from the definition's template: {organization}, {project}, {tier},
// {track}, {program}, {date}, {serial}. Unknown braces stay as written, so a typo shows on
// the proof rather than vanishing.

export type CertificateField = (typeof certificateFields)[number];
export type MergeValues = Record<CertificateField, string>;

export function fillMergeFields(template: string, values: MergeValues): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => ((certificateFields as readonly string[]).includes(name) ? values[name as CertificateField] : whole));
}

/** The fields a template uses that are not merge fields (shown to the organizer as a warning). */
export function unknownMergeFields(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]).filter((n) => !(certificateFields as readonly string[]).includes(n)))];
}

const DIGITS = '〇一二三四五六七八九';
const OFFSET_MS = 8 * 3600_000;

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** A date as a certificate prints it, in Shanghai: 二〇二五年十二月七日. */
export function chineseDate(epochMs: number): string {
  const t = new Date(epochMs + OFFSET_MS);
  const year = [...String(t.getUTCFullYear())].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseNumber(t.getUTCMonth() + 1)}月${chineseNumber(t.getUTCDate())}日`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The same date in English: 7 December 2025. */
export function englishDate(epochMs: number): string {
  const t = new Date(epochMs + OFFSET_MS);
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** The text a program award (优秀组织奖, to a unit) prints: it has no project or track. */
export const programAwardText = '{organization}：\n在{program}中荣获“{tier}”。\n特发此证，以资鼓励。';
export const programAwardTextEn = '{organization} received the {tier} of the {program}.';
