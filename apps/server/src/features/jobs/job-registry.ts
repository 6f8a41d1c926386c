import type { Config } from '../../config.ts';
import { hourlyAnchor } from '../audit/audit-anchor.service.ts';
import { sendDueReminders } from '../review/progress.service.ts';
import { deliverDueWebhooks } from '../webhooks/webhook-delivery.ts';
import { sweepOrphanUploads } from '../files/orphan-sweep.ts';
import { pruneSucceededJobs } from './job.repository.ts';
import { pruneJobFiles } from './job-files.ts';
import type { JobKind, RecurringJob } from './job-queue.ts';
import { mailJob } from './mail-job.ts';
import { applicationsExportJob } from '../documents/applications-export.job.ts';
import { certificateZipJob } from '../publication/certificate-zip.job.ts';
import { assignmentSolveJob } from '../assignment/assignment-solve.job.ts';

// Every kind of job and every recurring job, in one place. To add a kind: write its handler
// `(deps, payload, ctx) => result` next to the feature, add it here, and enqueue it with
// enqueueJob(trx, { kind, payload, ownerUserId }) in the service's transaction.

export const jobKinds: Record<string, JobKind> = {
  mail: mailJob,
  // Files for their owner: DATA_DIR/exports/<jobId>.<ext>, downloaded at GET /api/jobs/:jobId/download.
  'export.applications': applicationsExportJob,
  'export.certificates': certificateZipJob,
  'assignment.solve': assignmentSolveJob,
};

/**
 * Runs every `everyMs`, once per slot across all processes. Each is one row in `jobs` (its kind
 * is the name) that whoever claims it re-arms for the next slot; a failed run is logged in the
 * row and the next slot comes all the same.
 */
export function recurringJobs(config: Config): RecurringJob[] {
  return [
    // Scheduled reminder emails to experts (progress.service.ts claims each reminder too).
    { name: 'review.reminders', everyMs: 60_000, handler: async (deps) => ({ sent: await sendDueReminders(deps) }) },
    // Webhook deliveries keep their own outbox and retry schedule (webhook-delivery.ts); this is its tick. 0 = off (tests drive it).
    ...(config.webhooks.tickMs > 0 ? [{ name: 'webhooks.deliver', everyMs: config.webhooks.tickMs, handler: async (deps) => deliverDueWebhooks(deps) } satisfies RecurringJob] : []),
    // The audit chain's head signed into the anchors file (audit-anchor.service.ts), hourly by default; 0 = off.
    ...(config.audit.anchorEveryMs > 0 ? [{ name: 'audit.anchor', everyMs: config.audit.anchorEveryMs, handler: async (deps) => ({ anchored: (await hourlyAnchor(deps))?.seq ?? null }) } satisfies RecurringJob] : []),
    // Uploads never attached, once UPLOAD_ORPHAN_GRACE_HOURS have passed (features/files/orphan-sweep.ts).
    { name: 'uploads.sweep-orphans', everyMs: 3600_000, handler: async (deps) => sweepOrphanUploads(deps) },
    // Succeeded jobs are kept a while for their owners and the admins, then forgotten; their files (exports) sooner.
    { name: 'jobs.prune', everyMs: 3600_000, handler: async (deps) => ({
      deleted: await pruneSucceededJobs(deps.db, Date.now() - deps.config.jobs.keepMs),
      files: await pruneJobFiles(deps.config.dataDir, Date.now() - deps.config.jobs.fileKeepMs),
    }) },
  ];
}
