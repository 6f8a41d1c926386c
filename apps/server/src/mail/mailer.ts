import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

/** An attachment travels as given (e.g. a text/calendar .ics). */
export type MailAttachment = { filename: string; content: string | Buffer; contentType: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };
export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:port). Without it, mail is written to
 * the log instead, so a fresh install can still follow a reset link.
 */
export function createMailer(opts: { smtpUrl: string | null; from: string; log: FastifyBaseLogger }): Mailer {
  if (!opts.smtpUrl) {
    return {
      send: async (mail) => opts.log.info({ mail }, 'mail (no SMTP_URL set, so it is logged instead of sent)'),
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from: opts.from, ...mail });
    },
    close: () => transport.close(),
  };
}
