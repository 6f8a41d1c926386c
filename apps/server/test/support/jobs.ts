import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { JobView } from '@lvping/domain';
import type { Client, Harness } from './harness.ts';

// Requests that answer 202 with a job: run the queue, then read the job (and its file) as the
// client that asked, the way the web app does.

/** Runs the queue until the job is done and returns it as `client` sees it. */
export async function jobOf(h: Harness, client: Client, started: LightMyRequestResponse): Promise<JobView> {
  assert.equal(started.statusCode, 202, started.body);
  const { jobId } = started.json() as { jobId: string };
  await h.runJobs();
  const res = await client.get(`/api/jobs/${jobId}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as JobView;
}

/** A job that must succeed: its result. */
export async function jobResult<T = any>(h: Harness, client: Client, started: LightMyRequestResponse): Promise<T> {
  const job = await jobOf(h, client, started);
  assert.equal(job.status, 'succeeded', `job ${job.kind} ${job.status}: ${job.error}`);
  return job.result as T;
}

/** An export job that must succeed: the downloaded file (status 200, its headers and bytes). */
export async function jobDownload(h: Harness, client: Client, started: LightMyRequestResponse): Promise<LightMyRequestResponse> {
  const job = await jobOf(h, client, started);
  assert.equal(job.status, 'succeeded', `job ${job.kind} ${job.status}: ${job.error}`);
  const file = await client.get(`/api/jobs/${job.id}/download`);
  assert.equal(file.statusCode, 200, file.body);
  return file;
}

/** POST …/assignment/solve and wait for its job: what the route answered before it was a job. */
export async function solveAssignment<T = any>(h: Harness, client: Client, programId: string, body: unknown = {}, round?: string): Promise<T> {
  return jobResult<T>(h, client, await client.post(`/api/programs/${programId}/assignment/solve${round === undefined ? '' : `?round=${encodeURIComponent(round)}`}`, body));
}

/** The stored files of a ZIP, walked header to header (sizes are in yazl's local headers). */
export function zipFiles(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  for (let o = 0; zip.readUInt32LE(o) === 0x04034b50;) {
    const size = zip.readUInt32LE(o + 18);
    const nameLen = zip.readUInt16LE(o + 26);
    const start = o + 30 + nameLen + zip.readUInt16LE(o + 28);
    out.push({ name: zip.subarray(o + 30, o + 30 + nameLen).toString('utf8'), data: zip.subarray(start, start + size) });
    o = start + size;
  }
  return out;
}
