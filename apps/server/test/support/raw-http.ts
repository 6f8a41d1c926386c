// A raw TCP client for what inject() cannot do: stall mid-body, drip headers, stop reading.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Client, Harness } from './harness.ts';
import { actorOf, applicantWithOrg, openProgram } from './journey.ts';
import { ensureFirstAdmin } from '../../src/features/access/admin.service.ts';
import type { Actor } from '../../src/context.ts';

export type RawConnection = {
  socket: Socket;
  /** Everything the server sent so far. */
  received: () => string;
  /** Resolves when the server has closed the connection (or it failed), with when that was. */
  closed: Promise<number>;
  /** Writes, resolving false once the connection is gone instead of throwing. */
  write: (data: string | Buffer) => Promise<boolean>;
};

export async function openRaw(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let text = '';
  socket.on('data', (d) => (text += d.toString('latin1')));
  socket.on('error', () => {}); // a reset after the server's answer is expected
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  const write = (data: string | Buffer) =>
    new Promise<boolean>((resolve) => {
      if (socket.destroyed || !socket.writable) return resolve(false);
      const ok = socket.write(data, (err) => { if (err) resolve(false); });
      if (ok) resolve(true);
      else socket.once('drain', () => resolve(true)).once('close', () => resolve(false));
    });
  return { socket, received: () => text, closed, write };
}

/** The request head of a multipart upload with the client's cookies and CSRF token. */
export function uploadHead(c: Client, path: string, contentLength: number, boundary: string): string {
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nx-csrf-token: ${c.csrfToken}\r\n` +
    `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${contentLength}\r\n\r\n`;
}

export const partHead = (boundary: string, filename: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;

export const tmpFiles = (h: Harness) => {
  try {
    return readdirSync(join(h.deps.config.dataDir, 'tmp'));
  } catch {
    return [];
  }
};

/** Open file descriptors of this process: the server runs in it. */
export const openFds = () => readdirSync('/proc/self/fd').length;

export async function waitFor(what: string, check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first platform admin, signed in. */
export async function signedInAdmin(h: Harness): Promise<{ client: Client; actor: Actor }> {
  const first = (await ensureFirstAdmin(h.deps))!;
  const client = h.client();
  await client.login(first.email, first.password);
  return { client, actor: await actorOf(h, client) };
}

/** An applicant's draft on a fresh open test program, to upload to (field basic.license, 1 MB max). */
export async function draftToUploadTo(h: Harness, admin: Actor, email: string, creditCode: string) {
  const program = await openProgram(h, admin, `up-${Math.random().toString(36).slice(2, 8)}`);
  const a = await applicantWithOrg(h, email, creditCode);
  const created = await a.client.post('/api/applications', { programId: program.id, trackId: 'green', organizationId: a.orgId });
  assert.equal(created.statusCode, 200, created.body);
  return { client: a.client, orgId: a.orgId, programId: program.id as string, applicationId: created.json().id as string };
}
