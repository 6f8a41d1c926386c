// What the organizer's search looks in: every text in the answers plus the organization.
// Stored lower-cased; a query matches when each of its terms appears as a substring, which
// suits Chinese (no spaces between words) without a segmenter or an engine-specific index.
import { fileRefsIn } from '@lvping/domain';

function collect(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) collect(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // An uploaded file: its name is searchable, its storage id is not.
    if (typeof o.id === 'string' && typeof o.name === 'string' && typeof o.size === 'number') out.push(o.name);
    else for (const x of Object.values(o)) collect(x, out);
  }
}

export function searchTextOf(answers: unknown, extra: string[]): string {
  const parts = [...extra];
  collect(answers, parts);
  return parts.join('\n').toLowerCase().slice(0, 200_000);
}

/** "储能 北京" → ['储能', '北京']; at most 8 terms. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Every uploaded-file reference in the answers (they must belong to the application). */
export const fileRefIds = (answers: unknown): string[] => fileRefsIn(answers).map((f) => f.id);
