import { shanghaiToEpoch } from '../program/shanghai-time.ts';

// An 对接会's time slots: N-minute slots from the start to the end of the day's session, in
// Asia/Shanghai wall time (a slot that would run past the end is not offered).

export type SlotPlan = { date: string; startTime: string; endTime: string; slotMinutes: number };
export type MeetingSlot = { index: number; start: number; end: number; label: string };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function meetingSlots(plan: SlotPlan): MeetingSlot[] {
  const day = shanghaiToEpoch(plan.date);
  const from = minutesOf(plan.startTime);
  const to = minutesOf(plan.endTime);
  const slots: MeetingSlot[] = [];
  for (let m = from, i = 0; m + plan.slotMinutes <= to; m += plan.slotMinutes, i++) {
    slots.push({ index: i, start: day + m * 60_000, end: day + (m + plan.slotMinutes) * 60_000, label: `${hhmm(m)}–${hhmm(m + plan.slotMinutes)}` });
  }
  return slots;
}
