// Bare Fastify 5: the ceilings the other scenarios are compared with, one per group.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaults, measure } from '../measure.ts';
import { measureSaves, type SaveSlot } from '../save-slots.ts';
import type { Scenario } from '../scenario.ts';
import { startServer, type ServerProcess } from '../server-process.ts';
import { DRAFT_GROUP, draftAnswers } from './draft-save.ts';

/** One route answering {ok:true}: the ceiling for reads. */
export const baseline: Scenario<ServerProcess> = {
  name: 'baseline GET / {ok:true}',
  engine: 'fastify',
  isBaseline: true,
  setup: (ctx) => startServer(ctx, 'bare'),
  run: (server) => measure(`${server.url}/`),
};

/**
 * The ceiling for saving a draft: the same PUT body (a full 先导技术榜 draft)
 * from the same number of connections, JSON-parsed by Fastify without a schema
 * and written by better-sqlite3 into one row per connection (serve.ts bare-write).
 */
export const writeBaseline: Scenario<{ url: string; slots: SaveSlot[] }> = {
  name: 'baseline PUT /drafts/:id → SQLite row',
  engine: 'fastify',
  group: DRAFT_GROUP,
  isBaseline: true,
  async setup(ctx) {
    ctx.signal.throwIfAborted();
    const dataDir = await mkdtemp(join(tmpdir(), 'lvping-bench-bare-'));
    ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
    const rows = defaults.saveConnections;
    const server = await startServer(ctx, 'bare-write', { DATA_DIR: dataDir, BARE_ROWS: String(rows) });
    // A seal reference shaped like the app's (a UUID, the tiny PDF's size), so the body is the same size.
    const answersJson = JSON.stringify(draftAnswers({ id: randomUUID(), name: 'seal.pdf', size: 45, type: 'application/pdf' }));
    const slots = Array.from({ length: rows }, (_, i): SaveSlot => ({
      path: `/drafts/${i + 1}`, headers: { 'content-type': 'application/json' }, answersJson, revision: 0,
    }));
    return { url: server.url, slots };
  },
  async run({ url, slots }, ctx) {
    const revisionOf = async (slot: SaveSlot) => (await getJson<{ revision: number }>(`${url}${slot.path}`)).revision;
    const { measurement, serverSaves, perSlot } = await measureSaves(url, slots, revisionOf);
    const stored = await getJson<{ answers: unknown }>(`${url}${slots[0].path}`);
    if (JSON.stringify(stored.answers) !== slots[0].answersJson) throw new Error(`${slots[0].path} does not hold the answers sent`);
    ctx.log(`${serverSaves} saves over ${slots.length} rows; ${perSlot}`);
    return measurement;
  },
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
