import { AppError, icsCalendar, scheduleMeetings, type CalendarEvent, type ScheduleReport } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findEvent, participantsOf, placeRequest, requestsOf, updateEvent, type EventRow, type ParticipantWithUser, type RequestRow } from './meeting.repository.ts';
import { eventFor, slotsOf } from './meeting.service.ts';

// Running the scheduler (the domain's exact scheduleMeetings) on an event's accepted requests,
// storing each one's slot and table or the reason it has none, and mailing every participant
// their schedule with a calendar file. Running again replaces the schedule (and mails again).

const reasonText: Record<string, string> = {
  no_common_slot: '双方没有共同的可用时段',
  participant_busy: '双方的共同可用时段均已安排了其他约见',
  tables_full: '共同可用时段的洽谈桌已满',
  slots_taken: '共同可用时段均已排满（洽谈桌已满或一方已有约见）',
  same_participant: '约见双方为同一人',
};

export async function runSchedule(deps: Deps, actor: Actor | null, eventId: string, priorities: Record<string, number>, requestId: string | null = null): Promise<ScheduleReport> {
  authorize(actor, 'meeting.manage');
  const event = await findEvent(deps.db, eventId);
  if (!event) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该对接会', en: 'No such matchmaking event' } });
  if (event.status === 'closed') throw new AppError('CONFLICT', { message: { 'zh-CN': '该对接会已结束', en: 'This event is closed' } });
  const people = await participantsOf(deps.db, eventId);
  const all = await requestsOf(deps.db, eventId);
  const accepted = all.filter((r) => r.status === 'accepted');
  const unknown = Object.keys(priorities).filter((id) => !accepted.some((r) => r.id === id));
  if (unknown.length) throw new AppError('VALIDATION', { fields: unknown.map((id) => ({ path: `priorities.${id}`, message: { 'zh-CN': '不是本场已接受的约见', en: 'Not an accepted request of this event' } })) });
  const slots = slotsOf(event);
  const result = scheduleMeetings({
    slots: slots.length, tables: event.tables,
    unavailable: Object.fromEntries(people.map((p) => [p.user_id, JSON.parse(p.unavailable_json) as number[]])),
    requests: accepted.map((r) => ({ id: r.id, a: r.from_user_id, b: r.to_user_id, priority: priorities[r.id] ?? r.priority })),
  });
  const now = deps.now();
  const report: ScheduleReport = { scheduled: result.scheduled, unscheduled: result.unscheduled.length, optimal: result.optimal, upperBound: result.upperBound, nodes: result.nodes, ranAt: now };
  const placed = new Map(result.meetings.map((m) => [m.requestId, m]));
  const why = new Map(result.unscheduled.map((u) => [u.requestId, u.reason]));
  await deps.db.transaction().execute(async (trx) => {
    for (const r of all) {
      const m = placed.get(r.id);
      const reason = why.get(r.id);
      await placeRequest(trx, r.id, {
        slot_index: m?.slot ?? null, table_no: m?.table ?? null, priority: priorities[r.id] ?? r.priority,
        unscheduled_json: reason ? JSON.stringify(reason) : null,
      });
    }
    await updateEvent(trx, eventId, { status: 'scheduled', report_json: JSON.stringify(report), scheduled_at: now, updated_at: now });
    for (const p of people) {
      const theirs = accepted.filter((r) => r.from_user_id === p.user_id || r.to_user_id === p.user_id);
      if (!theirs.length) continue;
      const n = theirs.filter((r) => placed.has(r.id)).length;
      await addNotice(trx, { userId: p.user_id, kind: 'meeting.scheduled', title: `对接会日程已排定：${event.name}`, body: `已为您安排 ${n} 场约见${theirs.length > n ? `，${theirs.length - n} 场未能安排` : ''}。`, link: `/meetings/${eventId}` }, now);
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'meeting.schedule', entity: 'meeting_event', entityId: eventId, after: { ...report, meetings: result.meetings, unscheduled: result.unscheduled.map((u) => ({ requestId: u.requestId, kind: u.reason.kind })) }, requestId }, now);
  });
  const fresh = await requestsOf(deps.db, eventId);
  for (const p of people) {
    const theirs = fresh.filter((r) => r.status === 'accepted' && (r.from_user_id === p.user_id || r.to_user_id === p.user_id));
    if (!theirs.length) continue;
    const mine = theirs.filter((r) => r.slot_index !== null);
    const lines = theirs.map((r) => {
      const other = people.find((x) => x.user_id === (r.from_user_id === p.user_id ? r.to_user_id : r.from_user_id));
      const who = other ? `${other.org_name}（${other.display_name}）` : '';
      if (r.slot_index === null) return `未能安排：${who}，原因：${reasonText[(why.get(r.id)?.kind ?? '')] ?? '未知'}`;
      return `${slots[r.slot_index].label}  ${r.table_no} 号桌  ${who}`;
    });
    await enqueueMail(deps.db, {
      to: p.email, subject: `对接会日程：${event.name}`,
      text: `${p.display_name}，您好：\n\n「${event.name}」日程如下（${event.date}，北京时间，地点：${event.place}）：\n\n${lines.join('\n')}\n\n附件为日历文件（.ics），可导入手机或电脑日历。`,
      attachments: mine.length ? [{ filename: 'meetings.ics', content: calendarFor(event, p.user_id, fresh, people, now), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
    });
  }
  return report;
}

/** The participant's scheduled meetings of the event as an iCalendar file. */
export function calendarFor(event: EventRow, userId: string, requests: RequestRow[], people: ParticipantWithUser[], now: number): string {
  const slots = slotsOf(event);
  const events: CalendarEvent[] = requests
    .filter((r) => r.status === 'accepted' && r.slot_index !== null && (r.from_user_id === userId || r.to_user_id === userId))
    .sort((a, b) => a.slot_index! - b.slot_index!)
    .map((r) => {
      const other = people.find((x) => x.user_id === (r.from_user_id === userId ? r.to_user_id : r.from_user_id));
      const slot = slots[r.slot_index!];
      return {
        uid: `meeting-${r.id}@lvping`, start: slot.start, end: slot.end,
        summary: `${event.name}：与${other?.org_name ?? ''}洽谈`,
        location: `${event.place} ${r.table_no} 号桌`,
        description: `约见说明：${r.note}`,
      };
    });
  return icsCalendar(events, { now, name: event.name });
}

export async function myCalendar(deps: Deps, actor: Actor | null, eventId: string): Promise<{ ics: string; event: EventRow }> {
  const { event } = await eventFor(deps, actor, eventId);
  const people = await participantsOf(deps.db, eventId);
  if (!people.some((p) => p.user_id === actor!.userId)) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有参会方有个人日程', en: 'Only participants have a schedule' } });
  return { ics: calendarFor(event, actor!.userId, await requestsOf(deps.db, eventId), people, deps.now()), event };
}
