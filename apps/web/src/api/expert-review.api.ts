// Typed calls for the expert's review rounds: confirming no conflict, reading the application
// (redacted in blind rounds), its files and PDF, and the score sheet (autosave with revisions,
// submission that locks it). Types only from the domain's schemas, so zod stays out of this file.
import type { ReviewReading, SheetView } from '@lvping/domain/review/review-api.schema.ts';
import type { Sheet } from '@lvping/domain/review/score-sheet.ts';
import { api } from './client.ts';

export type { ReviewReading, SheetView, Sheet };
export type SheetStatus = SheetView['status'];
export type ReviewFile = ReviewReading['files'][number];

const enc = encodeURIComponent;
const base = (assignmentId: string) => `/api/review-assignments/${enc(assignmentId)}`;

export const expertReviewApi = {
  /** No conflict with this application: only then may it be read and scored. */
  confirm: (assignmentId: string) => api.post<{ confirmed: true }>(`${base(assignmentId)}/confirm`),
  reading: (assignmentId: string) => api.get<ReviewReading>(`${base(assignmentId)}/application`),
  sheet: (assignmentId: string) => api.get<SheetView>(`${base(assignmentId)}/sheet`),
  /** Autosave: 409 STALE_REVISION (details.currentRevision) when another tab saved first, 409 CONFLICT once submitted. */
  saveSheet: (assignmentId: string, body: { sheet: Sheet; baseRevision: number }) => api.put<SheetView>(`${base(assignmentId)}/sheet`, body),
  /** 400 VALIDATION with the fields while incomplete. */
  submitSheet: (assignmentId: string, baseRevision: number) => api.post<SheetView>(`${base(assignmentId)}/sheet/submit`, { baseRevision }),
};

export const expertReviewFiles = {
  file: (assignmentId: string, fileId: string) => `${base(assignmentId)}/files/${enc(fileId)}`,
  pdf: (assignmentId: string) => `${base(assignmentId)}/pdf`,
};
