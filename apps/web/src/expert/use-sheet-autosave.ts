import { useCallback } from 'react';
import { expertReviewApi, type Sheet, type SheetView } from '../api/expert-review.api.ts';
import { isApiError } from '../api/client.ts';
import { useRevisionAutosave } from '../forms/use-revision-autosave.ts';
import { sheetDraftId } from './scoring-model.ts';

// Autosave of a score sheet, as the application form has it (the engine is shared): ~1.2 s after
// the last change a PUT with the revision the edits started from, and every change kept in
// localStorage at once until the server confirms it. A 409 STALE_REVISION (another tab saved
// first) stops saving until the expert chooses; a 409 CONFLICT means the sheet was submitted
// meanwhile, and the page reloads it.

export const SHEET_AUTOSAVE_DELAY_MS = 1200;

type Initial = { sheet: Sheet; revision: number; savedAt: number | null; dirty: boolean };
type Callbacks = { onSaved: (view: SheetView) => void; onLocked: () => void };

const read = (view: SheetView) => ({ revision: view.revision, savedAt: view.updatedAt });
/** Submitted (in another tab) or locked: nothing here can be saved; show what the server has. */
const isLocked = (e: unknown) => isApiError(e) && e.code === 'CONFLICT';

export function useSheetAutosave(assignmentId: string, initial: Initial, callbacks: Callbacks) {
  const save = useCallback((sheet: Sheet, baseRevision: number) => expertReviewApi.saveSheet(assignmentId, { sheet, baseRevision }), [assignmentId]);
  const autosave = useRevisionAutosave({
    draftId: sheetDraftId(assignmentId),
    initial: { value: initial.sheet, revision: initial.revision, savedAt: initial.savedAt, dirty: initial.dirty },
    delayMs: SHEET_AUTOSAVE_DELAY_MS,
    save,
    read,
    onSaved: callbacks.onSaved,
    isLocked,
    onLocked: callbacks.onLocked,
  });
  const { value, change, status, revision, flush, overwrite } = autosave;
  return { sheet: value, change, status, revision, flush, overwrite };
}
