// Typed calls for 初筛 (screening), submitted versions and deadline extensions.
import type { ScreeningView, ChecklistItemState, RuleResult, ScreeningOutcome } from '@lvping/domain/screening/screening.schema.ts';
import type { Localized } from '@lvping/domain/errors.ts';
import type { ApplicationStatus } from './applications.api.ts';
import { queryString } from './applications.api.ts';
import { api } from './client.ts';

export type { ScreeningView, ChecklistItemState, RuleResult, ScreeningOutcome };
export type ScreeningState = 'pending' | 'returned' | 'eligible' | 'ineligible' | 'all';
export type QueueFilters = { trackId: string; state?: ScreeningState; region?: string; q?: string; page?: number; pageSize?: number };
export type RuleCounts = { pass: number; fail: number; unknown: number };
export type QueueItem = {
  id: string;
  number: string;
  organizationName: string;
  creditCode: string;
  regionCode: string;
  status: ApplicationStatus;
  submittedAt: number | null;
  revision: number;
  ruleSummary: RuleCounts;
  checklist: { checked: number; total: number };
  outcome: ScreeningOutcome | null;
  releasedAt: number | null;
};
export type Queue = { track: { id: string; name: string; entry: 'direct' | 'recommendation' }; screenableStatus: ApplicationStatus; total: number; items: QueueItem[] };
export type BulkResult = { applicationId: string; ok: boolean; status?: ApplicationStatus; error?: { code: string; message: Localized } };
export type Decision =
  | { outcome: 'pass'; baseRevision: number; note?: string }
  | { outcome: 'fail'; baseRevision: number; reason: string }
  | { outcome: 'return'; baseRevision: number; comments: string; resubmitBy?: string };
export type Feedback = {
  items: { versionNo: number; outcome: ScreeningOutcome; message: string | null; failedRules: { description: string; reason: Localized | null }[];
    /** Checklist items the screener found wanting, with the note on each. */
    failedChecks: { id: string; text: string; textEn?: string; note: string }[]; decidedAt: number }[];
  awaitingRelease: boolean;
};
export type VersionSummary = { versionNo: number; formVersion: number; submittedAt: number; outcome: ScreeningOutcome | null };
export type VersionCompare = {
  from: VersionSummary;
  to: VersionSummary;
  changes: { path: string; label: string; labelEn?: string; before: string; after: string }[];
};
export type DeadlineResult = { deadline: number; override: number | null };
export type ProgramDeadlines = { callClosesAt: number; recommendationClosesAt: number; units: { unitId: string; until: number }[] };

const enc = encodeURIComponent;
const app = (id: string) => `/api/applications/${enc(id)}`;

export const screeningApi = {
  queue: (programId: string, f: QueueFilters) => api.get<Queue>(`/api/programs/${enc(programId)}/screening/queue${queryString(f)}`),
  bulkPass: (programId: string, applicationIds: string[]) =>
    api.post<{ passed: number; results: BulkResult[] }>(`/api/programs/${enc(programId)}/screening/bulk-pass`, { applicationIds }),
  release: (programId: string, body: { trackId?: string; applicationIds?: string[] }) =>
    api.post<{ released: number; applicationIds: string[] }>(`/api/programs/${enc(programId)}/screening/release`, body),
  view: (id: string) => api.get<ScreeningView>(`${app(id)}/screening`),
  tick: (id: string, itemId: string, body: { checked: boolean | null; note: string }) =>
    api.put<{ checklist: ChecklistItemState[] }>(`${app(id)}/screening/checklist/${enc(itemId)}`, body),
  decide: (id: string, body: Decision) => api.post<ScreeningView>(`${app(id)}/screening/decision`, body),
  feedback: (id: string) => api.get<Feedback>(`${app(id)}/screening/feedback`),
  versions: (id: string) => api.get<{ items: VersionSummary[] }>(`${app(id)}/versions`),
  compare: (id: string, from: number, to: number) => api.get<VersionCompare>(`${app(id)}/versions/compare${queryString({ from, to })}`),
};

export const deadlinesApi = {
  program: (programId: string) => api.get<ProgramDeadlines>(`/api/programs/${enc(programId)}/deadlines`),
  extendApplication: (id: string, body: { until: string | null; reason: string }) => api.post<DeadlineResult>(`${app(id)}/deadline`, body),
  extendUnit: (programId: string, unitId: string, body: { until: string | null; reason: string }) =>
    api.post<DeadlineResult>(`/api/programs/${enc(programId)}/units/${enc(unitId)}/deadline`, body),
};
