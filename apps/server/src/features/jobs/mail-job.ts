import type { Db } from '../../db/database.ts';
import type { Mail } from '../../mail/mailer.ts';
import { enqueueJob, type JobKind } from './job-queue.ts';

// Mail is a job: a request never waits for the mail server, a server that is down costs
// retries rather than the mail, and a mail queued in a change's transaction goes out exactly
// when that change committed.

type StoredAttachment = { filename: string; contentType: string; base64: string };
export type MailPayload = { to: string; subject: string; text: string; attachments?: StoredAttachment[] };

/** Ten attempts: with the backoff that is about eight hours of a mail server being away. */
export const mailMaxAttempts = 10;

/** Queues a mail in `trx` (inside the change's transaction) or in the db (after its commit). */
export function enqueueMail(trx: Db, mail: Mail): Promise<string> {
  return enqueueJob(trx, { kind: 'mail', payload: toPayload(mail), maxAttempts: mailMaxAttempts });
}

// Attachments are bytes (an .ics); JSON carries them as base64 so not one byte changes.
export function toPayload(mail: Mail): MailPayload {
  const attachments = mail.attachments?.map((a) => ({
    filename: a.filename, contentType: a.contentType,
    base64: (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content).toString('base64'),
  }));
  return { to: mail.to, subject: mail.subject, text: mail.text, ...(attachments?.length ? { attachments } : {}) };
}

export function fromPayload(p: MailPayload): Mail {
  const attachments = p.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') }));
  return { to: p.to, subject: p.subject, text: p.text, ...(attachments ? { attachments } : {}) };
}

export const mailJob: JobKind = {
  handler: async (deps, payload: MailPayload) => {
    await deps.mailer.send(fromPayload(payload));
    return null;
  },
  describe: (p: MailPayload) => `${p.to}: ${p.subject}`,
  redactOnSuccess: true,
};
