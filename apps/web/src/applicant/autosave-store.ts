// The unsaved answers of an application kept in the browser, so a reload or a crash loses
// nothing, and the decision of what to do with them when the form opens again. Pure apart from
// the Storage passed in, so it is tested without a browser.

export type LocalDraft = {
  answers: Record<string, unknown>;
  /** The server revision these edits started from. */
  baseRevision: number;
  /** When they were written (epoch ms). */
  at: number;
};

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem' | 'removeItem'>;

export const draftKey = (applicationId: string) => `lvping.draft.${applicationId}`;

export function readLocalDraft(storage: ReadStorage, applicationId: string): LocalDraft | null {
  try {
    const raw = storage.getItem(draftKey(applicationId));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<LocalDraft>;
    if (!v || typeof v !== 'object' || typeof v.baseRevision !== 'number' || typeof v.answers !== 'object' || v.answers === null) return null;
    return { answers: v.answers, baseRevision: v.baseRevision, at: typeof v.at === 'number' ? v.at : 0 };
  } catch {
    return null;
  }
}

/** Writes, or quietly does nothing where storage is refused (private mode, quota). */
export function writeLocalDraft(storage: WriteStorage, applicationId: string, draft: LocalDraft): void {
  try {
    storage.setItem(draftKey(applicationId), JSON.stringify(draft));
  } catch {
    // The server copy still exists; only crash protection is lost.
  }
}

export function clearLocalDraft(storage: WriteStorage, applicationId: string): void {
  try {
    storage.removeItem(draftKey(applicationId));
  } catch {
    // Nothing to do.
  }
}

/** JSON with object keys sorted, so equal answers compare equal whatever order keys were set in. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

export type RestoreDecision = 'none' | 'restore' | 'conflict';

/**
 * What to do with a local copy when the form opens:
 *   none     — nothing local, or it equals what the server has;
 *   restore  — edits made on top of the server's current revision that never reached it: take them;
 *   conflict — edits made on an older revision, and the server has moved on since (another tab
 *              or device saved): ask, never overwrite silently.
 */
export function decideRestore(local: LocalDraft | null, server: { revision: number; answers: unknown }): RestoreDecision {
  if (!local) return 'none';
  if (canonicalJson(local.answers) === canonicalJson(server.answers)) return 'none';
  return local.baseRevision >= server.revision ? 'restore' : 'conflict';
}
