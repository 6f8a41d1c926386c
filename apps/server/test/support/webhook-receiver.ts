import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver on 127.0.0.1 for webhook tests: it records every request and answers
// 200, or a given status for the next n requests to a path, optionally after a delay.

export type Received = { path: string; headers: IncomingHttpHeaders; body: string };

export async function startWebhookReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, { left: number; status: number }>();
  let delayMs = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const fail = failures.get(path);
      const status = fail && fail.left > 0 ? (fail.left--, fail.status) : 200;
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver is down'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next n requests to path get this status. */
    failNext: (path: string, n: number, status = 500) => void failures.set(path, { left: n, status }),
    setDelay: (ms: number) => void (delayMs = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
