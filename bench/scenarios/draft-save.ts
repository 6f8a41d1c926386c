// PUT /api/applications/:id/draft: autosaving a full 先导技术榜 draft (every
// section, ~3 KB of Chinese text) from many applicants at once, each
// connection its own applicant and application, each save on the revision the
// previous one returned. The whole pipeline: session and CSRF check, ownership,
// form version lookup, draft validation, attachment check, the revision-checked
// UPDATE and the search text. Compared with writeBaseline (baseline.ts): the
// same body into a SQLite row on bare Fastify.
import { randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, type FileRef } from '@lvping/domain';
import { xiandaoGreenAnswers } from '../../packages/domain/test/templates/samples.ts';
import { defaults } from '../measure.ts';
import { registerUser, startLvping, type Engine } from '../lvping.ts';
import { measureSaves, type SaveSlot } from '../save-slots.ts';
import type { Ctx, Scenario } from '../scenario.ts';

/** The report group: these scenarios and the write baseline. */
export const DRAFT_GROUP = 'PUT draft';

export const draftAnswers = (seal: FileRef) => xiandaoGreenAnswers(seal);

const PROGRAM_SLUG = 'kczg-2022-demo'; // the demo edition (DEMO_DATA=1), its call open now
const TRACK_ID = 'xiandao-green'; // 先导技术榜（绿色低碳领域）
const SEAL_FIELD = 'applicantOpinion.seal';
const SEAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** Applicants prepared at a time: registration hashes a password (argon2), and the box has 2 cores. */
const SETUP_CONCURRENCY = 5;

type Applicant = SaveSlot & { id: string; cookie: string; answers: Record<string, unknown> };

/** A valid, random 统一社会信用代码 for an enterprise registered in Haidian (110108). */
function creditCode(): string {
  let first17 = '91110108';
  while (first17.length < 17) first17 += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return first17 + creditCodeCheckChar(first17)!;
}

async function call<T>(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string | FormData): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new user with an organization, a draft on the track and the seal uploaded: one connection's target. */
async function prepareApplicant(baseUrl: string, programId: string, n: number): Promise<Applicant> {
  const user = await registerUser(baseUrl, `draft${n}`);
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
    id: app.id, cookie: user.cookie, answers,
    path: `/api/applications/${app.id}/draft`, headers: json, answersJson: JSON.stringify(answers), revision: app.revision,
  };
}

/** fn over 0…n-1, at most `limit` at a time, in order of the results. */
async function mapLimit<T>(ctx: Ctx, n: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
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

type State = { url: string; applicants: Applicant[] };

export function draftSave(engine: Engine): Scenario<State> {
  return {
    name: 'PUT /api/applications/:id/draft (full 先导技术榜)',
    engine,
    group: DRAFT_GROUP,
    // The product's aim; set for SQLite, the default engine.
    ...(engine === 'sqlite' ? { aim: { minRpsRatio: 0.5, maxP99Ms: 25 } } : {}),
    async setup(ctx) {
      const server = await startLvping(ctx, engine, { DEMO_DATA: '1' });
      const program = await call<{ id: string; definition: { tracks: { id: string }[] } }>(server.url, 'GET', `/api/programs/by-slug/${PROGRAM_SLUG}`, {});
      if (!program.definition.tracks.some((t) => t.id === TRACK_ID)) throw new Error(`${PROGRAM_SLUG} has no track ${TRACK_ID}`);
      const started = Date.now();
      const applicants = await mapLimit(ctx, defaults.saveConnections, SETUP_CONCURRENCY, (i) => prepareApplicant(server.url, program.id, i + 1));
      ctx.log(`${applicants.length} applicants with a draft each, ready in ${((Date.now() - started) / 1000).toFixed(1)} s; body ${Buffer.byteLength(applicants[0].answersJson)} bytes of answers`);
      return { url: server.url, applicants };
    },
    async run({ url, applicants }, ctx) {
      const detail = (a: Applicant) => call<{ revision: number; answers: unknown }>(url, 'GET', `/api/applications/${a.id}`, { cookie: a.cookie });
      const revisionOf = async (slot: SaveSlot) => (await detail(slot as Applicant)).revision;
      const { measurement, serverSaves, perSlot } = await measureSaves(url, applicants, revisionOf);
      // Saved for real: every draft reads back with the answers sent.
      for (const a of applicants) {
        const d = await detail(a);
        if (d.revision < 1 || !isDeepStrictEqual(d.answers, a.answers)) {
          throw new Error(`application ${a.id} reads back at revision ${d.revision} with ${isDeepStrictEqual(d.answers, a.answers) ? 'the answers sent' : 'other answers'}`);
        }
      }
      ctx.log(`${serverSaves} saves over ${applicants.length} drafts, each read back with its answers; ${perSlot}`);
      return measurement;
    },
  };
}
