// PUT /api/applications/:id/draft: autosaving a full 先导技术榜 draft (every
// section, ~3 KB of Chinese text) from many applicants at once, each
// connection its own applicant and application, each save on the revision the
// previous one returned. The whole pipeline: session and CSRF check, ownership,
// form version lookup, draft validation, attachment check, the revision-checked
// UPDATE and the search text. Compared with writeBaseline (baseline.ts): the
// same body into a SQLite row on bare Fastify.
import { isDeepStrictEqual } from 'node:util';
import { call, findProgram, mapLimit, prepareApplicant, SETUP_CONCURRENCY, type Applicant } from '../applicants.ts';
import { defaults } from '../measure.ts';
import { startLvping, type Engine } from '../lvping.ts';
import { measureSaves, type SaveSlot } from '../save-slots.ts';
import type { Scenario } from '../scenario.ts';

export { draftAnswers } from '../applicants.ts';

/** The report group: these scenarios and the write baseline. */
export const DRAFT_GROUP = 'PUT draft';

/** PostgreSQL runs as the issue's deployment does: this many processes on one port (BENCH_PG_WORKERS). */
export const PG_WORKERS = Math.max(1, Number(process.env.BENCH_PG_WORKERS ?? 2) || 2);

type State = { url: string; applicants: Applicant[] };

export function draftSave(engine: Engine): Scenario<State> {
  const workers = engine === 'postgres' ? PG_WORKERS : 1;
  return {
    name: `PUT /api/applications/:id/draft (full 先导技术榜)${workers > 1 ? ` ×${workers} processes` : ''}`,
    engine,
    group: DRAFT_GROUP,
    // The product's aim; set for SQLite, the default engine.
    ...(engine === 'sqlite' ? { aim: { minRpsRatio: 0.5, maxP99Ms: 25 } } : {}),
    async setup(ctx) {
      const server = await startLvping(ctx, engine, { DEMO_DATA: '1', WORKERS: String(workers) });
      const programId = await findProgram(server.url);
      const started = Date.now();
      const applicants = await mapLimit(ctx, defaults.saveConnections, SETUP_CONCURRENCY, (i) => prepareApplicant(server.url, programId, i + 1));
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
