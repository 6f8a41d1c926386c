// The review schedule's pure views, without a browser: which schedule a round has, the timetable
// by panel in time order, overlapping slots, the next slot suggested, and times in Beijing time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';
import type { RoundSchedule, ScheduleItem } from '../src/api/review-schedule-admin.api.ts';
import { isLink, overlapsOf, panelNames, scheduleMode, slotDraft, slotTimeText, timetable } from '../src/organizer/review-schedule-model.ts';

const at = (s: string) => shanghaiToEpoch(s);
const item = (n: number, slot: ScheduleItem['slot'] = null): ScheduleItem => ({
  applicationId: `a${n}`, number: `N-${n}`, title: `项目${n}`, orgName: `单位${n}`, trackId: 't', visit: null, slot,
});
const schedule = (items: ScheduleItem[], timing: RoundSchedule['timing'] = { presentMinutes: 8, qaMinutes: 7 }): RoundSchedule => ({
  roundId: 'fusai', kind: 'roadshow', timing, items,
  panels: [...new Set(items.flatMap((i) => (i.slot ? [i.slot.panel] : [])))].map((panel) => ({ panel, applications: 0, members: panel === '第一组' ? [{ expertId: 'e1', name: '陈光明' }] : [] })),
});

test('a site-visit round has visits; a roadshow, or any round timed like one, has slots; others nothing', () => {
  assert.equal(scheduleMode({ kind: 'site_visit', timing: null }), 'visit');
  assert.equal(scheduleMode({ kind: 'roadshow', timing: null }), 'slot');
  assert.equal(scheduleMode({ kind: 'final', timing: { presentMinutes: 8, qaMinutes: 7 } }), 'slot', '河南 决赛: a final phase timed as a roadshow');
  assert.equal(scheduleMode({ kind: 'preliminary', timing: null }), 'none');
  assert.equal(scheduleMode({ kind: null, timing: null }), 'none');
});

test('times read in Beijing time, with the end of a timed slot', () => {
  assert.equal(slotTimeText(at('2025-06-10 09:00'), { presentMinutes: 8, qaMinutes: 7 }), '2025-06-10 09:00–09:15');
  assert.equal(slotTimeText(at('2025-06-10 23:50'), { presentMinutes: 8, qaMinutes: 7 }), '2025-06-10 23:50–2025-06-11 00:05', 'past midnight the end names its day');
  assert.equal(slotTimeText(at('2025-06-10 09:00'), null), '2025-06-10 09:00');
});

test('an online meeting is a link, a room is not', () => {
  assert.equal(isLink('https://meeting.tencent.com/dm/abc'), true);
  assert.equal(isLink(' http://x.cn/a '), true);
  assert.equal(isLink('第一会议室（A座3层）'), false);
  assert.equal(isLink('https://x.cn 第二会场'), false);
});

test('the timetable: panels by their first slot, slots in time order, the unscheduled apart; overlaps in one panel found', () => {
  const s = schedule([
    item(1, { panel: '第一组', startsAt: at('2025-06-10 09:15'), place: '第一会议室' }),
    item(2, { panel: '第二组', startsAt: at('2025-06-10 09:00'), place: 'https://meeting.tencent.com/dm/abc' }),
    item(3, { panel: '第一组', startsAt: at('2025-06-10 09:00'), place: '第一会议室' }),
    item(4),
    item(5, { panel: '第一组', startsAt: at('2025-06-10 09:20'), place: '第一会议室' }),
  ]);
  const { panels, unscheduled } = timetable(s);
  assert.deepEqual(panels.map((p) => p.panel), ['第一组', '第二组']);
  assert.deepEqual(panels[0].rows.map((r) => r.number), ['N-3', 'N-1', 'N-5']);
  assert.deepEqual(panels[0].members.map((m) => m.name), ['陈光明']);
  assert.deepEqual(unscheduled.map((r) => r.number), ['N-4']);
  // 09:00–09:15 and 09:15–09:30 touch, not overlap; 09:20 falls inside 09:15–09:30.
  const o = overlapsOf(panels[0].rows, s.timing);
  assert.deepEqual([...o].sort(), [['a1', 'N-5'], ['a5', 'N-1']]);
  assert.equal(overlapsOf(panels[1].rows, s.timing).size, 0);
  // Untimed: only the same minute is a clash.
  assert.equal(overlapsOf(panels[0].rows, null).size, 0);
  assert.deepEqual(panelNames(s), ['第一组', '第二组']);
});

test('a new slot starts after the latest one, in its panel and place; an existing slot is itself', () => {
  const s = schedule([item(1, { panel: '第二组', startsAt: at('2025-06-10 10:00'), place: '第二会议室' }), item(2, { panel: '第一组', startsAt: at('2025-06-10 09:00'), place: '第一会议室' }), item(3)]);
  assert.deepEqual(slotDraft(s, s.items[2]), { panel: '第二组', startsAt: '2025-06-10 10:15', place: '第二会议室' });
  assert.deepEqual(slotDraft(s, s.items[1]), { panel: '第一组', startsAt: '2025-06-10 09:00', place: '第一会议室' });
  assert.deepEqual(slotDraft({ ...s, timing: null }, s.items[2]), { panel: '第二组', startsAt: null, place: '第二会议室' }, 'untimed: no guess at the time');
  assert.deepEqual(slotDraft(schedule([item(9)]), item(9)), { panel: '', startsAt: null, place: '' });
});
