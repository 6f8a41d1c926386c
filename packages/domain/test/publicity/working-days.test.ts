import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultHolidayCalendar as cal } from '../../src/publicity/holidays-cn.ts';
import { addDays, addWorkingDays, isWorkingDay, publicityPeriod } from '../../src/publicity/working-days.ts';
import { HolidayCalendarSchema } from '../../src/publicity/publicity-api.schema.ts';
import { formatShanghaiDeadline, shanghaiToEpoch } from '../../src/program/shanghai-time.ts';

// The 公示 period counted in working days over the State Council's 放假安排.

test('holidays and 调休 of the official notices', () => {
  // 2025: 春节 1/28–2/4 off, Sunday 1/26 and Saturday 2/8 worked.
  assert.equal(isWorkingDay('2025-01-26', cal), true);
  assert.equal(isWorkingDay('2025-01-28', cal), false);
  assert.equal(isWorkingDay('2025-02-04', cal), false);
  assert.equal(isWorkingDay('2025-02-05', cal), true);
  assert.equal(isWorkingDay('2025-02-08', cal), true);
  assert.equal(isWorkingDay('2025-10-08', cal), false);
  assert.equal(isWorkingDay('2025-10-11', cal), true);
  // 2026: 元旦 1/1–1/3, Sunday 1/4 worked; 国庆 10/1–10/7, Saturday 10/10 worked.
  assert.equal(isWorkingDay('2026-01-02', cal), false);
  assert.equal(isWorkingDay('2026-01-04', cal), true);
  assert.equal(isWorkingDay('2026-02-23', cal), false);
  assert.equal(isWorkingDay('2026-02-28', cal), true);
  assert.equal(isWorkingDay('2026-09-20', cal), true);
  assert.equal(isWorkingDay('2026-10-10', cal), true);
  // A plain weekend and a plain weekday.
  assert.equal(isWorkingDay('2026-03-07', cal), false);
  assert.equal(isWorkingDay('2026-03-09', cal), true);
});

test('a 公示 opened before 国庆 2026 runs past the holiday, counting the 调休 Saturday', () => {
  // Opened Wed 2026-09-30 at 16:00. Counted: 10/8 Thu, 10/9 Fri, 10/10 Sat (调休上班), [10/11 Sun off],
  // 10/12 Mon, 10/13 Tue → five working days end at 2026-10-13 24:00 (10/1–10/7 are the holiday).
  const p = publicityPeriod(shanghaiToEpoch('2026-09-30 16:00'), 5, cal);
  assert.deepEqual({ ...p }, { openedOn: '2026-09-30', startsOn: '2026-10-08', endsOn: '2026-10-13', endsAt: shanghaiToEpoch('2026-10-14 00:00'), basis: 'official' });
  assert.equal(formatShanghaiDeadline(p.endsAt), '2026-10-13 24:00');
  // Six days reach Wednesday 10/14.
  assert.equal(publicityPeriod(shanghaiToEpoch('2026-09-30 09:00'), 6, cal).endsOn, '2026-10-14');
});

test('the opening day never counts, even opened at 00:01', () => {
  const p = publicityPeriod(shanghaiToEpoch('2026-03-09 00:01'), 1, cal);
  assert.equal(p.startsOn, '2026-03-10');
  assert.equal(p.endsOn, '2026-03-10');
  // Friday evening: the next working day is Monday.
  assert.equal(publicityPeriod(shanghaiToEpoch('2026-03-13 23:59'), 1, cal).endsOn, '2026-03-16');
});

test('春节 2026 and the basis of a count into a provisional or unlisted year', () => {
  // Opened Fri 2/13: 2/14 Sat worked (1), 2/15–2/23 off, 2/24 Tue (2) … 2/27 Fri (5).
  assert.equal(addWorkingDays('2026-02-13', 5, cal), '2026-02-27');
  assert.equal(publicityPeriod(shanghaiToEpoch('2026-12-30 10:00'), 5, cal).basis, 'provisional');
  assert.equal(addWorkingDays('2026-12-31', 1, cal), '2027-01-04'); // 1/1 holiday, then the weekend
  assert.equal(publicityPeriod(shanghaiToEpoch('2027-12-30 10:00'), 5, cal).basis, 'weekends_only');
});

test('counting n working days lands on a working day with exactly n working days after the start', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
    const start = addDays('2025-01-01', offset);
    const end = addWorkingDays(start, n, cal);
    assert.equal(isWorkingDay(end, cal), true);
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
    assert.equal(count, n);
  }));
});

test('the calendar schema refuses bad dates, reversed ranges, a day both off and worked, duplicate years', () => {
  assert.equal(HolidayCalendarSchema.safeParse(cal).success, true);
  const bad = HolidayCalendarSchema.safeParse({
    years: [
      { year: 2030, status: 'provisional', holidays: [{ name: '春节', from: '2030-02-30', to: '2030-03-01' }, { name: '国庆', from: '2030-10-07', to: '2030-10-01' }, { name: '劳动节', from: '2030-05-01', to: '2030-05-03' }], workdays: ['2030-05-02'] },
      { year: 2030, status: 'official', holidays: [], workdays: [] },
      { year: 1999, status: 'official', holidays: [], workdays: [] },
    ],
  });
  assert.equal(bad.success, false);
  const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.ok(messages.includes('years.0.holidays.0.from: 不是有效日期：2030-02-30'), messages.join('\n'));
  assert.ok(messages.includes('years.0.holidays.1.to: 结束日期 2030-10-01 早于开始日期 2030-10-07'), messages.join('\n'));
  assert.ok(messages.includes('years.0.workdays.0: 2030-05-02 既是放假日又是上班日'), messages.join('\n'));
  assert.ok(messages.includes('years.1.year: 年份 2030 重复'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('years.2.year')), messages.join('\n'));
});
