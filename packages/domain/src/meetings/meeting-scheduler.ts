// The 对接会 scheduler: accepted 1:1 meeting requests onto (slot, table) so that nobody is in two
// meetings at once, no slot uses more tables than the room has, and nobody meets in a slot they
// marked unavailable — with the most meetings possible, then the highest total priority.
//
// Why not the review-assignment min-cost flow: "each person in at most one meeting per slot" is
// a constraint on *pairs* of people, which no flow network expresses (putting requests into slots
// so that meetings sharing a person differ is edge colouring, NP-hard in general); the flow solver
// also insists that every application be covered. A flow *relaxation* (requests → slots with the
// free tables as capacities, ignoring clashes) is a valid upper bound, though, and that is how
// flow is used here. The method is an exact depth-first branch and bound: each request in turn is
// put into one of its free slots or left out; a branch is cut when an upper bound on what it can
// still reach (the least of: requests still placeable, free tables, half the sum over people of
// min(their placeable requests, their free slots), and the flow relaxation) cannot beat the best
// schedule found. When the search runs to the end the result is optimal (`optimal: true`, the
// bound equals the count): every cut branch provably held nothing better. Tables are identical,
// so only the count per slot matters and tables are numbered after the search. A node budget
// keeps large events bounded: past it the best schedule found is returned with `optimal: false`
// and the bound, topped up greedily so that it is at least maximal.

export type SchedulerRequest = { id: string; a: string; b: string; priority?: number };
export type SchedulerInput = {
  slots: number;
  tables: number;
  /** Slot indices each participant cannot meet in. */
  unavailable?: Record<string, readonly number[]>;
  requests: readonly SchedulerRequest[];
  nodeLimit?: number;
};
export type ScheduledMeeting = { requestId: string; slot: number; table: number };
export type BlockedSlot = { slot: number; tablesFull: boolean; busy: { participant: string; requestId: string }[] };
export type UnscheduledReason =
  | { kind: 'same_participant' }
  /** No slot in which both sides are available. */
  | { kind: 'no_common_slot' }
  /** In every common slot one side (or both) is already in another meeting. */
  | { kind: 'participant_busy'; slots: BlockedSlot[] }
  /** Every common slot has all its tables taken. */
  | { kind: 'tables_full'; slots: BlockedSlot[] }
  /** Some common slots full, others with a side busy. */
  | { kind: 'slots_taken'; slots: BlockedSlot[] };
export type ScheduleResult = {
  meetings: ScheduledMeeting[];
  unscheduled: { requestId: string; reason: UnscheduledReason }[];
  /** Number of meetings and their total priority. */
  scheduled: number;
  priority: number;
  /** Proven optimal: the search finished within the node budget. */
  optimal: boolean;
  /** No schedule can hold more meetings than this (equals `scheduled` when optimal). */
  upperBound: number;
  nodes: number;
};

type Req = { index: number; id: string; a: number; b: number; priority: number; feasible: number[] };

export function scheduleMeetings(input: SchedulerInput): ScheduleResult {
  const S = input.slots;
  const T = input.tables;
  // ≈ 1 s at worst on this machine; instances of a few dozen requests finish far below it.
  const nodeLimit = input.nodeLimit ?? 150_000;
  const people = new Map<string, number>();
  const personOf = (id: string) => {
    if (!people.has(id)) people.set(id, people.size);
    return people.get(id)!;
  };
  const unavailable = (p: string, s: number) => input.unavailable?.[p]?.includes(s) ?? false;
  const unscheduled: ScheduleResult['unscheduled'] = [];
  const reqs: Req[] = [];
  input.requests.forEach((r, index) => {
    if (r.a === r.b) return unscheduled.push({ requestId: r.id, reason: { kind: 'same_participant' } });
    const feasible: number[] = [];
    for (let s = 0; s < S; s++) if (!unavailable(r.a, s) && !unavailable(r.b, s)) feasible.push(s);
    if (!feasible.length || T <= 0) return unscheduled.push({ requestId: r.id, reason: { kind: 'no_common_slot' } });
    reqs.push({ index, id: r.id, a: personOf(r.a), b: personOf(r.b), priority: Math.max(0, Math.floor(r.priority ?? 0)), feasible });
  });
  // Highest priority first (so the priority bound is a prefix sum), then the most constrained.
  reqs.sort((x, y) => y.priority - x.priority || x.feasible.length - y.feasible.length || x.index - y.index);
  const names = () => [...people.keys()];
  const n = reqs.length;
  const P = people.size;
  const busy: Int32Array[] = Array.from({ length: P }, () => new Int32Array(S).fill(-1)); // request position or −1
  const used = new Int32Array(S);
  const slotOf = new Int32Array(n).fill(-1);
  let best = { count: -1, priority: -1, slots: new Int32Array(n) };
  let nodes = 0;
  let rootBound = Infinity;
  let complete = true;

  const away = names().map((p) => Uint8Array.from({ length: S }, (_, s) => (unavailable(p, s) ? 1 : 0)));
  const signature = Array.from({ length: S }, (_, s) => away.map((row) => row[s]).join(''));
  const free = (r: Req, s: number) => used[s] < T && busy[r.a][s] < 0 && busy[r.b][s] < 0;
  const perPersonDeg = new Int32Array(P);

  /** Upper bound on meetings among requests i.. given the current state, and their best priorities. */
  function bound(i: number): { count: number; priority: number; alive: Req[] } {
    const alive: Req[] = [];
    for (let j = i; j < n; j++) if (reqs[j].feasible.some((s) => free(reqs[j], s))) alive.push(reqs[j]);
    let tableRoom = 0;
    for (let s = 0; s < S; s++) tableRoom += T - used[s];
    perPersonDeg.fill(0);
    for (const r of alive) {
      perPersonDeg[r.a]++;
      perPersonDeg[r.b]++;
    }
    let half = 0;
    for (let p = 0; p < P; p++) {
      if (!perPersonDeg[p]) continue;
      let f = 0;
      for (let s = 0; s < S; s++) if (busy[p][s] < 0 && used[s] < T && !away[p][s]) f++;
      half += Math.min(perPersonDeg[p], f);
    }
    const count = Math.min(alive.length, tableRoom, Math.floor(half / 2));
    let priority = 0;
    for (let k = 0; k < count; k++) priority += alive[k].priority; // alive is in priority order
    return { count, priority, alive };
  }

  /** The flow relaxation: requests → slots, each slot taking its free tables; clashes ignored. */
  function flowBound(alive: Req[]): number {
    const cap = new Int32Array(S);
    for (let s = 0; s < S; s++) cap[s] = T - used[s];
    const holders: number[][] = Array.from({ length: S }, () => []);
    let flow = 0;
    for (let k = 0; k < alive.length; k++) {
      const seen = new Uint8Array(S);
      const augment = (q: number): boolean => {
        for (const s of alive[q].feasible) {
          if (seen[s] || !free(alive[q], s)) continue;
          seen[s] = 1;
          if (holders[s].length < cap[s]) {
            holders[s].push(q);
            return true;
          }
          for (let h = 0; h < holders[s].length; h++) {
            const other = holders[s][h];
            holders[s].splice(h, 1);
            if (augment(other)) {
              holders[s].push(q);
              return true;
            }
            holders[s].splice(h, 0, other);
          }
        }
        return false;
      };
      if (augment(k)) flow++;
    }
    return flow;
  }

  const better = (c: number, p: number) => c > best.count || (c === best.count && p > best.priority);

  function search(i: number, count: number, priority: number): void {
    if (++nodes > nodeLimit) {
      complete = false;
      return;
    }
    if (better(count, priority)) best = { count, priority, slots: slotOf.slice() };
    if (i === n) return;
    const b = bound(i);
    if (i === 0) rootBound = b.count;
    if (!better(count + b.count, priority + b.priority)) return;
    const flow = flowBound(b.alive);
    if (i === 0) rootBound = Math.min(rootBound, flow);
    if (flow < b.count) {
      let p = 0;
      for (let k = 0; k < flow; k++) p += b.alive[k].priority;
      if (!better(count + flow, priority + p)) return;
    }
    const r = reqs[i];
    const triedEmpty = new Set<string>();
    for (const s of r.feasible) {
      if (!free(r, s)) continue;
      // Empty slots with the same availability for everyone are interchangeable: try one of them.
      if (used[s] === 0) {
        if (triedEmpty.has(signature[s])) continue;
        triedEmpty.add(signature[s]);
      }
      busy[r.a][s] = i;
      busy[r.b][s] = i;
      used[s]++;
      slotOf[i] = s;
      search(i + 1, count + 1, priority + r.priority);
      slotOf[i] = -1;
      used[s]--;
      busy[r.a][s] = -1;
      busy[r.b][s] = -1;
      if (!complete) return;
    }
    search(i + 1, count, priority);
  }
  search(0, 0, 0);

  // Rebuild the best state (and, if the budget ran out, top it up so no request fits anywhere).
  used.fill(0);
  for (const row of busy) row.fill(-1);
  const place = (i: number, s: number) => {
    best.slots[i] = s;
    busy[reqs[i].a][s] = i;
    busy[reqs[i].b][s] = i;
    used[s]++;
  };
  for (let i = 0; i < n; i++) if (best.slots[i] >= 0) place(i, best.slots[i]);
  let count = best.count < 0 ? 0 : best.count;
  let priority = best.priority < 0 ? 0 : best.priority;
  if (!complete) {
    for (let i = 0; i < n; i++) {
      if (best.slots[i] >= 0) continue;
      const s = reqs[i].feasible.find((x) => free(reqs[i], x));
      if (s !== undefined) {
        place(i, s);
        count++;
        priority += reqs[i].priority;
      }
    }
  }

  const ids = names();
  const meetings: ScheduledMeeting[] = [];
  const tablesUsed = new Int32Array(S);
  // Tables in the order the requests were given, so the same input gives the same tables.
  const placed = reqs.map((r, i) => ({ r, s: best.slots[i] })).filter((x) => x.s >= 0).sort((x, y) => x.s - y.s || x.r.index - y.r.index);
  for (const { r, s } of placed) meetings.push({ requestId: r.id, slot: s, table: ++tablesUsed[s] });
  for (let i = 0; i < n; i++) {
    const r = reqs[i];
    if (best.slots[i] >= 0) continue;
    const slots: BlockedSlot[] = r.feasible.map((s) => ({
      slot: s,
      tablesFull: used[s] >= T,
      busy: [r.a, r.b].filter((p) => busy[p][s] >= 0).map((p) => ({ participant: ids[p], requestId: reqs[busy[p][s]].id })),
    }));
    const kind = slots.every((x) => x.busy.length) ? 'participant_busy' : slots.every((x) => x.tablesFull) ? 'tables_full' : 'slots_taken';
    unscheduled.push({ requestId: r.id, reason: { kind, slots } });
  }
  const order = new Map(input.requests.map((r, i) => [r.id, i]));
  unscheduled.sort((x, y) => order.get(x.requestId)! - order.get(y.requestId)!);
  meetings.sort((x, y) => x.slot - y.slot || x.table - y.table);
  return { meetings, unscheduled, scheduled: count, priority, optimal: complete, upperBound: complete ? count : Math.max(count, Math.min(rootBound, n)), nodes };
}
