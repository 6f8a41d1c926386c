import {
  AppError, can, meetingSlots, participantKinds, type CreateMeetingEvent, type MeetingCandidate, type MeetingEvent, type MeetingEventDetail, type MeetingParticipant,
  type MeetingRequest, type ParticipantKind, type ScheduleReport,
} from '@lvping/domain';
import type { z } from 'zod';
import type { UnscheduledReasonSchema } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import {
  allEvents, answerRequest, approvedProfiles, catalogOwners, eventCounts, eventsOfUser, findEvent, findParticipant, findRequest, insertEvent, insertParticipants,
  insertRequest, liveRequestBetween, participantsOf, reopenRequest, requestFromTo, requestsOf, setHeld, setUnavailable, type EventRow, type ParticipantWithUser, type RequestRow,
} from './meeting.repository.ts';

// 对接会: the catalog organizer (meeting.manage) creates an event and invites technology owners
// and approved profile holders; participants request 1:1 meetings, the other side accepts or
// declines. Scheduling is meeting-schedule.service.ts. An event is visible only to its
// organizers and participants (404 to anyone else); a participant sees the requests they sent
// or received, never the others'.

const noEvent = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该对接会', en: 'No such matchmaking event' } });
const noRequest = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该约见请求', en: 'No such meeting request' } });
const conflict = (zh: string, en: string) => new AppError('CONFLICT', { message: { 'zh-CN': zh, en } });

export const technologyNameIn = (json: string | null): string | null => {
  if (!json) return null;
  const f = JSON.parse(json) as { name?: unknown };
  return typeof f.name === 'string' ? f.name : null;
};

const toEvent = (e: EventRow, c = { participants: 0, requests: 0, scheduled: 0 }): MeetingEvent => ({
  id: e.id, name: e.name, place: e.place, date: e.date, startTime: e.start_time, endTime: e.end_time, slotMinutes: e.slot_minutes, tables: e.tables,
  description: e.description, status: e.status as MeetingEvent['status'], scheduledAt: e.scheduled_at, createdAt: e.created_at,
  participantCount: c.participants, requestCount: c.requests, scheduledCount: c.scheduled,
});

export const slotsOf = (e: EventRow) => meetingSlots({ date: e.date, startTime: e.start_time, endTime: e.end_time, slotMinutes: e.slot_minutes });

const toParticipant = (p: ParticipantWithUser, techNames: Map<string, string | null>): MeetingParticipant => ({
  userId: p.user_id, name: p.display_name, orgName: p.org_name, kind: p.kind as ParticipantKind, catalogEntryId: p.catalog_entry_id,
  technologyName: p.catalog_entry_id ? techNames.get(p.catalog_entry_id) ?? null : null, unavailable: JSON.parse(p.unavailable_json) as number[],
});

const toRequest = (r: RequestRow, names: Map<string, string>): MeetingRequest => ({
  id: r.id, fromUserId: r.from_user_id, toUserId: r.to_user_id, fromName: names.get(r.from_user_id) ?? '', toName: names.get(r.to_user_id) ?? '',
  note: r.note, responseNote: r.response_note, status: r.status as MeetingRequest['status'], priority: r.priority, catalogEntryId: r.catalog_entry_id,
  slot: r.slot_index, table: r.table_no, held: r.held === 1,
  unscheduled: r.unscheduled_json ? (JSON.parse(r.unscheduled_json) as z.infer<typeof UnscheduledReasonSchema>) : null,
  createdAt: r.created_at, respondedAt: r.responded_at,
});

/** The event, and whether the actor runs it or takes part (else 404). */
export async function eventFor(deps: Deps, actor: Actor | null, eventId: string): Promise<{ event: EventRow; manage: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const event = await findEvent(deps.db, eventId);
  if (!event) throw noEvent();
  const manage = can(actor, 'meeting.manage');
  if (!manage && !(await findParticipant(deps.db, eventId, actor.userId))) throw noEvent();
  return { event, manage };
}

async function managedEvent(deps: Deps, actor: Actor | null, eventId: string): Promise<EventRow> {
  authorize(actor, 'meeting.manage');
  const event = await findEvent(deps.db, eventId);
  if (!event) throw noEvent();
  return event;
}

export async function createEvent(deps: Deps, actor: Actor | null, input: CreateMeetingEvent, requestId: string | null = null): Promise<MeetingEvent> {
  authorize(actor, 'meeting.manage');
  const now = deps.now();
  const row: EventRow = {
    id: newId(), name: input.name, place: input.place, date: input.date, start_time: input.startTime, end_time: input.endTime, slot_minutes: input.slotMinutes,
    tables: input.tables, description: input.description, status: 'open', report_json: null, scheduled_at: null, created_by: actor.userId, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertEvent(trx, row);
    await appendAudit(trx, { actorId: actor.userId, action: 'meeting.create_event', entity: 'meeting_event', entityId: row.id, after: input, requestId }, now);
  });
  return toEvent(row);
}

export async function listEvents(deps: Deps, actor: Actor | null): Promise<{ items: MeetingEvent[]; canManage: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const manage = can(actor, 'meeting.manage');
  const rows = manage ? await allEvents(deps.db) : await eventsOfUser(deps.db, actor.userId);
  const counts = await eventCounts(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toEvent(r, counts.get(r.id))), canManage: manage };
}

export async function eventDetail(deps: Deps, actor: Actor | null, eventId: string): Promise<MeetingEventDetail> {
  const { event, manage } = await eventFor(deps, actor, eventId);
  const people = await participantsOf(deps.db, eventId);
  const techNames = new Map((await catalogOwners(deps.db)).map((o) => [o.entry_id, technologyNameIn(o.fields_json)]));
  const names = new Map(people.map((p) => [p.user_id, p.display_name]));
  const all = await requestsOf(deps.db, eventId);
  const mine = manage ? all : all.filter((r) => r.from_user_id === actor!.userId || r.to_user_id === actor!.userId);
  const counts = await eventCounts(deps.db, [eventId]);
  const me = people.find((p) => p.user_id === actor!.userId);
  return {
    event: toEvent(event, counts.get(eventId)), slots: slotsOf(event),
    participants: people.map((p) => toParticipant(p, techNames)),
    requests: mine.map((r) => toRequest(r, names)),
    me: me ? toParticipant(me, techNames) : null,
    canManage: manage,
    report: manage && event.report_json ? (JSON.parse(event.report_json) as ScheduleReport) : null,
  };
}

/** Who may be invited: owners of published catalog entries and approved profile holders not yet in. */
export async function candidates(deps: Deps, actor: Actor | null, eventId: string): Promise<{ items: MeetingCandidate[] }> {
  await managedEvent(deps, actor, eventId);
  const invited = new Set((await participantsOf(deps.db, eventId)).map((p) => p.user_id));
  return { items: (await allCandidates(deps)).filter((c) => !invited.has(c.userId)) };
}

async function allCandidates(deps: Deps): Promise<MeetingCandidate[]> {
  const out = new Map<string, MeetingCandidate>();
  for (const o of await catalogOwners(deps.db)) {
    if (!out.has(o.user_id)) out.set(o.user_id, { userId: o.user_id, name: o.display_name, email: o.email, orgName: o.org_name, kind: 'technology', catalogEntryId: o.entry_id, technologyName: technologyNameIn(o.fields_json) });
  }
  for (const p of await approvedProfiles(deps.db)) {
    if (!out.has(p.user_id) && (participantKinds as readonly string[]).includes(p.kind)) {
      out.set(p.user_id, { userId: p.user_id, name: p.display_name, email: p.email, orgName: p.org_name, kind: p.kind as ParticipantKind, catalogEntryId: null, technologyName: null });
    }
  }
  return [...out.values()];
}

export async function inviteParticipants(deps: Deps, actor: Actor | null, eventId: string, userIds: string[], requestId: string | null = null): Promise<{ invited: string[] }> {
  const event = await managedEvent(deps, actor, eventId);
  if (event.status === 'closed') throw conflict('该对接会已结束', 'This event is closed');
  const pool = new Map((await allCandidates(deps)).map((c) => [c.userId, c]));
  const unknown = userIds.filter((id) => !pool.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION', { fields: unknown.map((id) => ({ path: `userIds.${userIds.indexOf(id)}`, message: { 'zh-CN': '只能邀请已发布技术的持有方或已通过审核的投资机构、银行、需求方、服务机构', en: 'Only owners of published technologies and approved profile holders can be invited' } })) });
  }
  const now = deps.now();
  const chosen = [...new Set(userIds)].map((id) => pool.get(id)!);
  const invited = await deps.db.transaction().execute(async (trx) => {
    const added = await insertParticipants(trx, chosen.map((c) => ({
      event_id: eventId, user_id: c.userId, kind: c.kind, org_name: c.orgName, catalog_entry_id: c.catalogEntryId, unavailable_json: '[]', invited_by: actor!.userId, invited_at: now,
    })));
    for (const userId of added) {
      await addNotice(trx, { userId, kind: 'meeting.invited', title: `对接会邀请：${event.name}`, body: `${event.date} ${event.start_time}–${event.end_time}，${event.place}。可在对接会页面向其他参会方发起一对一约见。`, link: `/meetings/${eventId}` }, now);
    }
    await appendAudit(trx, { actorId: actor!.userId, action: 'meeting.invite', entity: 'meeting_event', entityId: eventId, after: { added }, requestId }, now);
    return added;
  });
  for (const userId of invited) {
    const c = pool.get(userId)!;
    await enqueueMail(deps.db, { to: c.email, subject: `对接会邀请：${event.name}`, text: `${c.name}，您好：\n\n诚邀您参加「${event.name}」。\n时间：${event.date} ${event.start_time}–${event.end_time}（北京时间）\n地点：${event.place}\n\n登录平台后可在“对接会”中向其他参会方发起一对一约见。` });
  }
  return { invited };
}

export async function setAvailability(deps: Deps, actor: Actor | null, eventId: string, unavailable: number[], requestId: string | null = null): Promise<MeetingParticipant> {
  const { event } = await eventFor(deps, actor, eventId);
  const me = await findParticipant(deps.db, eventId, actor!.userId);
  if (!me) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有参会方可以设置时段', en: 'Only participants set their availability' } });
  const count = slotsOf(event).length;
  const bad = unavailable.findIndex((s) => s >= count);
  if (bad >= 0) throw new AppError('VALIDATION', { fields: [{ path: `unavailable.${bad}`, message: { 'zh-CN': `时段编号须小于 ${count}`, en: `Slot numbers are below ${count}` } }] });
  const slots = [...new Set(unavailable)].sort((a, b) => a - b);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setUnavailable(trx, eventId, actor!.userId, slots);
    await appendAudit(trx, { actorId: actor!.userId, action: 'meeting.availability', entity: 'meeting_event', entityId: eventId, before: JSON.parse(me.unavailable_json), after: slots, requestId }, now);
  });
  const people = await participantsOf(deps.db, eventId);
  const techNames = new Map((await catalogOwners(deps.db)).map((o) => [o.entry_id, technologyNameIn(o.fields_json)]));
  return toParticipant(people.find((p) => p.user_id === actor!.userId)!, techNames);
}

export async function requestMeeting(deps: Deps, actor: Actor | null, eventId: string, input: { toUserId: string; note: string; catalogEntryId: string | null }, requestId: string | null = null): Promise<MeetingRequest> {
  const { event } = await eventFor(deps, actor, eventId);
  const from = await findParticipant(deps.db, eventId, actor!.userId);
  if (!from) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有参会方可以发起约见', en: 'Only participants request meetings' } });
  if (event.status === 'closed') throw conflict('该对接会已结束', 'This event is closed');
  const to = await findParticipant(deps.db, eventId, input.toUserId);
  if (!to || to.user_id === from.user_id) throw new AppError('VALIDATION', { fields: [{ path: 'toUserId', message: { 'zh-CN': '请选择本场对接会的另一位参会方', en: 'Choose another participant of this event' } }] });
  // The technology talked about: as given (it must be one of the two sides'), or the technology owner's own.
  const entry = input.catalogEntryId ?? from.catalog_entry_id ?? to.catalog_entry_id;
  if (input.catalogEntryId && ![from.catalog_entry_id, to.catalog_entry_id].includes(input.catalogEntryId)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'catalogEntryId', message: { 'zh-CN': '所选技术不属于双方中的任何一方', en: 'The technology is neither side’s' } }] });
  }
  const now = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await liveRequestBetween(trx, eventId, from.user_id, to.user_id)) throw conflict('你们之间已有约见请求', 'There is already a request between you two');
    const old = await requestFromTo(trx, eventId, from.user_id, to.user_id);
    let rid = old?.id;
    if (rid) await reopenRequest(trx, rid, { note: input.note, catalog_entry_id: entry, created_at: now });
    else {
      rid = newId();
      await insertRequest(trx, { id: rid, event_id: eventId, from_user_id: from.user_id, to_user_id: to.user_id, note: input.note, catalog_entry_id: entry, status: 'pending', response_note: null, priority: 0, slot_index: null, table_no: null, unscheduled_json: null, held: 0, created_at: now, responded_at: null });
    }
    await addNotice(trx, { userId: to.user_id, kind: 'meeting.requested', title: `${from.org_name} 希望与您约见`, body: `${event.name}：${input.note}`, link: `/meetings/${eventId}` }, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'meeting.request', entity: 'meeting_request', entityId: rid, after: { eventId, to: to.user_id, catalogEntryId: entry }, requestId }, now);
    return rid;
  });
  return requestView(deps, id);
}

async function requestView(deps: Deps, id: string): Promise<MeetingRequest> {
  const r = (await findRequest(deps.db, id))!;
  const names = new Map((await participantsOf(deps.db, r.event_id)).map((p) => [p.user_id, p.display_name]));
  return toRequest(r, names);
}

export async function respondToRequest(deps: Deps, actor: Actor | null, requestIdParam: string, input: { accept: boolean; note: string }, requestId: string | null = null): Promise<MeetingRequest> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const r = await findRequest(deps.db, requestIdParam);
  if (!r || (r.to_user_id !== actor.userId && r.from_user_id !== actor.userId && !can(actor, 'meeting.manage'))) throw noRequest();
  if (r.to_user_id !== actor.userId) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有被约见方可以接受或拒绝', en: 'Only the person asked can accept or decline' } });
  const event = (await findEvent(deps.db, r.event_id))!;
  if (event.status === 'closed') throw conflict('该对接会已结束', 'This event is closed');
  const now = deps.now();
  const status = input.accept ? 'accepted' : 'declined';
  await deps.db.transaction().execute(async (trx) => {
    if (!(await answerRequest(trx, r.id, status, input.note, now))) throw conflict('该请求已答复', 'This request has already been answered');
    await addNotice(trx, { userId: r.from_user_id, kind: `meeting.${status}`, title: input.accept ? `约见已被接受：${actor.displayName}` : `约见未被接受：${actor.displayName}`, body: `${event.name}${input.note ? `：${input.note}` : ''}`, link: `/meetings/${r.event_id}` }, now);
    await appendAudit(trx, { actorId: actor.userId, action: `meeting.${status}`, entity: 'meeting_request', entityId: r.id, before: { status: r.status }, after: { status, note: input.note }, requestId }, now);
  });
  return requestView(deps, r.id);
}

/** The organizer records that a scheduled meeting took place (for the dashboard's "held"). */
export async function markHeld(deps: Deps, actor: Actor | null, requestIdParam: string, held: boolean, requestId: string | null = null): Promise<MeetingRequest> {
  authorize(actor, 'meeting.manage');
  const r = await findRequest(deps.db, requestIdParam);
  if (!r) throw noRequest();
  if (r.slot_index === null) throw conflict('该约见尚未排期', 'This meeting has not been scheduled');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setHeld(trx, r.id, held);
    await appendAudit(trx, { actorId: actor.userId, action: 'meeting.held', entity: 'meeting_request', entityId: r.id, before: { held: r.held === 1 }, after: { held }, requestId }, now);
  });
  return requestView(deps, r.id);
}
