import { once } from 'node:events';
import type { PassThrough } from 'node:stream';
import yazl from 'yazl';
import { AppError } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { certificateFileName, certificatePdfInput } from './certificates.ts';
import { loadProgramDef } from './publish.service.ts';
import { certificatesOfApplication, findCertificate, validCertificatesOf, type CertificateRow } from './publication.repository.ts';
import { ownApplication } from './results.service.ts';

// Certificates as files: the applicant's own, one for the organizer, and all of a program's
// as a ZIP that streams while the PDFs are rendered (the count goes ahead in a header so the
// browser can show progress).

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

/** Unsent bytes allowed to wait for a slow client before rendering pauses. */
const BACKLOG = 4 * 1024 * 1024;

export async function certificatesZip(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'program.publish', { programId });
  const { def } = await loadProgramDef(deps, programId);
  const certs = await validCertificatesOf(deps.db, programId);
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as PassThrough;
  void (async () => {
    for (const c of certs) {
      const pdf = await renderCertificatePdf(certificatePdfInput(deps, def, c));
      // PDFs are compressed already: stored, and the sizes sit in each local header (what the browser's counter walks).
      zip.addBuffer(pdf, certificateFileName(c), { compress: false, mtime: new Date(c.issued_at) });
      if (out.writableLength > BACKLOG) await once(out, 'drain');
    }
    zip.end();
  })().catch((err) => {
    deps.log.error({ err, programId }, 'certificate zip failed');
    out.destroy(err as Error);
  });
  return { filename: `${def.name}-证书.zip`, count: certs.length, stream: out };
}
