import { join, resolve } from 'node:path';
import { loadRateLimits, type RateLimitName, type RateLimitRule } from './http/rate-limit-config.ts';
import type { SqliteSynchronous } from './db/database.ts';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise SQLite at DATA_DIR/lvping.sqlite. */
  databaseUrl: string | null;
  /** SQLite only: full (default: every answered commit survives a power loss) or normal (survives a killed process). */
  sqliteSynchronous: SqliteSynchronous;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE, default 10); with WORKERS=N, N times that in all. */
  poolSize: number;
  /** The address users reach, for links in emails. */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Demo accounts on first start (default: on for SQLite, off for PostgreSQL). */
  demoData: boolean;
  logLevel: string;
  /** Set when the app runs behind a reverse proxy, so client IPs, https and x-request-id are read from it. */
  trustProxy: boolean;
  /** Deadlines for receiving a request (see README, "Request deadlines"). */
  http: {
    /** From a request's first byte until its headers are complete (slowloris). */
    headersTimeoutMs: number;
    /** From a request's first byte until its body is complete: the cap on the slowest upload. */
    requestTimeoutMs: number;
    /** Longest silence while an upload's body is arriving, before it is answered 408 and closed. */
    bodyIdleTimeoutMs: number;
  };
  sessionSecret: string | null;
  auth: {
    sessionTtlMs: number;
    /** Failed logins before each further attempt is slowed down. */
    slowAfter: number;
    slowStepMs: number;
    /** Failed logins before the account is locked. */
    lockAfter: number;
    lockMs: number;
    resetTtlMs: number;
    /**
     * Sign-up creates the account only once the emailed link is followed, and answers the same
     * whether or not the address is registered (REGISTRATION_VERIFY_EMAIL, default on). Off: the
     * account is signed in at once and a taken address is refused, which tells who has an account.
     */
    verifyEmail: boolean;
    registrationTtlMs: number;
  };
  /** Requests per window from one address (or account) for each limited kind; see http/rate-limit.ts. */
  rateLimits: Record<RateLimitName, RateLimitRule>;
  /** The durable job queue (features/jobs). */
  jobs: {
    /** How often each process looks for due jobs; 0 turns its worker off (tests drive it with runDueJobs). */
    pollMs: number;
    /** Jobs one process runs at once. */
    concurrency: number;
    /** How long a claimed job is held without a heartbeat; a dead process's jobs come back after it. */
    leaseMs: number;
    /** How long succeeded jobs are kept. */
    keepMs: number;
    /** How long a job's file (an export, a certificate ZIP) stays downloadable. */
    fileKeepMs: number;
  };
  webhooks: {
    /**
     * Lets an endpoint be plain http:// on the loopback interface (a receiver on this machine,
     * in development and tests). Off in production: endpoints must be https and public.
     */
    allowInsecureLoopback: boolean;
    /** How often due deliveries are sent (the recurring job webhooks.deliver); 0 turns it off (tests drive it). */
    tickMs: number;
    /** How long a receiver may take to answer. */
    timeoutMs: number;
  };
  uploads: {
    /** An upload never attached (no answer, objection or decision names it) is deleted this long after it arrived. */
    orphanGraceMs: number;
  };
  /** The audit chain's head, signed into a file outside the database (features/audit/audit-anchor-file.ts). */
  audit: {
    /** Append-only anchors file; put it on other storage than the database to make it worth more. */
    anchorsFile: string;
    /** The Ed25519 private key (PKCS#8 PEM), created 0600 on first use unless anchorKey is given. */
    keyFile: string;
    /** The private key itself (PEM or base64 PKCS#8 DER), from AUDIT_ANCHOR_KEY; wins over keyFile. */
    anchorKey: string | null;
    /** How often each process anchors the head; 0 turns the timer off (tests drive it). */
    anchorEveryMs: number;
  };
};

function sqliteSynchronousOf(v: string | undefined): SqliteSynchronous {
  const level = (v || 'normal').toLowerCase();
  if (level !== 'full' && level !== 'normal') throw new Error(`SQLITE_SYNCHRONOUS: "${v}" is neither full nor normal`);
  return level;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || null;
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    sqliteSynchronous: sqliteSynchronousOf(env.SQLITE_SYNCHRONOUS),
    poolSize: positiveInt(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE'),
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? '绿评 lvping <noreply@lvping.local>',
    demoData: env.DEMO_DATA ? env.DEMO_DATA === '1' : !databaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1',
    http: {
      headersTimeoutMs: Number(env.HEADERS_TIMEOUT_MS ?? 10_000),
      requestTimeoutMs: Number(env.REQUEST_TIMEOUT_MS ?? 300_000),
      bodyIdleTimeoutMs: Number(env.BODY_IDLE_TIMEOUT_MS ?? 30_000),
    },
    sessionSecret: env.SESSION_SECRET || null,
    auth: {
      sessionTtlMs: Number(env.SESSION_TTL_HOURS ?? 24 * 7) * 3600_000,
      slowAfter: 3,
      slowStepMs: Number(env.LOGIN_SLOW_STEP_MS ?? 1000),
      lockAfter: 5,
      lockMs: Number(env.LOGIN_LOCK_MINUTES ?? 15) * 60_000,
      resetTtlMs: 3600_000,
      verifyEmail: env.REGISTRATION_VERIFY_EMAIL !== '0',
      registrationTtlMs: 24 * 3600_000,
    },
    rateLimits: loadRateLimits(env),
    jobs: {
      pollMs: Number(env.JOBS_POLL_MS ?? 1000),
      concurrency: Math.max(1, Number(env.JOBS_CONCURRENCY ?? 2)),
      leaseMs: Math.max(1000, Number(env.JOBS_LEASE_MS ?? 60_000)),
      keepMs: Number(env.JOBS_KEEP_DAYS ?? 7) * 86_400_000,
      fileKeepMs: Number(env.JOBS_FILE_KEEP_HOURS ?? 24) * 3600_000,
    },
    webhooks: {
      allowInsecureLoopback: env.WEBHOOKS_ALLOW_INSECURE_LOOPBACK ? env.WEBHOOKS_ALLOW_INSECURE_LOOPBACK === '1' : env.NODE_ENV !== 'production',
      tickMs: Number(env.WEBHOOKS_TICK_MS ?? 5000),
      timeoutMs: 10_000,
    },
    uploads: {
      // At least an hour: the objection upload's per-hour rate limit counts the rows.
      orphanGraceMs: Math.max(1, Number(env.UPLOAD_ORPHAN_GRACE_HOURS ?? 24)) * 3600_000,
    },
    audit: {
      anchorsFile: resolve(env.AUDIT_ANCHORS_FILE || join(env.DATA_DIR ?? 'data', 'audit-anchors.jsonl')),
      keyFile: resolve(env.AUDIT_ANCHOR_KEY_FILE || join(env.DATA_DIR ?? 'data', 'audit-anchor.key')),
      anchorKey: env.AUDIT_ANCHOR_KEY || null,
      anchorEveryMs: Number(env.AUDIT_ANCHOR_EVERY_MINUTES ?? 60) * 60_000,
    },
  };
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a whole number of at least 1`);
  return n;
}
