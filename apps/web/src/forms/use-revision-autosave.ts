import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { canonicalJson, clearLocalDraft, writeLocalDraft } from '../applicant/autosave-store.ts';
import { withoutErrorsAt } from '../form-renderer/answers.ts';

// The autosave engine the application form and the score sheet share: some time after the last
// change a PUT with the revision the edits started from, and every change kept in localStorage at
// once until the server confirms it, so a reload, a crash or a dropped connection loses nothing.
// A 409 STALE_REVISION (another tab or person saved first) stops saving and reports 'stale' — the
// page asks whether to reload or overwrite, never silently. A dropped connection or a server
// error is retried on its own.

export type SaveStatus =
  /** problems: how many format problems the saved draft still has (stored all the same; submission insists). */
  | { kind: 'saved'; at: number | null; problems?: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown }
  /** The server refused the save (the application form: no answers of its form at all; a score sheet: format problems); saved again once fixed. */
  | { kind: 'invalid'; count: number }
  /** Another tab or person saved in between; nothing is saved until the person chooses. */
  | { kind: 'stale'; currentRevision: number | null };

/** What a successful save tells the engine. */
export type SavedReply = { revision: number; savedAt: number | null; problems?: FieldError[] };

const RETRY_MS = 5000;

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

type Value = Record<string, unknown>;

export type RevisionAutosaveOptions<T extends Value, R> = {
  /** The localStorage id (see autosave-store) the unconfirmed copy is kept under. */
  draftId: string;
  initial: { value: T; revision: number; savedAt: number | null; dirty: boolean };
  delayMs: number;
  /** The PUT; keep it stable (useCallback) for as long as draftId stays the same. */
  save: (value: T, baseRevision: number) => Promise<R>;
  /** Reads the new revision, the time and any format problems out of the server's reply. */
  read: (reply: R) => SavedReply;
  /** Told every reply, once the engine has taken it in (the latest callback is used). */
  onSaved?: (reply: R) => void;
  /** A failure after which nothing here can be saved any more (e.g. a submitted sheet): saving stops and onLocked is told. */
  isLocked?: (error: unknown) => boolean;
  onLocked?: () => void;
};

export function useRevisionAutosave<T extends Value, R>(options: RevisionAutosaveOptions<T, R>) {
  const { draftId, initial, delayMs, save } = options;
  const [value, setValue] = useState<T>(initial.value);
  const [status, setStatus] = useState<SaveStatus>(initial.dirty ? { kind: 'pending' } : { kind: 'saved', at: initial.savedAt });
  const [problems, setProblems] = useState<FieldError[]>([]);
  const revision = useRef(initial.revision);
  const latest = useRef(initial.value);
  const savedJson = useRef(initial.dirty ? '' : canonicalJson(initial.value));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stale = useRef(false);
  const lastSavedAt = useRef(initial.savedAt);
  const hooks = useRef(options);
  hooks.current = options;

  const cancelTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const saveNow = useCallback(async (): Promise<boolean> => {
    cancelTimer();
    if (inFlight.current) await inFlight.current;
    if (stale.current) return false;
    const snapshot = latest.current;
    const json = canonicalJson(snapshot);
    if (json === savedJson.current) {
      // Changed back to what the server already has: nothing to send.
      const store = storage();
      if (store) clearLocalDraft(store, draftId);
      setProblems([]);
      setStatus({ kind: 'saved', at: lastSavedAt.current });
      return true;
    }
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const reply = await save(snapshot, revision.current);
        const r = hooks.current.read(reply);
        revision.current = r.revision;
        savedJson.current = json;
        lastSavedAt.current = r.savedAt;
        // A draft with problems is saved all the same: they show beside their fields until fixed.
        const problems = Array.isArray(r.problems) ? r.problems : [];
        setProblems(problems);
        hooks.current.onSaved?.(reply);
        const store = storage();
        if (canonicalJson(latest.current) === json) {
          if (store) clearLocalDraft(store, draftId);
          setStatus({ kind: 'saved', at: r.savedAt, problems: problems.length });
        } else {
          // Typed on while saving: the local copy now builds on the new revision.
          if (store) writeLocalDraft(store, draftId, { answers: latest.current, baseRevision: r.revision, at: Date.now() });
          setStatus({ kind: 'pending' });
          timer.current = setTimeout(() => void saveNow(), delayMs);
        }
        return true;
      } catch (e) {
        if (isApiError(e) && e.code === 'STALE_REVISION') {
          stale.current = true;
          const current = e.details.currentRevision;
          setStatus({ kind: 'stale', currentRevision: typeof current === 'number' ? current : null });
        } else if (isApiError(e) && e.code === 'VALIDATION' && e.fields.length) {
          // Nothing to retry until the person changes something; the fields show what to fix.
          setProblems(e.fields);
          setStatus({ kind: 'invalid', count: e.fields.length });
        } else {
          setStatus({ kind: 'error', error: e });
          if (hooks.current.isLocked?.(e)) {
            stale.current = true;
            hooks.current.onLocked?.();
          } else if (!isApiError(e) || e.code === 'NETWORK' || e.status >= 500) {
            // A dropped connection or a restart: try again on its own; the local copy is safe meanwhile.
            timer.current = setTimeout(() => void saveNow(), RETRY_MS);
          }
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    return ok;
  }, [draftId, save, delayMs]);

  const change = useCallback(
    (next: T) => {
      latest.current = next;
      setValue(next);
      const store = storage();
      if (store) writeLocalDraft(store, draftId, { answers: next, baseRevision: revision.current, at: Date.now() });
      if (stale.current) return;
      setStatus({ kind: 'pending' });
      cancelTimer();
      timer.current = setTimeout(() => void saveNow(), delayMs);
    },
    [draftId, saveNow, delayMs],
  );

  /** Save this page's version over the one saved elsewhere: the same PUT, based on the server's revision. */
  const overwrite = useCallback(
    async (currentRevision: number) => {
      revision.current = currentRevision;
      stale.current = false;
      savedJson.current = '';
      return saveNow();
    },
    [saveNow],
  );

  /** Save whatever is pending now (before submitting); false if it could not be saved. */
  const flush = useCallback(async () => (stale.current ? false : saveNow()), [saveNow]);

  // A pending change is saved on the way out of the page, and the browser warns before a reload loses it.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (canonicalJson(latest.current) !== savedJson.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) void saveNow();
      cancelTimer();
    };
  }, [saveNow]);

  // Opened with edits restored from this browser: send them.
  useEffect(() => {
    // Only once, for the value this editor opened with.
    if (!initial.dirty) return;
    timer.current = setTimeout(() => void saveNow(), delayMs);
    return cancelTimer;
  }, []);

  /** A field was edited: the server's complaint about it no longer holds until the next save says so. */
  const dropProblemsAt = useCallback((path: string) => setProblems((ps) => (ps.length ? withoutErrorsAt(ps, path) : ps)), []);

  return { value, change, status, problems, dropProblemsAt, revision: () => revision.current, flush, overwrite };
}
