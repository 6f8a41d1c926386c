import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobBackoffCapMs, jobRetryDelayMs } from '../../src/jobs/job-backoff.ts';

test('job retries back off exponentially from 30 s, jittered ±20 %, capped at 6 h', () => {
  assert.equal(jobRetryDelayMs(1, 0.5), 30_000);
  assert.equal(jobRetryDelayMs(2, 0.5), 60_000);
  assert.equal(jobRetryDelayMs(5, 0.5), 480_000);
  assert.equal(jobRetryDelayMs(1, 0), 24_000);
  assert.equal(jobRetryDelayMs(1, 0.999999), 36_000);
  assert.equal(jobRetryDelayMs(40, 0.5), jobBackoffCapMs);
  assert.equal(jobRetryDelayMs(0, 0.5), 30_000, 'a nonsense count is treated as the first');
});
