// Applicants for the scenarios against lvping: a user with an organization and a draft on
// the 先导技术榜 track of the open demo edition, its seal uploaded.
import { randomInt } from 'node:crypto';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, type FileRef } from '@lvping/domain';
import { xiandaoGreenAnswers } from '../packages/domain/test/templates/samples.ts';
import { registerUser, type SignedIn } from './lvping.ts';
import type { SaveSlot } from './save-slots.ts';
import type { Ctx } from './scenario.ts';

export const draftAnswers = (seal: FileRef) => xiandaoGreenAnswers(seal);

export const PROGRAM_SLUG = 'kczg-2022-demo'; // the demo edition (DEMO_DATA=1), its call open now
export const TRACK_ID = 'xiandao-green'; // 先导技术榜（绿色低碳领域）
export const SEAL_FIELD = 'applicantOpinion.seal';
export const SEAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** Applicants prepared at a time: registration hashes a password (argon2), and the box has 2 cores. */
export const SETUP_CONCURRENCY = 5;

export type Applicant = SaveSlot & { id: string; cookie: string; csrfToken: string; answers: Record<string, unknown> };

/** A valid, random 统一社会信用代码 for an enterprise registered in Haidian (110108). */
export function creditCode(): string {
  let first17 = '91110108';
  while (first17.length < 17) first17 += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return first17 + creditCodeCheckChar(first17)!;
}

export async function call<T>(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string | FormData): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new user with an organization, a draft on the track and the seal uploaded: one connection's target. */
export async function prepareApplicant(baseUrl: string, programId: string, n: number): Promise<Applicant> {
  return prepareDraft(baseUrl, programId, await registerUser(baseUrl, `draft${n}`), n);
}

/**
 * Another draft for a signed-in user: a new organization (one application per organization and
 * track), the draft, its seal uploaded. Cheaper than a new user (no password hashing), so a
 * scenario can prepare thousands.
 */
export async function prepareDraft(baseUrl: string, programId: string, user: SignedIn, n: number): Promise<Applicant> {
  const auth = { cookie: user.cookie, 'x-csrf-token': user.csrfToken };
  const json = { ...auth, 'content-type': 'application/json' };
  const org = await call<{ id: string }>(baseUrl, 'POST', '/api/organizations', json, JSON.stringify({
    name: `压测绿色科技有限公司${n}`, creditCode: creditCode(), regionCode: '110108', kind: 'enterprise',
    address: '北京市海淀区中关村南大街5号', contactName: '王工', contactPhone: '010-12345678', contactEmail: user.email,
  }));
  const app = await call<{ id: string; revision: number }>(baseUrl, 'POST', '/api/applications', json, JSON.stringify({
    programId, trackId: TRACK_ID, organizationId: org.id,
  }));
  const form = new FormData();
  form.append('file', new Blob([SEAL_PDF], { type: 'application/pdf' }), 'seal.pdf');
  const ref = await call<FileRef>(baseUrl, 'POST', `/api/applications/${app.id}/files?field=${SEAL_FIELD}`, auth, form);
  const answers = draftAnswers({ id: ref.id, name: ref.name, size: ref.size, type: ref.type });
  return {
    id: app.id, cookie: user.cookie, csrfToken: user.csrfToken, answers,
    path: `/api/applications/${app.id}/draft`, headers: json, answersJson: JSON.stringify(answers), revision: app.revision,
  };
}

/**
 * `count` drafts over `users` new users (round-robin): the many applicants of a surge. Each
 * user's session serves its drafts; the session check costs the same whoever it is.
 */
export async function prepareDrafts(ctx: Ctx, baseUrl: string, programId: string, count: number, users: number, label: string): Promise<Applicant[]> {
  const signedIn = await mapLimit(ctx, Math.min(users, count), SETUP_CONCURRENCY, (i) => registerUser(baseUrl, `${label}${i}`));
  return mapLimit(ctx, count, SETUP_CONCURRENCY * 2, (i) => prepareDraft(baseUrl, programId, signedIn[i % signedIn.length], i + 1));
}

/** A PDF of `bytes` bytes, different for each `n` (so each upload is stored as new content). */
export function pdfOfSize(bytes: number, n: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n%${n}\n1 0 obj<<>>endobj\n`);
  const tail = Buffer.from('\ntrailer<<>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x20), tail]);
}

/** A multipart/form-data body with one part "file". */
export function multipartFile(name: string, type: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----lvpingbench${Math.random().toString(36).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** fn over 0…n-1, at most `limit` at a time, in order of the results. */
export async function mapLimit<T>(ctx: Ctx, n: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      ctx.signal.throwIfAborted();
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return out;
}

/** The demo edition's id, checking it has the track. */
export async function findProgram(baseUrl: string): Promise<string> {
  const program = await call<{ id: string; definition: { tracks: { id: string }[] } }>(baseUrl, 'GET', `/api/programs/by-slug/${PROGRAM_SLUG}`, {});
  if (!program.definition.tracks.some((t) => t.id === TRACK_ID)) throw new Error(`${PROGRAM_SLUG} has no track ${TRACK_ID}`);
  return program.id;
}
