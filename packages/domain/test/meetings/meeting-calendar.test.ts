import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldLine, icsCalendar, icsText, icsUtc } from '../../src/meetings/meeting-calendar.ts';
import { meetingSlots } from '../../src/meetings/meeting-slots.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('meeting calendar (.ics)', () => {
  const slots = meetingSlots({ date: '2026-12-18', startTime: '09:00', endTime: '10:00', slotMinutes: 20 });

  it('cuts the session into slots in Shanghai time', () => {
    assert.deepEqual(slots.map((s) => s.label), ['09:00–09:20', '09:20–09:40', '09:40–10:00']);
    assert.equal(icsUtc(slots[0].start), '20261218T010000Z', '09:00 in Shanghai is 01:00 UTC');
    assert.equal(meetingSlots({ date: '2026-12-18', startTime: '09:00', endTime: '09:50', slotMinutes: 20 }).length, 2, 'a slot past the end is not offered');
  });

  it('writes VCALENDAR/VEVENT with the required properties, CRLF and escaped text', () => {
    const ics = icsCalendar([{ uid: 'req-1@lvping', start: slots[1].start, end: slots[1].end, summary: '对接会：张三, 李四; 余热回收', location: '郑州国际会展中心 3 号桌', description: '第一行\n第二行' }], { now: Date.UTC(2026, 11, 10, 8, 0, 5), name: '银企对接会' });
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    assert.deepEqual(lines.slice(0, 2), ['BEGIN:VCALENDAR', 'VERSION:2.0']);
    assert.ok(lines.some((l) => l.startsWith('PRODID:')));
    for (const want of ['BEGIN:VEVENT', 'UID:req-1@lvping', 'DTSTAMP:20261210T080005Z', 'DTSTART:20261218T012000Z', 'DTEND:20261218T014000Z',
      'SUMMARY:对接会：张三\\, 李四\\; 余热回收', 'LOCATION:郑州国际会展中心 3 号桌', 'DESCRIPTION:第一行\\n第二行', 'END:VEVENT', 'END:VCALENDAR']) {
      assert.ok(lines.includes(want), `missing ${want}`);
    }
    assert.equal(icsText('a\\b'), 'a\\\\b');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'绿色低碳技术对接'.repeat(20)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    assert.ok(parts.length > 1);
    for (const p of parts) assert.ok(octets(p) <= 75, `${octets(p)} octets`);
    for (const p of parts.slice(1)) assert.ok(p.startsWith(' '));
    assert.equal(folded.replace(/\r\n /g, ''), long, 'unfolding gives the line back');
    assert.ok(!folded.includes('\uFFFD'));
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
    const ascii = foldLine('X:' + 'a'.repeat(150));
    assert.deepEqual(ascii.split('\r\n').map(octets), [75, 75, 4]);
  });
});
