// Requests that answer 202 with a job (an assignment solve, an export): the test server's worker
// polls every 100 ms, so waiting here is waiting for it — the way the web app's JobProgress does.
import assert from 'node:assert/strict';
import type { ApiReply, HttpClient } from './http-client.ts';

/** Waits for the job a 202 reply queued; fails unless it succeeded; returns its result. */
export async function jobResult<T = any>(client: HttpClient, reply: Promise<ApiReply>, timeoutMs = 60_000): Promise<T> {
  const { jobId } = await client.ok<{ jobId: string }>(reply, 202);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.ok(client.get(`/api/jobs/${jobId}`));
    if (job.status === 'succeeded') return job.result as T;
    assert.notEqual(job.status, 'dead', `job ${job.kind} failed: ${job.error}`);
    assert.ok(Date.now() < until, `job ${job.kind} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
