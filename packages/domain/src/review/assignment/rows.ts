import type { Normalized } from './instance.ts';

// One pass over every application's dense score row, with a mask saying which experts it may get:
// the candidate builder, the pricing pass and the certificate checker all read the instance so.

export const ALLOWED = 1;
export const CONFLICT = 0;
export const PINNED = 2;

/**
 * Calls visit(a, row, mask) for each application in order; row[e] is the affinity, mask[e] is
 * ALLOWED, CONFLICT or PINNED. Both arrays are reused between calls.
 */
export function eachRow(n: Normalized, visit: (a: number, row: Int32Array, mask: Uint8Array) => void, apps?: Iterable<number>) {
  const row = new Int32Array(n.E);
  const mask = new Uint8Array(n.E);
  const one = (a: number) => {
    n.fillRow(a, row);
    mask.fill(ALLOWED);
    for (const e of n.conflicts[a]) mask[e] = CONFLICT;
    for (const e of n.pins[a]) mask[e] = PINNED;
    visit(a, row, mask);
  };
  if (apps) for (const a of apps) one(a);
  else for (let a = 0; a < n.A; a++) one(a);
}

/** Whether the pair's affinity makes it a strong match (there is a threshold and it is met). */
export const isStrong = (n: Normalized, score: number) => n.threshold !== null && score >= n.threshold;
