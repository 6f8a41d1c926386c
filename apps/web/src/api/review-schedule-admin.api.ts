// Typed calls for review schedules: the organizer's 现场考察 and 路演 arrangement of a round (the
// schedule, a visit, a roadshow slot, a panel's members) and the expert's visit report upload,
// which reports its progress. Types only from the domain's schemas, so zod stays out of this file.
// (The applicant's own schedule is review-schedule.api.ts.)
import type {
  PanelMembersRequestSchema, PanelMembersResultSchema, RoundSchedule, SlotInputSchema, VisitInputSchema,
} from '@lvping/domain/review/review-api.schema.ts';
import type { FileRef } from '@lvping/domain/form/form-template.schema.ts';
import { defaultMessage, type ErrorCode, type FieldError, type Localized } from '@lvping/domain/errors.ts';
import { applicationFiles } from './applications.api.ts';
import { api, ApiError } from './client.ts';
import { expertReviewFiles } from './expert-review.api.ts';

type In<S> = S extends { _zod: { input: infer I } } ? I : never;
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { FileRef, RoundSchedule };
export type ScheduleItem = RoundSchedule['items'][number];
export type ScheduleVisit = NonNullable<ScheduleItem['visit']>;
export type ScheduleSlot = NonNullable<ScheduleItem['slot']>;
export type SchedulePanel = RoundSchedule['panels'][number];
export type RoundTiming = NonNullable<RoundSchedule['timing']>;
/** date "YYYY-MM-DD", who goes, where. */
export type VisitInput = In<typeof VisitInputSchema>;
/** startsAt "YYYY-MM-DD HH:mm" in Beijing time; place a room or an online link. */
export type SlotInput = In<typeof SlotInputSchema>;
export type PanelMembersRequest = In<typeof PanelMembersRequestSchema>;
export type PanelMembersResult = Out<typeof PanelMembersResultSchema>;
export type SkippedPair = PanelMembersResult['skipped'][number];

const enc = encodeURIComponent;
const roundBase = (programId: string, roundId: string) => `/api/programs/${enc(programId)}/review/rounds/${enc(roundId)}`;

/** The organizer's side (the whole program's organizer only: 403 otherwise). Every change answers with the whole schedule. */
export const reviewScheduleAdminApi = {
  schedule: (programId: string, roundId: string) => api.get<RoundSchedule>(`${roundBase(programId, roundId)}/schedule`),
  /** Site-visit rounds only (400 otherwise); 404 when the application is not in the round. The applicant is notified. */
  setVisit: (programId: string, roundId: string, applicationId: string, body: VisitInput) =>
    api.put<RoundSchedule>(`${roundBase(programId, roundId)}/visits/${enc(applicationId)}`, body),
  /** Roadshow rounds, or rounds timed like one (400 otherwise). The applicant is notified. */
  setSlot: (programId: string, roundId: string, applicationId: string, body: SlotInput) =>
    api.put<RoundSchedule>(`${roundBase(programId, roundId)}/slots/${enc(applicationId)}`, body),
  /** Draft assignments of every member × every application of the panel's slots; 回避 pairs skipped with the reason. */
  addPanelMembers: (programId: string, roundId: string, panel: string, expertIds: string[]) =>
    api.post<PanelMembersResult>(`${roundBase(programId, roundId)}/panels/${enc(panel)}/members`, { expertIds } satisfies PanelMembersRequest),
  uploadVisitReport: (assignmentId: string, file: File, opts: UploadOptions = {}) =>
    uploadWithProgress<FileRef>(`/api/review-assignments/${enc(assignmentId)}/visit-report`, file, opts),
};

/** Download addresses (GET, fetched as files). */
export const reviewScheduleFiles = {
  /** The visit report as the organizer reads it (an attachment of the application). */
  report: (applicationId: string, fileId: string) => applicationFiles.file(applicationId, fileId),
  /** The visit report as an expert of the round reads it. */
  reportOfAssignment: (assignmentId: string, fileId: string) => expertReviewFiles.file(assignmentId, fileId),
};

/** What the visit report accepts (the server's rule; it checks the content too). */
export const VISIT_REPORT = { accept: ['.pdf', '.doc', '.docx', '.jpg', '.jpeg', '.png'], maxSizeMB: 50 } as const;

export type UploadOptions = {
  /** 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
};

const networkMessage: Localized = { 'zh-CN': '网络连接失败，请检查网络后重试', en: 'Network error; check your connection and try again' };
const abortedMessage: Localized = { 'zh-CN': '已取消上传', en: 'Upload cancelled' };

const isLocalized = (v: unknown): v is Localized =>
  !!v && typeof v === 'object' && typeof (v as Localized)['zh-CN'] === 'string' && typeof (v as Localized).en === 'string';

/** The server's ErrorBody of a failed upload as the ApiError every other call throws (see client.ts). */
function errorOf(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page): the status says what there is.
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string' && isLocalized(err.message)) {
    const fields = Array.isArray(err.fields) ? err.fields.filter((f): f is FieldError => !!f && typeof f.path === 'string' && isLocalized(f.message)) : [];
    return new ApiError({
      code: err.code, status, message: err.message, fields,
      requestId: typeof err.requestId === 'string' ? err.requestId : undefined,
      details: err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined,
    });
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
  return new ApiError({ code, status, message: defaultMessage(code) });
}

/**
 * A multipart POST (part "file") through XMLHttpRequest, which (unlike fetch) reports upload
 * progress. The CSRF token is the session's, read fresh from GET /api/auth/session (it is not
 * rotated by reading it), so a token rotated in another tab does not fail the upload.
 */
async function uploadWithProgress<T>(path: string, file: File, { onProgress, signal }: UploadOptions): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(100, Math.floor((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError({ code: 'INTERNAL', status: xhr.status, message: defaultMessage('INTERNAL') }));
        }
        return;
      }
      reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ code: 'NETWORK', status: 0, message: networkMessage }));
    xhr.onabort = () => reject(new ApiError({ code: 'ABORTED', status: 0, message: abortedMessage }));
    if (signal) {
      if (signal.aborted) {
        reject(new ApiError({ code: 'ABORTED', status: 0, message: abortedMessage }));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}
