// When a failed job is tried again: exponential backoff with jitter, so jobs that failed
// together (a mail server that was down) do not all come back in the same instant.

export const jobBackoffBaseMs = 30_000;
export const jobBackoffCapMs = 6 * 60 * 60_000;

/**
 * Delay after the n-th failed attempt (1 = the first): 30 s × 2^(n−1), capped at 6 h, then
 * scaled by a factor in [0.8, 1.2) from `random` (a number in [0, 1)).
 */
export function jobRetryDelayMs(failedAttempts: number, random: number): number {
  const n = Math.max(1, failedAttempts);
  const base = Math.min(jobBackoffCapMs, jobBackoffBaseMs * 2 ** Math.min(n - 1, 30));
  return Math.round(base * (0.8 + 0.4 * random));
}
