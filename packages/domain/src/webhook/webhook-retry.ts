// When a failed delivery is tried again: a pure schedule, so the worker and its tests agree.
// Six attempts in all (the first and five retries over about seven hours), then it fails and
// waits for the organizer's manual redelivery.

/** Delay before retry n (1 = after the first failure). */
export const webhookRetryDelaysMs = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const webhookMaxAttempts = webhookRetryDelaysMs.length + 1;

/** After `attempts` failed attempts: when to try next, or null when it has failed for good. */
export function nextWebhookAttempt(attempts: number, now: number): number | null {
  if (attempts < 1) return now;
  if (attempts >= webhookMaxAttempts) return null;
  return now + webhookRetryDelaysMs[attempts - 1];
}
