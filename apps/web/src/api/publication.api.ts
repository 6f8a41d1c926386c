// Typed calls of publication (发布): the public results and verification, the applicant's own
// result, and the organizer's 发布 tab, with the bulk certificate ZIP read as a stream so the
// page can count the files as they arrive. Types only from the domain's schemas.
import type {
  CertificateVerification, CorrectionRequest, MyResult, PublicationOverview, PublicResults, PublishResult,
} from '@lvping/domain/publication/results-api.schema.ts';
import { CERTIFICATE_COUNT_HEADER, ZipEntryCounter } from '@lvping/domain/publication/zip-entries.ts';
import { api, fetchFile, filenameFromDisposition } from './client.ts';
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
  certificatesZip,
};

/**
 * All certificates as one ZIP. The server says how many files come (a header); the response is
 * read chunk by chunk and its files counted exactly as they complete (ZipEntryCounter walks the
 * local headers), then the whole is saved. onProgress gets (done, total).
 */
async function certificatesZip(programId: string, onProgress: (done: number, total: number) => void): Promise<void> {
  const path = `${org(programId)}/certificates.zip`;
  const res = await fetch(path, { credentials: 'same-origin' }).catch(() => null);
  // A failure: ask again the usual way, which turns the answer into the ApiError the page shows.
  if (!res?.ok || !res.body) {
    await fetchFile(path);
    return;
  }
  const total = Number(res.headers.get(CERTIFICATE_COUNT_HEADER) ?? 0);
  const counter = new ZipEntryCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = res.body.getReader();
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onProgress(counter.push(value), total);
  }
  // Every file counted by its header; a stream the counter could not walk still ended complete.
  onProgress(counter.complete ? counter.done : total, total);
  const url = URL.createObjectURL(new Blob(chunks, { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFromDisposition(res.headers.get('content-disposition')) ?? 'certificates.zip';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
