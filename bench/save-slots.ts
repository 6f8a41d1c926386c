// Autosave under load: every PUT must carry the revision its target last
// returned, or the server answers 409. autocannon gives each connection a
// `context`, but resets it (to a deep clone of initialContext) before every
// request when the sequence has a single request, so it cannot carry a
// connection's target from one save to the next. The targets (slots) live
// here instead, in a stack: setupRequest takes one, onResponse records the new
// revision and puts it back. autocannon calls a connection's onResponse and
// then, synchronously, its next setupRequest, so the slot it just put back is
// the one it takes again: each connection keeps its own slot, and no slot ever
// has two saves in flight.
import type autocannon from 'autocannon';
import { defaults, measure, type Measurement } from './measure.ts';

export type SaveSlot = {
  /** Path of the PUT, e.g. /api/applications/:id/draft. */
  path: string;
  headers: Record<string, string>;
  /** The answers as JSON text: the same bytes every save of this slot. */
  answersJson: string;
  /** The revision the server has: the next save's baseRevision. */
  revision: number;
};

export type SaveRotation = {
  requests: autocannon.Request[];
  /** Every slot free again with the given revisions (nothing may be in flight). */
  resync(revisionOf: (slot: SaveSlot) => Promise<number>): Promise<void>;
  /** The first non-2xx answer, for the error message (autocannon only counts them). */
  firstFailure(): string | null;
  /** 2xx answers seen: saves the client knows of. */
  saved(): number;
};

export const saveBody = (slot: SaveSlot) => `{"baseRevision":${slot.revision},"answers":${slot.answersJson}}`;

/** `slots` must be at least as many as the connections (each has one save in flight). */
export function saveRotation(slots: SaveSlot[]): SaveRotation {
  let free = [...slots];
  let failure: string | null = null;
  let saved = 0;
  const request: autocannon.Request = {
    setupRequest(req, context) {
      // Empty only after requests were abandoned (timeouts, dropped
      // connections), which fail the run anyway: send a save that will be a
      // 409 rather than throw inside autocannon's socket handler.
      const slot = free.pop() ?? slots[0];
      context.slot = slot;
      return { ...req, method: 'PUT', path: slot.path, headers: { ...slot.headers }, body: saveBody(slot) };
    },
    onResponse(status, body, context) {
      const slot = context.slot as SaveSlot;
      if (status >= 200 && status < 300) {
        slot.revision = (JSON.parse(body) as { revision: number }).revision;
        saved++;
        free.push(slot);
      } else {
        // Its revision is unknown now: kept out of the rotation.
        failure ??= `${status} ${body.slice(0, 300)}`;
      }
    },
  };
  return {
    requests: [request],
    async resync(revisionOf) {
      for (const slot of slots) slot.revision = await revisionOf(slot);
      free = [...slots];
    },
    firstFailure: () => failure,
    saved: () => saved,
  };
}

/** Between two reads of every slot's revision when waiting for cut-off saves to land. */
const SETTLE_MS = 300;

/**
 * measure() over the slots, one connection each: resyncs their revisions from
 * the server after the warm-up and after the run (each ends with saves cut off
 * in flight, which the server may still have made), then checks the server
 * made every save it answered 2xx to — and no more than the cut-off ones.
 * Returns the measurement, how many saves the server made in all and how
 * they spread over the connections.
 */
export async function measureSaves(
  url: string, slots: SaveSlot[], revisionOf: (slot: SaveSlot) => Promise<number>,
): Promise<{ measurement: Measurement; serverSaves: number; clientSaves: number; perSlot: string }> {
  const connections = Math.min(defaults.saveConnections, slots.length);
  if (connections < 1) throw new Error('no save slots');
  const rotation = saveRotation(slots);
  // Handlers whose client was cut off still run, and may save: wait until
  // two reads of every revision, SETTLE_MS apart, agree.
  const settleAndResync = async () => {
    let last = '';
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await rotation.resync(revisionOf);
      const now = slots.map((s) => s.revision).join();
      if (now === last) return;
      last = now;
    }
    throw new Error(`revisions still changing ${20 * SETTLE_MS} ms after the run`);
  };
  const startRevisions = slots.map((s) => s.revision);
  const before = startRevisions.reduce((a, b) => a + b, 0);
  let measurement: Measurement;
  try {
    measurement = await measure(url, { connections, requests: rotation.requests, afterWarmup: settleAndResync });
  } catch (err) {
    const first = rotation.firstFailure();
    throw first ? new Error(`${err instanceof Error ? err.message : String(err)}; first non-2xx: ${first}`, { cause: err }) : err;
  }
  await settleAndResync();
  const serverSaves = slots.reduce((n, s) => n + s.revision, 0) - before;
  const clientSaves = rotation.saved();
  // Each run (warm-up, measured) may end with one save per connection cut off.
  const cutOffs = (defaults.warmupS > 0 ? 2 : 1) * connections;
  if (serverSaves < clientSaves || serverSaves > clientSaves + cutOffs) {
    throw new Error(`the server made ${serverSaves} saves, the client saw ${clientSaves} succeed (expected that many plus at most ${cutOffs} cut off)`);
  }
  // How evenly the server served the connections (warm-up and run): a wide
  // spread means some waited behind others, which is what a long p99 is made of.
  const counts = slots.map((s, i) => s.revision - startRevisions[i]).sort((a, b) => a - b);
  const perSlot = `saves per connection min ${counts[0]}, median ${counts[counts.length >> 1]}, max ${counts[counts.length - 1]}`;
  return { measurement, serverSaves, clientSaves, perSlot };
}
