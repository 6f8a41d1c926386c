import { once } from 'node:events';
import type { Writable } from 'node:stream';
import yazl from 'yazl';
import { AppError, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { certificateFileName, certificatePdfInput } from './certificates.ts';
import { loadProgramDef } from './publish.service.ts';
import { certificatesOfApplication, findCertificate, validCertificatesOf, type CertificateRow } from './publication.repository.ts';
import { ownApplication } from './results.service.ts';

// Certificates as files: the applicant's own, one for the organizer, and all of a program's
// as a ZIP, written by the job `export.certificates` (certificate-zip.job.ts) with its progress.

async function pdfOf(deps: Deps, c: CertificateRow) {
  const { def } = await loadProgramDef(deps, c.program_id);
  return { filename: certificateFileName(c), pdf: await renderCertificatePdf(certificatePdfInput(deps, def, c)) };
}

export async function myCertificatePdf(deps: Deps, actor: Actor | null, applicationId: string) {
  const app = await ownApplication(deps, actor, applicationId);
  const c = (await certificatesOfApplication(deps.db, app.id)).find((x) => x.revoked_at === null);
  if (!c) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该申报没有有效的证书', en: 'This application has no valid certificate' } });
  return pdfOf(deps, c);
}

export async function programCertificatePdf(deps: Deps, actor: Actor | null, programId: string, serial: string) {
  authorize(actor, 'program.publish', { programId });
  const c = await findCertificate(deps.db, serial);
  if (!c || c.program_id !== programId) throw new AppError('NOT_FOUND');
  return pdfOf(deps, c);
}

/** Certificates a program may put in its ZIP now (checked as the actor); the job renders them. */
export async function certificatesToZip(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'program.publish', { programId });
  const { def } = await loadProgramDef(deps, programId);
  return { def, certs: await validCertificatesOf(deps.db, programId), filename: `${def.name}-证书.zip` };
}

/**
 * Writes the ZIP to `out` while the PDFs render, one at a time (memory stays at one PDF plus
 * what the file has not taken yet); `onFile` gets the count of files done.
 */
export async function writeCertificatesZip(deps: Deps, def: ProgramDefinition, certs: CertificateRow[], out: NodeJS.WritableStream, onFile: (done: number) => void): Promise<number> {
  const zip = new yazl.ZipFile();
  const piped = new Promise<void>((resolve, reject) => {
    zip.outputStream.on('error', reject);
    (out as Writable).on('error', reject);
    zip.outputStream.on('end', resolve);
  });
  zip.outputStream.pipe(out, { end: false });
  let done = 0;
  for (const c of certs) {
    const pdf = await renderCertificatePdf(certificatePdfInput(deps, def, c));
    // PDFs are compressed already: stored as they are.
    zip.addBuffer(pdf, certificateFileName(c), { compress: false, mtime: new Date(c.issued_at) });
    onFile(++done);
    const w = out as Writable;
    if (w.writableNeedDrain) await once(w, 'drain');
  }
  zip.end();
  await piped;
  return done;
}
