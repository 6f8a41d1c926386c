// The text of an application that affinity matches experts against: the answers the program's
// review block names (review.affinityFields, "section.field"), or every text answer when it
// names none for the form. Strings anywhere inside a value count (table cells, list items).

const MAX_CHARS = 6000;

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') {
    if (v.trim()) out.push(v.trim());
  } else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

function at(answers: unknown, ref: string): unknown {
  let v: unknown = answers;
  for (const k of ref.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

export function applicationTexts(answers: unknown, refs: readonly string[] | null): string[] {
  const out: string[] = [];
  if (refs && refs.length) for (const r of refs) strings(at(answers, r), out);
  else strings(answers, out);
  let total = 0;
  return out.filter((s) => (total += s.length) <= MAX_CHARS);
}

/** What an application is about in a line: the first answer of `refs` (the technology or project name). */
export function applicationTitle(answers: unknown, refs: readonly string[] | null): string | null {
  for (const r of refs ?? []) {
    const v = at(answers, r);
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 100);
  }
  return null;
}
