import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../../config.ts';

// The anchors file: the audit chain's head, signed, one JSON line each, outside the database.
// A hash chain cannot see its own tail cut off or an older copy of itself swapped in; a head
// written somewhere else can. Line 1 is the header with the Ed25519 public key; every other
// line is {seq, hash, at, reason, sig}.
//
// Appends: O_APPEND, one write() of one whole line (well under PIPE_BUF, 4096 bytes), then
// fsync. On a local Linux filesystem an O_APPEND write moves the offset to the end and writes
// in one step, so lines from several processes never interleave (NFS gives no such promise).

export type AnchorHeader = { type: 'lvping-audit-anchors'; v: 1; alg: 'Ed25519'; publicKey: string; createdAt: number };
export type Anchor = { seq: number; hash: string; at: number; reason: string; sig: string };
export type AnchorKey = { privateKey: KeyObject; publicKey: string };

/** Lines stay far below PIPE_BUF, so one write() of one line is atomic. */
const MAX_LINE = 1024;

const signedBytes = (a: Omit<Anchor, 'sig'>) => Buffer.from(JSON.stringify(['lvping-audit-anchor', 1, a.seq, a.hash, a.at, a.reason]));

export const publicKeyText = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');

function parsePrivateKey(text: string): KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit anchor key must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** Writes `data` to `path` only if nothing is there: a temp file linked into place, so a reader never sees it half written. */
async function createExclusive(path: string, data: string, mode: number): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, path);
    await syncDir(dirname(path));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * The installation's signing key: AUDIT_ANCHOR_KEY, else the key file (created 0600 on first
 * use when `create`). null when there is none and none may be created.
 */
export async function loadAnchorKey(config: Config, opts: { create: boolean }): Promise<AnchorKey | null> {
  const fromText = (text: string) => {
    const privateKey = parsePrivateKey(text);
    return { privateKey, publicKey: publicKeyText(privateKey) };
  };
  if (config.audit.anchorKey) return fromText(config.audit.anchorKey);
  const read = async () => {
    try {
      return await readFile(config.audit.keyFile, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  let text = await read();
  if (text === null && opts.create) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Another process may have created it first: then theirs is the key.
    await createExclusive(config.audit.keyFile, pem, 0o600);
    text = await read();
  }
  return text === null ? null : fromText(text);
}

export function signAnchor(key: AnchorKey, a: Omit<Anchor, 'sig'>): Anchor {
  return { ...a, sig: sign(null, signedBytes(a), key.privateKey).toString('base64') };
}

export function anchorSignatureValid(publicKey: string, a: Anchor): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, signedBytes(a), key, Buffer.from(a.sig, 'base64'));
  } catch {
    return false;
  }
}

async function readHead(file: string, bytes: number): Promise<string | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** The file's header, creating the file with one if there is none; refuses a file started with another key. */
async function ensureHeader(file: string, key: AnchorKey, now: number): Promise<void> {
  const header: AnchorHeader = { type: 'lvping-audit-anchors', v: 1, alg: 'Ed25519', publicKey: key.publicKey, createdAt: now };
  let start = await readHead(file, 4096);
  if (start === null) {
    await createExclusive(file, JSON.stringify(header) + '\n', 0o644);
    start = (await readHead(file, 4096))!;
  }
  // A file made empty on purpose (say, pre-created with chattr +a) gets its header appended.
  if (start === '') return appendLine(file, JSON.stringify(header));
  const first = parseHeader(start.split('\n')[0]);
  if (!first) throw new Error(`${file} does not start with an lvping audit anchors header`);
  if (first.publicKey !== key.publicKey) {
    throw new Error(`${file} was started with another signing key than this installation's (AUDIT_ANCHOR_KEY or the key file); refusing to add anchors nobody could check`);
  }
}

async function appendLine(file: string, line: string): Promise<void> {
  const buf = Buffer.from(line + '\n');
  if (buf.length > MAX_LINE) throw new Error('audit anchor line too long');
  const fh = await open(file, 'a', 0o644);
  try {
    // One write() of the whole line: see the note at the top.
    const { bytesWritten } = await fh.write(buf, 0, buf.length);
    if (bytesWritten !== buf.length) throw new Error(`short write to ${file}: ${bytesWritten} of ${buf.length} bytes`);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Signs and appends one anchor (creating the key and the file on first use). */
export async function appendAnchor(config: Config, a: Omit<Anchor, 'sig'>): Promise<Anchor> {
  const key = (await loadAnchorKey(config, { create: true }))!;
  await ensureHeader(config.audit.anchorsFile, key, a.at);
  const anchor = signAnchor(key, { ...a, reason: a.reason.slice(0, 200) });
  await appendLine(config.audit.anchorsFile, JSON.stringify({ seq: anchor.seq, hash: anchor.hash, at: anchor.at, reason: anchor.reason, sig: anchor.sig }));
  return anchor;
}

export function parseHeader(line: string): AnchorHeader | null {
  try {
    const h = JSON.parse(line) as AnchorHeader;
    return h && h.type === 'lvping-audit-anchors' && h.alg === 'Ed25519' && typeof h.publicKey === 'string' ? h : null;
  } catch {
    return null;
  }
}

export function parseAnchor(line: string): Anchor | null {
  try {
    const a = JSON.parse(line) as Anchor;
    const ok = a && Number.isSafeInteger(a.seq) && a.seq >= 0 && typeof a.hash === 'string' && /^[0-9a-f]{64}$/.test(a.hash)
      && Number.isSafeInteger(a.at) && typeof a.reason === 'string' && typeof a.sig === 'string';
    return ok ? { seq: a.seq, hash: a.hash, at: a.at, reason: a.reason, sig: a.sig } : null;
  } catch {
    return null;
  }
}

/** The whole file as lines (1-based numbers), or null when there is no file. A last line without its newline is kept: it shows as malformed. */
export async function readAnchorLines(file: string): Promise<{ line: number; text: string }[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (lines.length) lines[lines.length - 1] += '\u0000'; // torn: never valid JSON
  return lines.map((t, i) => ({ line: i + 1, text: t }));
}

/** The last anchor in the file, reading only its tail (the hourly tick asks on every run). */
export async function lastAnchor(file: string): Promise<Anchor | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const { size } = await fh.stat();
    const len = Math.min(size, 4 * MAX_LINE);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, size - len);
    const lines = buf.toString('utf8').split('\n').filter(Boolean);
    for (let i = lines.length - 1; i >= 0; i--) {
      const a = parseAnchor(lines[i]);
      if (a) return a;
    }
    return null;
  } finally {
    await fh.close();
  }
}
