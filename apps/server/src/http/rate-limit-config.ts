// How many requests of each limited kind one address (or account) may make per window.
// Read from the environment as RATE_LIMIT_<KIND>=<max>/<window>, e.g. RATE_LIMIT_LOGIN=60/15m;
// "off" lifts a limit. A malformed value stops the start naming the variable.

export type RateLimitRule = { max: number; windowMs: number };

/** Defaults: generous for an office behind one NAT address on deadline day, tight for a script. */
export const RATE_LIMIT_DEFAULTS = {
  /** Sign-ins per address (each email also has its own failure lockout). */
  login: '60/15m',
  /** Sign-ups per address. */
  register: '20/1h',
  /** Reset-link requests per address. */
  passwordReset: '20/1h',
  /** Mails to one email address from sign-ups and reset requests: nobody's inbox gets flooded. */
  mailPerAddress: '5/1h',
  /** Attempts to set a new password with an emailed token, per address. */
  passwordResetConfirm: '30/1h',
  /** Password changes per address (wrong current passwords also count towards the account's lockout). */
  passwordChange: '20/15m',
  /** Uploads per signed-in user, or per address when anonymous. */
  upload: '300/1h',
  /** Anonymous form posts (objections and their evidence) per address. */
  publicForm: '60/1h',
  /** Public look-ups (certificate verification, objection receipts) per address. */
  publicLookup: '120/10m',
} as const;

export type RateLimitName = keyof typeof RATE_LIMIT_DEFAULTS;

const UNIT_MS = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 } as const;

/** "60/15m" → 60 per 15 minutes; "off" → max 0 (not limited). */
export function parseRateLimit(text: string, name = 'rate limit'): RateLimitRule {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === '0') return { max: 0, windowMs: 60_000 };
  const m = /^(\d+)\s*\/\s*(\d*)\s*([smhd])$/.exec(t);
  if (!m) throw new Error(`${name}: "${text}" is not <max>/<window> such as 60/15m or 20/1h (units s, m, h, d), nor "off"`);
  const windowMs = Number(m[2] || 1) * UNIT_MS[m[3] as keyof typeof UNIT_MS];
  if (Number(m[1]) < 1 || windowMs < 1000) throw new Error(`${name}: "${text}" needs a max of at least 1 and a window of at least 1s`);
  return { max: Number(m[1]), windowMs };
}

const envName = (k: string) => `RATE_LIMIT_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

export function loadRateLimits(env: NodeJS.ProcessEnv): Record<RateLimitName, RateLimitRule> {
  const out = {} as Record<RateLimitName, RateLimitRule>;
  for (const [k, fallback] of Object.entries(RATE_LIMIT_DEFAULTS) as [RateLimitName, string][]) {
    const name = envName(k);
    out[k] = parseRateLimit(env[name] ?? fallback, name);
  }
  return out;
}
