// A real SMTP server on loopback that keeps what it receives, so a test can follow an emailed link.
// The server's test support owns the server and the decoding; this adds waiting for a link.
import { mailText, startSmtpServer } from '../../../server/test/support/smtp.ts';

export type Inbox = { url: string; waitForLink: (to: string, pattern: RegExp, timeoutMs?: number) => Promise<string>; close: () => Promise<void> };

export async function startInbox(): Promise<Inbox> {
  const smtp = await startSmtpServer();
  return {
    url: smtp.url,
    waitForLink: async (to, pattern, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        for (const m of smtp.mails.filter((x) => x.to.includes(to))) {
          const hit = pattern.exec(mailText(m.raw));
          if (hit) return hit[0];
        }
        if (Date.now() > until) throw new Error(`no mail to ${to} with ${pattern} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: smtp.close,
  };
}
