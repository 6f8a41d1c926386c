import { AppError, type SolveAssignmentRequestSchema } from '@lvping/domain';
import type { z } from 'zod';
import type { Actor, Deps } from '../../context.ts';
import { enqueueJob, type JobKind } from '../jobs/job-queue.ts';
import { findJob } from '../jobs/job.repository.ts';
import { actorOfOwner } from '../jobs/job-owner.ts';
import { authorizeAssign, solveProgramAssignment, type SolvePhase } from './assignment.service.ts';

// An assignment solve as a job (kind `assignment.solve`): building the instance (BM25 over every
// pair) and the exact solve can take seconds on a large program, so the request only queues it.
// One solve per program and round at a time (the dedupe key): a second click while one waits or
// runs gets the same job, and another organizer is told one is already running. The job checks
// review.assign again as its owner; its result is what the route used to answer.

type SolveInput = z.infer<typeof SolveAssignmentRequestSchema>;
type Payload = { userId: string; programId: string; roundId: string; input: SolveInput; requestId: string | null };

const phases: SolvePhase[] = ['building', 'solving', 'writing'];

export async function startAssignmentSolve(deps: Deps, actor: Actor, programId: string, roundId: string | undefined, input: SolveInput, requestId: string | null = null): Promise<{ jobId: string }> {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  const payload: Payload = { userId: actor.userId, programId, roundId: ref.round.id, input, requestId };
  const jobId = await enqueueJob(deps.db, { kind: 'assignment.solve', payload, ownerUserId: actor.userId, dedupeKey: `assignment.solve:${programId}:${ref.round.id}`, maxAttempts: 3 });
  const holder = await findJob(deps.db, jobId);
  if (holder && holder.owner_user_id !== actor.userId && (holder.status === 'queued' || holder.status === 'running')) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '另一位组织者正在运行本轮的分配，请稍候再试', en: 'Another organizer is solving this round’s assignment; try again shortly' } });
  }
  return { jobId };
}

export const assignmentSolveJob: JobKind = {
  handler: async (deps, p: Payload, ctx) => {
    const actor = await actorOfOwner(deps, p.userId, ctx.jobId);
    await ctx.progress(0, phases.length);
    // The solver itself is synchronous and has no cancellation: a shutdown is honoured between
    // phases. While it computed, the heartbeat could not run: before writing, the lease must
    // still be this worker's (else another worker has the job and this one writes nothing).
    const onPhase = async (phase: SolvePhase) => {
      if (phase === 'writing' && !(await ctx.keepLease())) throw new Error('lease lost while solving');
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
      await ctx.progress(phases.indexOf(phase), phases.length);
    };
    const result = await solveProgramAssignment(deps, actor, p.programId, p.roundId, p.input, p.requestId, onPhase);
    await ctx.progress(phases.length, phases.length);
    return result;
  },
  describe: (p: Payload) => `assignment solve of program ${p.programId}${p.roundId ? ` round ${p.roundId}` : ''}`,
};
