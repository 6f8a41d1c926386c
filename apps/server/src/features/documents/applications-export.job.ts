import { createHash } from 'node:crypto';
import type { ApplicationExportRequest } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { exportableApplications } from '../applications/program-applications.service.ts';
import { enqueueJob, type JobContext, type JobKind } from '../jobs/job-queue.ts';
import { writeJobFile } from '../jobs/job-files.ts';
import { actorOfOwner } from '../jobs/job-owner.ts';
import { prepareApplicationsXlsx } from './document.service.ts';

// The organizer's applications export as a job (kind `export.applications`): the request checks
// the permission and queues; the job checks it again as its owner (a grant may have been revoked
// meanwhile), writes the workbook to DATA_DIR/exports, and reports rows done / total.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Payload = { userId: string; programId: string; query: ApplicationExportRequest };

/** One waiting export per user, program and filter: a double click gets the same job. */
const dedupeKey = (userId: string, programId: string, q: ApplicationExportRequest) => {
  const filters = JSON.stringify(Object.entries(q).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return `export.applications:${userId}:${programId}:${createHash('sha256').update(filters).digest('hex').slice(0, 32)}`;
};

export async function startApplicationsExport(deps: Deps, actor: Actor, programId: string, query: ApplicationExportRequest): Promise<{ jobId: string }> {
  await exportableApplications(deps, actor, programId, query); // refuses now what the job would refuse
  const payload: Payload = { userId: actor.userId, programId, query };
  return { jobId: await enqueueJob(deps.db, { kind: 'export.applications', payload, ownerUserId: actor.userId, dedupeKey: dedupeKey(actor.userId, programId, query) }) };
}

/** Progress from a synchronous callback: saved in the background, and the signal stops the writer. */
export function progressReporter(ctx: JobContext, total: number) {
  let pending: Promise<void> = Promise.resolve();
  return {
    report: (done: number) => {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
      pending = pending.then(() => ctx.progress(done, Math.max(total, done))).catch(() => undefined);
    },
    settled: () => pending,
  };
}

export const applicationsExportJob: JobKind = {
  handler: async (deps, p: Payload, ctx) => {
    const actor = await actorOfOwner(deps, p.userId, ctx.jobId);
    const xlsx = await prepareApplicationsXlsx(deps, actor, p.programId, p.query);
    const total = await xlsx.count();
    await ctx.progress(0, total);
    const progress = progressReporter(ctx, total);
    const result = await writeJobFile(deps.config.dataDir, ctx.jobId, { name: xlsx.filename, mime: XLSX }, async (out) => (await xlsx.write(out, progress.report)).rows);
    await progress.settled();
    await ctx.progress(result.count, Math.max(total, result.count));
    return result;
  },
  describe: (p: Payload) => `applications export of program ${p.programId}`,
};
