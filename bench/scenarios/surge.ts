// `npm run bench -- surge [--seconds=60] [--rate=2000] [--applicants=1000]`: deadline day.
// 20,000 applicants each autosaving every 10 s is 2,000 saves/s; on top, 2,000 submissions
// over the last hour (each an 8 KB PDF upload checked by content, then the submit). Open loop
// (open-loop.ts): requests go out at their scheduled times whatever the server does, and
// latency counts from the schedule, so an overloaded server shows as latency and errors.
// Fewer applicants than 20,000 save more often each (--applicants; the server's work per save is
// the same); one applicant's saves never overlap (each carries the last revision), as in a
// browser. SQLite with one process, PostgreSQL with two on one port (WORKERS=2), and bare
// Fastify writing the same body into SQLite at the same rate: the baseline of the same run.
// Aim (issue 12): p99 ≤ 50 ms and no errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { call, draftAnswers, findProgram, multipartFile, pdfOfSize, prepareDrafts, SEAL_FIELD, type Applicant } from '../applicants.ts';
import { startLvping, type Engine } from '../lvping.ts';
import { createClient, runOpenLoop, serialised, type OpenLoopResult, type Stream } from '../open-loop.ts';
import { numberOption } from '../options.ts';
import { defaults, type Measurement } from '../measure.ts';
import type { SaveSlot } from '../save-slots.ts';
import type { Ctx, Scenario } from '../scenario.ts';
import { startServer } from '../server-process.ts';

export const SURGE_GROUP = 'surge';
const seconds = () => numberOption('seconds', 60);
const saveRate = () => numberOption('rate', 2000);
const applicantCount = () => Math.round(numberOption('applicants', 1000));
/** 2,000 submissions over the last hour. */
const SUBMIT_RATE = 2000 / 3600;
const PDF_BYTES = 8 * 1024;
/** Users the drafts are spread over (signing up hashes a password: keep it few). */
const USERS = 20;

type SaveTarget = SaveSlot & { cookie?: string };
type State = { url: string; slots: SaveTarget[]; submitters: Applicant[] };

/** The saves stream: PUT the slot's answers on its last revision, keep the new one. */
function saveStream(client: ReturnType<typeof createClient>, slots: SaveTarget[], rate: number): Stream {
  return {
    name: 'autosave',
    ratePerS: rate,
    send: serialised(slots, async (slot) => {
      const res = await client.request('PUT', slot.path, slot.headers, `{"baseRevision":${slot.revision},"answers":${slot.answersJson}}`);
      if (res.status === 200) slot.revision = (JSON.parse(res.body) as { revision: number }).revision;
      return res.status;
    }),
  };
}

/** The submissions stream: each its own prepared draft; the upload, then the submit. */
function submitStream(client: ReturnType<typeof createClient>, submitters: Applicant[]): Stream {
  return {
    name: 'submission (8 KB upload + submit)',
    ratePerS: SUBMIT_RATE,
    send: async (i) => {
      const a = submitters[i];
      if (!a) throw new Error(`no prepared submission ${i}`);
      const auth = { cookie: a.cookie, 'x-csrf-token': a.csrfToken };
      const { body, contentType } = multipartFile('申报材料.pdf', 'application/pdf', pdfOfSize(PDF_BYTES, i));
      const up = await client.request('POST', `/api/applications/${a.id}/files?field=${SEAL_FIELD}`, { ...auth, 'content-type': contentType }, body);
      if (up.status !== 200) return up.status;
      const sub = await client.request('POST', `/api/applications/${a.id}/submit`, { ...auth, 'content-type': 'application/json' }, JSON.stringify({ baseRevision: a.revision }));
      return sub.status;
    },
  };
}

function report(ctx: Ctx, r: OpenLoopResult, rate: number): Measurement {
  for (const s of r.streams) {
    const m = s.measurement;
    ctx.log(`${s.name}: ${m.requests} ok at ${m.reqPerSec.toFixed(1)}/s, p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms, max ${m.maxMs.toFixed(1)} ms; ` +
      `errors per minute [${s.errorsPerMinute.join(', ')}]${s.firstError ? ` (first: ${s.firstError.slice(0, 200)})` : ''}; status codes ${JSON.stringify(m.statusCodes)}`);
  }
  ctx.log(`client: ${(r.clientCpu * 100).toFixed(0)}% of a core, dispatch lag p99 ${r.dispatchLagP99Ms.toFixed(2)} ms (max ${r.dispatchLagMaxMs.toFixed(1)}), ` +
    `event-loop delay p99 ${r.clientLoopDelayP99Ms.toFixed(2)} ms, at most ${r.maxInFlight} requests in flight`);
  const saves = r.streams[0].measurement;
  const met = saves.p99Ms <= 50 && r.streams.every((s) => s.measurement.errors === 0) && saves.reqPerSec >= rate * 0.99;
  ctx.log(`aim p99 ≤ 50 ms, no errors, ${rate}/s kept: ${met ? 'met' : 'NOT MET'}`);
  return { ...saves, details: { streams: r.streams, client: { cpu: r.clientCpu, dispatchLagP99Ms: r.dispatchLagP99Ms, loopDelayP99Ms: r.clientLoopDelayP99Ms, maxInFlight: r.maxInFlight } } };
}

export function surge(engine: Engine, workers: number): Scenario<State> {
  return {
    name: `surge: autosaves + submissions, open loop${workers > 1 ? ` ×${workers} processes` : ''}`,
    engine,
    group: SURGE_GROUP,
    explicit: true,
    async setup(ctx) {
      const server = await startLvping(ctx, engine, { DEMO_DATA: '1', WORKERS: String(workers) });
      const programId = await findProgram(server.url);
      const started = Date.now();
      const slots = await prepareDrafts(ctx, server.url, programId, applicantCount(), USERS, 'surge');
      const submitCount = Math.ceil(SUBMIT_RATE * (seconds() + defaults.warmupS)) + 2;
      const submitters = await prepareDrafts(ctx, server.url, programId, submitCount, 2, 'submit');
      // A complete draft, saved once: what is submitted at the end.
      for (const a of submitters) {
        a.revision = (await call<{ revision: number }>(server.url, 'PUT', a.path, a.headers, JSON.stringify({ baseRevision: a.revision, answers: a.answers }))).revision;
      }
      ctx.log(`${slots.length} drafts over ${USERS} users and ${submitters.length} to submit, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { url: server.url, slots, submitters };
    },
    async run({ url, slots, submitters }, ctx) {
      const client = createClient(url);
      try {
        const rate = saveRate();
        const r = await runOpenLoop([saveStream(client, slots, rate), submitStream(client, submitters)], { seconds: seconds(), warmupS: defaults.warmupS });
        return report(ctx, r, rate);
      } finally {
        client.close();
      }
    },
  };
}

/** The same saves at the same rate into bare Fastify + SQLite (serve.ts bare-write). */
export const surgeBaseline: Scenario<{ url: string; slots: SaveTarget[] }> = {
  name: 'surge baseline: PUT /drafts/:id → SQLite row, open loop',
  engine: 'fastify',
  group: SURGE_GROUP,
  isBaseline: true,
  explicit: true,
  async setup(ctx) {
    ctx.signal.throwIfAborted();
    const dataDir = await mkdtemp(join(tmpdir(), 'lvping-bench-bare-'));
    ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
    const rows = applicantCount();
    const server = await startServer(ctx, 'bare-write', { DATA_DIR: dataDir, BARE_ROWS: String(rows) });
    const answersJson = JSON.stringify(draftAnswers({ id: randomUUID(), name: 'seal.pdf', size: 45, type: 'application/pdf' }));
    const slots = Array.from({ length: rows }, (_, i): SaveTarget => ({ path: `/drafts/${i + 1}`, headers: { 'content-type': 'application/json' }, answersJson, revision: 0 }));
    return { url: server.url, slots };
  },
  async run({ url, slots }, ctx) {
    const client = createClient(url);
    try {
      const rate = saveRate();
      return report(ctx, await runOpenLoop([saveStream(client, slots, rate)], { seconds: seconds(), warmupS: defaults.warmupS }), rate);
    } finally {
      client.close();
    }
  },
};
