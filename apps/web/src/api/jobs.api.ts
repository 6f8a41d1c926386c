// The durable job queue: a job's status/progress/result for its owner, and the platform admin's dead letters.
import type { AdminJobListSchema, AdminJobSchema, JobStatus, JobViewSchema } from '@lvping/domain/jobs/job.schema.ts';
import { api } from './client.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
export type JobView = Out<typeof JobViewSchema>;
export type AdminJob = Out<typeof AdminJobSchema>;
export type AdminJobList = Out<typeof AdminJobListSchema>;
export type { JobStatus };

const e = encodeURIComponent;

export const jobsApi = {
  get: (jobId: string) => api.get<JobView>(`/api/jobs/${e(jobId)}`),
  list: (q: { status: JobStatus; kind?: string; before?: number; limit?: number }) => {
    const params = new URLSearchParams({ status: q.status, ...(q.kind ? { kind: q.kind } : {}), ...(q.before !== undefined ? { before: String(q.before) } : {}), ...(q.limit ? { limit: String(q.limit) } : {}) });
    return api.get<AdminJobList>(`/api/admin/jobs?${params}`);
  },
  retry: (jobId: string) => api.post<AdminJob>(`/api/admin/jobs/${e(jobId)}/retry`),
  discard: (jobId: string) => api.delete<{ discarded: true }>(`/api/admin/jobs/${e(jobId)}`),
};

/** Where a finished job's file is (its owner only). */
export const jobDownloadUrl = (jobId: string) => `/api/jobs/${e(jobId)}/download`;

/** The file a job wrote, as the browser's own download: a link, so a large file streams to disk instead of into memory. */
export function downloadJobFile(jobId: string, name: string): void {
  const a = document.createElement('a');
  a.href = jobDownloadUrl(jobId);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** What a request that queued a job answers (202). */
export type JobStarted = { jobId: string };
/** The result of a job that wrote a file. */
export type JobFile = { file: { name: string; mime: string; size: number; sha256: string }; count: number };
