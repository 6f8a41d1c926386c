import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { meetingSlots, scheduleMeetings } from '@lvping/domain';

// `npm run cli -- meetings FILE`: the 对接会 scheduler the platform runs (packages/domain/src/meetings),
// on a JSON file, printed as JSON (each meeting's slot and table, each left-out request's reason,
// whether the count is proven optimal), so a schedule can be checked from outside. No database.
//
// { "slots": 6 | { "date": "2026-12-18", "startTime": "09:00", "endTime": "12:00", "slotMinutes": 30 },
//   "tables": 4, "unavailable"?: { "<participant>": [slot, …] },
//   "requests": [{ "id", "a", "b", "priority"? }], "nodeLimit"? }

const Input = z.strictObject({
  slots: z.union([
    z.number().int().min(1).max(96),
    z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), startTime: z.string().regex(/^\d{2}:\d{2}$/), endTime: z.string().regex(/^\d{2}:\d{2}$/), slotMinutes: z.number().int().min(5).max(240) }),
  ]),
  tables: z.number().int().min(1).max(500),
  unavailable: z.record(z.string(), z.array(z.number().int().min(0))).optional(),
  requests: z.array(z.strictObject({ id: z.string().min(1), a: z.string().min(1), b: z.string().min(1), priority: z.number().int().min(0).max(10).optional() })).max(5000),
  nodeLimit: z.number().int().min(1).optional(),
});

export async function runMeetings(file: string | undefined): Promise<number> {
  if (!file) {
    console.error('meetings needs a JSON file: npm run cli -- meetings FILE');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    console.error(`${file}: no such file`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    console.error(`${file}: not JSON (${(e as Error).message})`);
    return 1;
  }
  const parsed = Input.safeParse(json);
  if (!parsed.success) {
    console.error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return 1;
  }
  const { slots, ...rest } = parsed.data;
  const labels = typeof slots === 'number' ? null : meetingSlots(slots);
  if (labels && !labels.length) {
    console.error(`${file}: slots: the session from startTime to endTime holds no whole slot`);
    return 1;
  }
  const result = scheduleMeetings({ ...rest, slots: labels ? labels.length : (slots as number) });
  const meetings = result.meetings.map((m) => (labels ? { ...m, time: labels[m.slot].label } : m));
  console.log(JSON.stringify({ ...result, meetings }, null, 2));
  return 0;
}
