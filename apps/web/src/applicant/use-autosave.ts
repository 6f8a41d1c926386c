import { useCallback } from 'react';
import { applicationsApi, type SaveDraftResponse } from '../api/applications.api.ts';
import { useRevisionAutosave } from '../forms/use-revision-autosave.ts';

export type { SaveStatus } from '../forms/use-revision-autosave.ts';

type Answers = Record<string, unknown>;

export const AUTOSAVE_DELAY_MS = 1500;

/** The reply already has the revision, the time and the format problems the engine wants. */
const read = (r: SaveDraftResponse) => r;

/**
 * Autosave of an application's answers: ~1.5 s after the last change a PUT with the revision the
 * edits started from; the answers also go to localStorage at once. A 409 STALE_REVISION stops
 * saving and reports 'stale' — the page asks whether to reload or overwrite, never silently.
 * Format problems do not stop a save: the draft is stored and they come back as `problems`, shown
 * beside their fields; only what is no answer of the form at all is refused (the 'invalid' status).
 */
export function useAutosave(applicationId: string, initial: { answers: Answers; revision: number; savedAt: number | null; dirty: boolean }) {
  const save = useCallback((answers: Answers, baseRevision: number) => applicationsApi.saveDraft(applicationId, { answers, baseRevision }), [applicationId]);
  const autosave = useRevisionAutosave({
    draftId: applicationId,
    initial: { value: initial.answers, revision: initial.revision, savedAt: initial.savedAt, dirty: initial.dirty },
    delayMs: AUTOSAVE_DELAY_MS,
    save,
    read,
  });
  const { value, change, status, problems, dropProblemsAt, revision, flush, overwrite } = autosave;
  return { answers: value, change, status, problems, dropProblemsAt, revision, flush, overwrite };
}
