import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldError } from '@lvping/domain/errors.ts';
import { applicationsApi } from '../api/applications.api.ts';
import { isApiError } from '../api/client.ts';
import { withoutErrorsAt } from '../form-renderer/answers.ts';
import { canonicalJson, clearLocalDraft, writeLocalDraft } from './autosave-store.ts';

type Answers = Record<string, unknown>;

export type SaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown }
  /** The server refused the draft for format problems (types, limits); saved again once they are fixed. */
  | { kind: 'invalid'; count: number }
  /** Another tab or person saved in between; nothing is saved until the person chooses. */
  | { kind: 'stale'; currentRevision: number | null };

export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_MS = 5000;

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * Autosave of an application's answers: ~1.5 s after the last change a PUT with the revision the
 * edits started from; the answers also go to localStorage at once. A 409 STALE_REVISION stops
 * saving and reports 'stale' — the page asks whether to reload or overwrite, never silently.
 */
export function useAutosave(applicationId: string, initial: { answers: Answers; revision: number; savedAt: number | null; dirty: boolean }) {
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [status, setStatus] = useState<SaveStatus>(initial.dirty ? { kind: 'pending' } : { kind: 'saved', at: initial.savedAt });
  const [problems, setProblems] = useState<FieldError[]>([]);
  const revision = useRef(initial.revision);
  const latest = useRef(initial.answers);
  const savedJson = useRef(initial.dirty ? '' : canonicalJson(initial.answers));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const stale = useRef(false);
  const lastSavedAt = useRef(initial.savedAt);

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
      if (store) clearLocalDraft(store, applicationId);
      setProblems([]);
      setStatus({ kind: 'saved', at: lastSavedAt.current });
      return true;
    }
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const r = await applicationsApi.saveDraft(applicationId, { answers: snapshot, baseRevision: revision.current });
        revision.current = r.revision;
        savedJson.current = json;
        lastSavedAt.current = r.savedAt;
        setProblems(Array.isArray(r.problems) ? r.problems : []);
        const store = storage();
        if (canonicalJson(latest.current) === json) {
          if (store) clearLocalDraft(store, applicationId);
          setStatus({ kind: 'saved', at: r.savedAt });
        } else {
          // Typed on while saving: the local copy now builds on the new revision.
          if (store) writeLocalDraft(store, applicationId, { answers: latest.current, baseRevision: r.revision, at: Date.now() });
          setStatus({ kind: 'pending' });
          timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
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
          // A dropped connection or a restart: try again on its own; the local copy is safe meanwhile.
          if (!isApiError(e) || e.code === 'NETWORK' || e.status >= 500) timer.current = setTimeout(() => void saveNow(), RETRY_MS);
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    return ok;
  }, [applicationId]);

  const change = useCallback(
    (next: Answers) => {
      latest.current = next;
      setAnswers(next);
      const store = storage();
      if (store) writeLocalDraft(store, applicationId, { answers: next, baseRevision: revision.current, at: Date.now() });
      if (stale.current) return;
      setStatus({ kind: 'pending' });
      cancelTimer();
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [applicationId, saveNow],
  );

  /** Save my version over the one saved elsewhere: the same PUT, based on the server's revision. */
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
  const flush = useCallback(async () => {
    if (stale.current) return false;
    return saveNow();
  }, [saveNow]);

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

  // First render with restored local edits: send them.
  useEffect(() => {
    // Only once, for the answers this editor opened with.
    if (!initial.dirty) return;
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return cancelTimer;
  }, []);

  /** A field was edited: the server's complaint about it no longer holds until the next save says so. */
  const dropProblemsAt = useCallback((path: string) => setProblems((ps) => (ps.length ? withoutErrorsAt(ps, path) : ps)), []);

  return { answers, change, status, problems, dropProblemsAt, revision: () => revision.current, flush, overwrite };
}
