import type { FastifyBaseLogger } from 'fastify';
import type { Subject } from '@lvping/domain';
import type { Config } from './config.ts';
import type { Db, Engine } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every service needs, built once per process. */
export type Deps = {
  db: Db;
  engine: Engine;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** HMAC key for CSRF tokens, shared by every process through the database. */
  secret: string;
  now: () => number;
};

/** The signed-in user as services see them. */
export type Actor = Subject & { email: string; displayName: string; mustChangePassword: boolean; sessionId: string };

/** Where a request came from, for sessions and the audit log. */
export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };
