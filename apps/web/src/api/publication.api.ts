// Typed calls of publication (发布): the public results and verification, the applicant's own
// result, and the organizer's 发布 tab, with the bulk certificate ZIP made by a job (its bar
// counts the certificates rendered). Types only from the domain's schemas.
import type {
  CertificateVerification, CorrectionRequest, MyResult, PublicationOverview, PublicResults, PublishResult,
} from '@lvping/domain/publication/results-api.schema.ts';
import { api } from './client.ts';
import type { JobStarted } from './jobs.api.ts';
import { downloadFile } from './download.ts';

export type { CertificateVerification, MyResult, PublicationOverview, PublicResults, PublishResult };
export type PublicationItem = PublicationOverview['items'][number];

const enc = encodeURIComponent;
const org = (programId: string) => `/api/programs/${enc(programId)}`;

export const publicationApi = {
  results: (slug: string, trackId?: string) => api.get<PublicResults>(`/api/programs/by-slug/${enc(slug)}/results${trackId ? `/tracks/${enc(trackId)}` : ''}`),
  status: (slug: string) => api.get<{ published: boolean; publishedAt: number | null }>(`/api/programs/by-slug/${enc(slug)}/results/status`),
  publicXlsxPath: (slug: string) => `/api/programs/by-slug/${enc(slug)}/results.xlsx`,
  verify: (serial: string) => api.get<CertificateVerification>(`/api/certificates/verify?serial=${enc(serial)}`),
  myResult: (applicationId: string) => api.get<MyResult>(`/api/applications/${enc(applicationId)}/result`),
  downloadMyCertificate: (applicationId: string, serial: string) => downloadFile(`/api/applications/${enc(applicationId)}/certificate.pdf`, `${serial}.pdf`),
  overview: (programId: string) => api.get<PublicationOverview>(`${org(programId)}/publication`),
  publish: (programId: string) => api.post<PublishResult>(`${org(programId)}/publication/publish`),
  correct: (programId: string, body: CorrectionRequest) => api.post<{ revoked: string[]; issued: string | null }>(`${org(programId)}/publication/corrections`, body),
  downloadResultsXlsx: (programId: string) => downloadFile(`${org(programId)}/publication/results.xlsx`, 'results.xlsx'),
  downloadCertificate: (programId: string, serial: string) => downloadFile(`${org(programId)}/certificates/${enc(serial)}/pdf`, `${serial}.pdf`),
  downloadPublicXlsx: (slug: string) => downloadFile(`/api/programs/by-slug/${enc(slug)}/results.xlsx`, 'results.xlsx'),
  /** Queues the ZIP of every valid certificate (a job: follow it, then download its file). */
  startCertificatesZip: (programId: string) => api.post<JobStarted>(`${org(programId)}/certificates/exports`),
};

