import type { Actor, Deps } from '../../context.ts';
import { progressReporter } from '../documents/applications-export.job.ts';
import { enqueueJob, type JobKind } from '../jobs/job-queue.ts';
import { writeJobFile } from '../jobs/job-files.ts';
import { actorOfOwner } from '../jobs/job-owner.ts';
import { certificatesToZip, writeCertificatesZip } from './certificate.service.ts';

// Every valid certificate of a program as one ZIP, made by a job (kind `export.certificates`):
// rendering hundreds of PDFs takes minutes, so the request only queues it; the job re-checks
// program.publish as its owner, reports certificates done / total, and leaves the ZIP in
// DATA_DIR/exports for GET /api/jobs/:jobId/download.

type Payload = { userId: string; programId: string };

export async function startCertificatesZip(deps: Deps, actor: Actor, programId: string): Promise<{ jobId: string }> {
  await certificatesToZip(deps, actor, programId);
  const payload: Payload = { userId: actor.userId, programId };
  return { jobId: await enqueueJob(deps.db, { kind: 'export.certificates', payload, ownerUserId: actor.userId, dedupeKey: `export.certificates:${actor.userId}:${programId}` }) };
}

export const certificateZipJob: JobKind = {
  handler: async (deps, p: Payload, ctx) => {
    const actor = await actorOfOwner(deps, p.userId, ctx.jobId);
    const { def, certs, filename } = await certificatesToZip(deps, actor, p.programId);
    await ctx.progress(0, certs.length);
    const progress = progressReporter(ctx, certs.length);
    const result = await writeJobFile(deps.config.dataDir, ctx.jobId, { name: filename, mime: 'application/zip' }, (out) => writeCertificatesZip(deps, def, certs, out, progress.report));
    await progress.settled();
    await ctx.progress(result.count, certs.length);
    return result;
  },
  describe: (p: Payload) => `certificate ZIP of program ${p.programId}`,
};
