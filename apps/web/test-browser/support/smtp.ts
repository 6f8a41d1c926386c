// A real SMTP server on loopback that keeps what it receives, so a test can follow an emailed link.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

type Received = { to: string[]; raw: string };

export type Inbox = { url: string; waitForLink: (to: string, pattern: RegExp, timeoutMs?: number) => Promise<string>; close: () => Promise<void> };

/** The readable text of a raw message, whichever transfer encoding nodemailer picked. */
export function decodeMail(raw: string): string {
  const parts = raw.split(/\r?\n\r?\n/);
  let text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (/content-transfer-encoding:\s*base64/i.test(raw)) {
    for (const p of parts.slice(1)) {
      const compact = p.replace(/\s+/g, '');
      if (/^[A-Za-z0-9+/=]+$/.test(compact) && compact.length > 0) text += `\n${Buffer.from(compact, 'base64').toString('utf8')}`;
    }
  }
  return text;
}

export async function startInbox(): Promise<Inbox> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    waitForLink: async (to, pattern, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        for (const m of mails.filter((x) => x.to.includes(to))) {
          const hit = pattern.exec(decodeMail(m.raw));
          if (hit) return hit[0];
        }
        if (Date.now() > until) throw new Error(`no mail to ${to} with ${pattern} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
