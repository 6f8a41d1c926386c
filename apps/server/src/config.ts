import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise SQLite at DATA_DIR/lvping.sqlite. */
  databaseUrl: string | null;
  /** The address users reach, for links in emails. */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Demo accounts on first start (default: on for SQLite, off for PostgreSQL). */
  demoData: boolean;
  logLevel: string;
  /** Set when the app runs behind a reverse proxy, so client IPs and https are read from it. */
  trustProxy: boolean;
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
  };
  webhooks: {
    /**
     * Lets an endpoint be plain http:// on the loopback interface (a receiver on this machine,
     * in development and tests). Off in production: endpoints must be https and public.
     */
    allowInsecureLoopback: boolean;
    /** How often each process looks for due deliveries; 0 turns the timer off (tests drive it). */
    tickMs: number;
    /** How long a receiver may take to answer. */
    timeoutMs: number;
  };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || null;
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? '绿评 lvping <noreply@lvping.local>',
    demoData: env.DEMO_DATA ? env.DEMO_DATA === '1' : !databaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1',
    sessionSecret: env.SESSION_SECRET || null,
    auth: {
      sessionTtlMs: Number(env.SESSION_TTL_HOURS ?? 24 * 7) * 3600_000,
      slowAfter: 3,
      slowStepMs: Number(env.LOGIN_SLOW_STEP_MS ?? 1000),
      lockAfter: 5,
      lockMs: Number(env.LOGIN_LOCK_MINUTES ?? 15) * 60_000,
      resetTtlMs: 3600_000,
    },
    webhooks: {
      allowInsecureLoopback: env.WEBHOOKS_ALLOW_INSECURE_LOOPBACK ? env.WEBHOOKS_ALLOW_INSECURE_LOOPBACK === '1' : env.NODE_ENV !== 'production',
      tickMs: Number(env.WEBHOOKS_TICK_MS ?? 5000),
      timeoutMs: 10_000,
    },
  };
}
