import { createHmac, timingSafeEqual } from 'node:crypto';

// The signature a receiver checks: HMAC-SHA256 with the endpoint's secret over
// "<unix seconds>.<raw body>", sent as `X-Lvping-Signature: t=<ts>,v1=<hex>`. The timestamp is
// inside what is signed, so a captured request cannot be replayed later with a fresh one;
// receivers should refuse a t more than a few minutes old (README: verifying a webhook).

export const signatureOf = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export const signatureHeader = (secret: string, timestamp: number, body: string): string => `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;

/** True when the header signs this body with this secret (and, given maxAgeS, is recent). */
export function verifySignatureHeader(secret: string, header: string, body: string, opts: { nowS?: number; maxAgeS?: number } = {}): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (opts.maxAgeS !== undefined && Math.abs((opts.nowS ?? Math.floor(Date.now() / 1000)) - t) > opts.maxAgeS) return false;
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
