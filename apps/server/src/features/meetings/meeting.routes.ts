import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AvailabilitySchema, CreateMeetingEventSchema, CreateMeetingRequestSchema, InviteParticipantsSchema, MarkHeldSchema, MeetingCandidateListSchema, MeetingEventDetailSchema,
  MeetingEventListSchema, MeetingEventParamsSchema, MeetingEventSchema, MeetingParticipantSchema, MeetingRequestParamsSchema, MeetingRequestSchema, RespondMeetingRequestSchema,
  RunScheduleSchema, ScheduleReportSchema,
} from '@lvping/domain';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { candidates, createEvent, eventDetail, inviteParticipants, listEvents, markHeld, requestMeeting, respondToRequest, setAvailability } from './meeting.service.ts';
import { myCalendar, runSchedule } from './meeting-schedule.service.ts';

/** 对接会: events, invitations, 1:1 requests, the scheduler and each participant's calendar. */
export function meetingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const one = '/api/meetings/events/:eventId';

  r.get('/api/meetings/events', { schema: { tags, summary: 'Events the caller runs (meeting.manage: all) or is invited to', response: { 200: MeetingEventListSchema } } }, async (req) =>
    listEvents(deps, requireActor(req)));
  r.post('/api/meetings/events', { schema: { tags, summary: 'Create an event: place, date, session cut into slots, tables per slot', body: CreateMeetingEventSchema, response: { 200: MeetingEventSchema } } }, async (req) =>
    createEvent(deps, requireActor(req), req.body, req.id));
  r.get(one, { schema: { tags, summary: 'The event with its slots, participants and the caller’s requests (the organizer: all, with the last scheduling report)', params: MeetingEventParamsSchema, response: { 200: MeetingEventDetailSchema } } }, async (req) =>
    eventDetail(deps, requireActor(req), req.params.eventId));
  r.get(`${one}/candidates`, { schema: { tags, summary: 'Who may be invited: owners of published catalog entries and approved profile holders', params: MeetingEventParamsSchema, response: { 200: MeetingCandidateListSchema } } }, async (req) =>
    candidates(deps, requireActor(req), req.params.eventId));
  r.post(`${one}/participants`, { schema: { tags, summary: 'Invite participants (each gets a notice and an email)', params: MeetingEventParamsSchema, body: InviteParticipantsSchema, response: { 200: z.object({ invited: z.array(z.string()) }) } } }, async (req) =>
    inviteParticipants(deps, requireActor(req), req.params.eventId, req.body.userIds, req.id));
  r.put(`${one}/availability`, { schema: { tags, summary: 'The slots the caller cannot meet in', params: MeetingEventParamsSchema, body: AvailabilitySchema, response: { 200: MeetingParticipantSchema } } }, async (req) =>
    setAvailability(deps, requireActor(req), req.params.eventId, req.body.unavailable, req.id));
  r.post(`${one}/requests`, { schema: { tags, summary: 'Ask another participant for a 1:1 meeting, with a note', params: MeetingEventParamsSchema, body: CreateMeetingRequestSchema, response: { 200: MeetingRequestSchema } } }, async (req) =>
    requestMeeting(deps, requireActor(req), req.params.eventId, req.body, req.id));
  r.post(`${one}/schedule`, { schema: { tags, summary: 'Run the exact scheduler on the accepted requests; mails each participant the schedule with a calendar file', params: MeetingEventParamsSchema, body: RunScheduleSchema, response: { 200: ScheduleReportSchema } } }, async (req) =>
    runSchedule(deps, requireActor(req), req.params.eventId, req.body.priorities, req.id));
  r.get(`${one}/my-schedule.ics`, { schema: { tags, summary: 'The caller’s scheduled meetings as an iCalendar (RFC 5545) file', params: MeetingEventParamsSchema } }, async (req, reply) => {
    const { ics, event } = await myCalendar(deps, requireActor(req), req.params.eventId);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', contentDisposition(`${event.name}-日程.ics`)).send(ics);
  });
  r.post('/api/meetings/requests/:requestId/respond', { schema: { tags, summary: 'Accept or decline a request made to the caller', params: MeetingRequestParamsSchema, body: RespondMeetingRequestSchema, response: { 200: MeetingRequestSchema } } }, async (req) =>
    respondToRequest(deps, requireActor(req), req.params.requestId, req.body, req.id));
  r.post('/api/meetings/requests/:requestId/held', { schema: { tags, summary: 'Mark a scheduled meeting as held (or not)', params: MeetingRequestParamsSchema, body: MarkHeldSchema, response: { 200: MeetingRequestSchema } } }, async (req) =>
    markHeld(deps, requireActor(req), req.params.requestId, req.body.held, req.id));
}
