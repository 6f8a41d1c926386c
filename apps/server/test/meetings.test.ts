import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MatchProfileInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { decodeMail, startSmtpServer, type ReceivedMail } from './support/smtp.ts';
import { approvedProfile, catalogEntry, organizationOf, userWith } from './support/match-fixture.ts';

// 对接会 end to end on both engines: the catalog organizer creates an event and invites the
// owners of published technologies and approved investors; participants request 1:1 meetings,
// the other side accepts or declines, a participant marks a slot unavailable, the organizer runs
// the scheduler; every placed meeting is clash-free, the one that cannot fit says why, and both
// sides receive the schedule by mail (real SMTP) with an RFC 5545 calendar attached, the same
// file the page downloads. Who may do what is checked on every endpoint.

const contact = { name: '王工', phone: '0371-66668888', email: 'wang@tech.example.cn' };
const investorInput = (orgName: string): MatchProfileInput => ({
  kind: 'investor', orgName, contact: { name: '赵投', phone: '13911112222', email: 'zhao@fund.example.cn' }, fieldIds: ['glt2024-4'], regions: [],
  description: '关注光伏与储能', stages: ['A'], ticketMin: 100, ticketMax: 5000,
});

/** A part of a multipart mail (text/plain, text/calendar), decoded. */
export function mailPart(m: ReceivedMail, type: 'text/plain' | 'text/calendar'): string | null {
  const at = m.raw.search(new RegExp(`content-type: ${type.replace('/', '\\/')}`, 'i'));
  if (at < 0) return null;
  const part = m.raw.slice(at);
  const start = part.indexOf('\r\n\r\n') + 4;
  const head = part.slice(0, start);
  const body = part.slice(start, part.search(/\r\n--/));
  return /content-transfer-encoding: base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
}

describeEachEngine('对接会: events, requests, the exact scheduler, schedules by mail with .ics', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let organizer: Client;
  let owner: { client: Client; userId: string; orgId: string };
  let owner2: { client: Client; userId: string; orgId: string };
  let inv1: { client: Client; userId: string };
  let inv2: { client: Client; userId: string };
  let outsider: Client;
  let entry = '';
  let eventId = '';
  const req = { a: '', b: '', c: '', d: '' };
  const mailTo = async (to: string, subject: string): Promise<ReceivedMail> => {
    for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
      const m = smtp.mails.find((x) => x.to.includes(to) && decodeMail(x.raw).subject.includes(subject));
      if (m) return m;
    }
    throw new Error(`no mail “${subject}” to ${to}`);
  };

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    organizer = (await userWith(h, 'catalog@example.com', 'catalog_organizer')).client;
    const o = await userWith(h, 'owner@example.com');
    owner = { ...o, orgId: await organizationOf(o.client, '郑州光电科技有限公司', '410105', contact) };
    const o2 = await userWith(h, 'owner2@example.com');
    owner2 = { ...o2, orgId: await organizationOf(o2.client, '深圳储能科技有限公司', '440305', contact) };
    entry = await catalogEntry(h, owner, { name: '钙钛矿叠层光伏组件', fieldId: 'glt2024-4', trl: 7, scope: '分布式光伏电站', process: '叠层电池封装工艺', contact });
    await catalogEntry(h, owner2, { name: '储能电站热失控预警系统', fieldId: 'glt2024-4', trl: 9, scope: '储能电站安全监测', process: '多传感器融合预警算法', contact });
    inv1 = await userWith(h, 'inv1@example.com');
    await approvedProfile(inv1.client, organizer, investorInput('绿能创投'));
    inv2 = await userWith(h, 'inv2@example.com');
    await approvedProfile(inv2.client, organizer, investorInput('碳中和基金'));
    outsider = (await userWith(h, 'outsider@example.com')).client;
  });
  after(async () => {
    await h?.close();
    await smtp?.close();
  });

  test('only meeting.manage creates events; bad input names the field and creates nothing', async () => {
    const body = { name: '2026 绿色技术银企对接会', place: '郑州国际会展中心 B 厅', date: '2026-12-18', startTime: '09:00', endTime: '10:00', slotMinutes: 30, tables: 1 };
    assert.equal((await outsider.post('/api/meetings/events', body)).statusCode, 403);
    assert.equal((await inv1.client.post('/api/meetings/events', body)).statusCode, 403);
    const bad = await organizer.post('/api/meetings/events', { ...body, endTime: '09:20' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields.some((f: { path: string }) => f.path === 'endTime'), bad.body);
    const badDate = await organizer.post('/api/meetings/events', { ...body, date: '2026-02-30' });
    assert.equal(badDate.statusCode, 400);
    assert.equal((await organizer.get('/api/meetings/events')).json().items.length, 0);
    const created = await organizer.post('/api/meetings/events', body);
    assert.equal(created.statusCode, 200, created.body);
    eventId = created.json().id;
    assert.equal(created.json().status, 'open');
  });

  test('invites owners of published technologies and approved investors only', async () => {
    assert.equal((await outsider.get(`/api/meetings/events/${eventId}`)).statusCode, 404, 'an event is hidden from those not in it');
    assert.equal((await inv1.client.get(`/api/meetings/events/${eventId}/candidates`)).statusCode, 403);
    const cands = (await organizer.get(`/api/meetings/events/${eventId}/candidates`)).json().items as { userId: string; kind: string; technologyName: string | null }[];
    const byUser = new Map(cands.map((c) => [c.userId, c]));
    assert.equal(byUser.get(owner.userId)?.kind, 'technology');
    assert.equal(byUser.get(owner.userId)?.technologyName, '钙钛矿叠层光伏组件');
    assert.equal(byUser.get(inv1.userId)?.kind, 'investor');
    const outsiderId = (await outsider.get('/api/auth/session')).json().user.id as string;
    assert.ok(!byUser.has(outsiderId));
    const refused = await organizer.post(`/api/meetings/events/${eventId}/participants`, { userIds: [owner.userId, outsiderId] });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.fields[0].path, 'userIds.1');
    const invited = await organizer.post(`/api/meetings/events/${eventId}/participants`, { userIds: [owner.userId, owner2.userId, inv1.userId, inv2.userId] });
    assert.equal(invited.statusCode, 200, invited.body);
    assert.equal(invited.json().invited.length, 4);
    const again = await organizer.post(`/api/meetings/events/${eventId}/participants`, { userIds: [owner.userId] });
    assert.deepEqual(again.json().invited, [], 'inviting twice adds nothing');
    const mail = decodeMail((await mailTo('inv1@example.com', '对接会邀请')).raw);
    assert.match(mail.text, /郑州国际会展中心 B 厅/);
    const list = (await inv1.client.get('/api/meetings/events')).json();
    assert.equal(list.items.length, 1);
    assert.equal(list.canManage, false);
  });

  test('participants request meetings; the other side accepts or declines', async () => {
    const ask = (c: Client, to: string, note: string) => c.post(`/api/meetings/events/${eventId}/requests`, { toUserId: to, note });
    assert.equal((await ask(outsider, owner.userId, '想聊聊')).statusCode, 404);
    const self = await ask(inv1.client, inv1.userId, '自己');
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().error.fields[0].path, 'toUserId');
    const a = await ask(inv1.client, owner.userId, '希望了解钙钛矿组件的量产计划');
    assert.equal(a.statusCode, 200, a.body);
    req.a = a.json().id;
    assert.equal(a.json().catalogEntryId, entry, 'the technology owner’s entry is what the meeting is about');
    assert.equal((await ask(owner.client, inv1.userId, '反向再约')).statusCode, 409, 'one live request per pair');
    req.b = (await ask(inv2.client, owner.userId, '关注储能与光伏结合')).json().id;
    req.c = (await ask(owner2.client, inv1.userId, '介绍热失控预警系统')).json().id;
    req.d = (await ask(owner2.client, inv2.userId, '寻求 A 轮融资')).json().id;
    // The person asked answers, nobody else.
    assert.equal((await inv1.client.post(`/api/meetings/requests/${req.a}/respond`, { accept: true })).statusCode, 403);
    assert.equal((await outsider.post(`/api/meetings/requests/${req.a}/respond`, { accept: true })).statusCode, 404);
    for (const [c, id] of [[owner.client, req.a], [owner.client, req.b], [inv1.client, req.c]] as const) {
      const r = await c.post(`/api/meetings/requests/${id}/respond`, { accept: true, note: '欢迎' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'accepted');
    }
    const declined = await inv2.client.post(`/api/meetings/requests/${req.d}/respond`, { accept: false, note: '暂不考虑' });
    assert.equal(declined.json().status, 'declined');
    assert.equal((await inv2.client.post(`/api/meetings/requests/${req.d}/respond`, { accept: true })).statusCode, 409, 'answered once');
    // A participant sees only their own requests.
    const seen = (await inv2.client.get(`/api/meetings/events/${eventId}`)).json().requests.map((r: { id: string }) => r.id).sort();
    assert.deepEqual(seen, [req.b, req.d].sort());
  });

  test('availability is the participant’s own, within the event’s slots', async () => {
    const bad = await inv2.client.put(`/api/meetings/events/${eventId}/availability`, { unavailable: [2] });
    assert.equal(bad.statusCode, 400, 'two slots: 0 and 1');
    assert.equal(bad.json().error.fields[0].path, 'unavailable.0');
    assert.equal((await organizer.put(`/api/meetings/events/${eventId}/availability`, { unavailable: [0] })).statusCode, 403);
    const ok = await inv2.client.put(`/api/meetings/events/${eventId}/availability`, { unavailable: [0] });
    assert.deepEqual(ok.json().unavailable, [0]);
  });

  test('the scheduler places without clashes, reports the rest, mails schedules with a calendar', async () => {
    assert.equal((await inv1.client.post(`/api/meetings/events/${eventId}/schedule`, {})).statusCode, 403);
    const badPriority = await organizer.post(`/api/meetings/events/${eventId}/schedule`, { priorities: { [req.d]: 5 } });
    assert.equal(badPriority.statusCode, 400, 'a declined request has no priority to give');
    // Two slots (09:00, 09:30), one table. Accepted: a (inv1–owner), b (inv2–owner, inv2 away at 09:00),
    // c (owner2–inv1). b must take 09:30; a and c share inv1 and only 09:00 is left with a table: one of them.
    const run = await organizer.post(`/api/meetings/events/${eventId}/schedule`, { priorities: { [req.a]: 3 } });
    assert.equal(run.statusCode, 200, run.body);
    assert.deepEqual({ scheduled: run.json().scheduled, unscheduled: run.json().unscheduled, optimal: run.json().optimal, upperBound: run.json().upperBound }, { scheduled: 2, unscheduled: 1, optimal: true, upperBound: 2 });
    const detail = (await organizer.get(`/api/meetings/events/${eventId}`)).json();
    assert.equal(detail.event.status, 'scheduled');
    const byId = new Map(detail.requests.map((r: { id: string }) => [r.id, r])) as Map<string, { slot: number | null; table: number | null; unscheduled: { kind: string } | null }>;
    assert.deepEqual([byId.get(req.a)!.slot, byId.get(req.a)!.table], [0, 1], 'the priority decides between a and c');
    assert.deepEqual([byId.get(req.b)!.slot, byId.get(req.b)!.table], [1, 1]);
    assert.equal(byId.get(req.c)!.slot, null);
    assert.equal(byId.get(req.c)!.unscheduled!.kind, 'tables_full', 'both common slots have their one table taken');
    assert.equal(byId.get(req.d)!.slot, null, 'declined requests are not scheduled');

    // The owner meets twice: the mail lists both and carries the calendar.
    const mail = await mailTo('owner@example.com', '对接会日程');
    const ics = mailPart(mail, 'text/calendar');
    assert.ok(ics, 'a text/calendar attachment');
    assert.ok(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/.test(ics!));
    assert.ok(ics!.endsWith('END:VCALENDAR\r\n'));
    for (const line of ics!.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    const unfolded = ics!.replace(/\r\n /g, '');
    assert.equal(unfolded.match(/BEGIN:VEVENT/g)?.length, 2);
    assert.ok(unfolded.includes(`UID:meeting-${req.a}@lvping`));
    assert.ok(unfolded.includes('DTSTART:20261218T010000Z'), '09:00 Shanghai');
    assert.ok(unfolded.includes('DTEND:20261218T013000Z'));
    assert.ok(unfolded.includes('DTSTART:20261218T013000Z'), '09:30 Shanghai');
    assert.ok(unfolded.includes('LOCATION:郑州国际会展中心 B 厅 1 号桌'));
    assert.ok(/DTSTAMP:\d{8}T\d{6}Z/.test(unfolded));
    // inv1 is told about c too, and why it did not fit.
    const inv1Mail = mailPart(await mailTo('inv1@example.com', '对接会日程'), 'text/plain')!;
    assert.match(inv1Mail, /09:00–09:30 {2}1 号桌 {2}郑州光电科技有限公司/);
    assert.match(inv1Mail, /未能安排：深圳储能科技有限公司.*洽谈桌已满/);

    // The page's download is the same calendar for the caller alone.
    const dl = await inv2.client.get(`/api/meetings/events/${eventId}/my-schedule.ics`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-type']), /^text\/calendar/);
    assert.ok(dl.body.includes(`UID:meeting-${req.b}@lvping`));
    assert.ok(!dl.body.includes(req.a));
    assert.equal((await outsider.get(`/api/meetings/events/${eventId}/my-schedule.ics`)).statusCode, 404);
  });

  test('the organizer marks meetings held; only scheduled ones', async () => {
    assert.equal((await owner.client.post(`/api/meetings/requests/${req.a}/held`, { held: true })).statusCode, 403);
    assert.equal((await organizer.post(`/api/meetings/requests/${req.c}/held`, { held: true })).statusCode, 409);
    const held = await organizer.post(`/api/meetings/requests/${req.a}/held`, { held: true });
    assert.equal(held.json().held, true);
    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', eventId).execute();
    assert.deepEqual(audit.map((a) => a.action).filter((a) => a.startsWith('meeting.')).sort(), ['meeting.availability', 'meeting.create_event', 'meeting.invite', 'meeting.invite', 'meeting.schedule']);
  });
});
