// The roadshow timer's arithmetic, without a browser: countdown, pause and resume, the amber
// last minute, overtime in red counting up, skipping to Q&A, reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, initialTimer, pauseTimer, resetTimer, skipToQa, startTimer, timerView, toggleTimer } from '../src/expert/roadshow-timer.ts';

const config = { presentMinutes: 8, qaMinutes: 7 };
const T0 = 1_700_000_000_000;
const s = (n: number) => n * 1000;

test('formatDuration writes mm:ss, rounding up to the second', () => {
  assert.equal(formatDuration(0), '00:00');
  assert.equal(formatDuration(s(8 * 60)), '08:00');
  assert.equal(formatDuration(s(59) + 1), '01:00');
  assert.equal(formatDuration(1), '00:01');
  assert.equal(formatDuration(-s(65)), '01:05');
  assert.equal(formatDuration(s(125 * 60)), '125:00');
});

test('before starting: the whole presentation, stopped, nothing used', () => {
  const v = timerView(initialTimer(), config, T0);
  assert.equal(v.phase, 'present');
  assert.equal(v.running, false);
  assert.equal(v.text, '08:00');
  assert.equal(v.level, 'normal');
  assert.equal(v.used, 0);
  assert.equal(v.limitMs, s(480));
});

test('counts down from the start, and a pause freezes it until resumed', () => {
  let st = startTimer(initialTimer(), T0);
  assert.equal(timerView(st, config, T0 + s(90)).text, '06:30');
  assert.equal(startTimer(st, T0 + s(5)), st, 'starting a running timer changes nothing');
  st = pauseTimer(st, T0 + s(100));
  assert.equal(timerView(st, config, T0 + s(100)).text, '06:20');
  assert.equal(timerView(st, config, T0 + s(1000)).text, '06:20', 'paused: time passing does not count');
  assert.equal(timerView(st, config, T0 + s(1000)).running, false);
  assert.equal(pauseTimer(st, T0 + s(2000)), st, 'pausing a paused timer changes nothing');
  st = startTimer(st, T0 + s(1000));
  assert.equal(timerView(st, config, T0 + s(1010)).text, '06:10');
  assert.equal(timerView(st, config, T0 + s(1010)).elapsedMs, s(110));
});

test('toggle starts and pauses', () => {
  let st = toggleTimer(initialTimer(), T0);
  assert.equal(timerView(st, config, T0).running, true);
  st = toggleTimer(st, T0 + s(30));
  assert.equal(timerView(st, config, T0 + s(99)).running, false);
  assert.equal(timerView(st, config, T0 + s(99)).text, '07:30');
});

test('amber in the last minute, red at zero and over time, counting up with a plus', () => {
  const st = startTimer(initialTimer(), T0);
  assert.equal(timerView(st, config, T0 + s(419)).level, 'normal');
  assert.equal(timerView(st, config, T0 + s(420)).level, 'warning');
  assert.equal(timerView(st, config, T0 + s(420)).text, '01:00');
  assert.equal(timerView(st, config, T0 + s(479.5)).text, '00:01');
  assert.equal(timerView(st, config, T0 + s(480)).level, 'over');
  assert.equal(timerView(st, config, T0 + s(480)).text, '00:00');
  const over = timerView(st, config, T0 + s(545));
  assert.equal(over.level, 'over');
  assert.equal(over.text, '+01:05');
  assert.equal(over.remainingMs, -s(65));
  assert.equal(over.used, 1, 'the bar is full, not past full');
  assert.equal(over.phase, 'present', 'over time stays in the presentation until the host moves on');
});

test('skip to Q&A starts the questions from their full length, running if the clock ran', () => {
  const running = skipToQa(startTimer(initialTimer(), T0), T0 + s(300));
  const v = timerView(running, config, T0 + s(310));
  assert.equal(v.phase, 'qa');
  assert.equal(v.running, true);
  assert.equal(v.text, '06:50');
  assert.equal(v.limitMs, s(420));
  const paused = skipToQa(pauseTimer(startTimer(initialTimer(), T0), T0 + s(10)), T0 + s(20));
  assert.equal(timerView(paused, config, T0 + s(500)).text, '07:00');
  assert.equal(timerView(paused, config, T0 + s(500)).running, false);
  assert.equal(skipToQa(running, T0 + s(400)), running, 'already in Q&A: nothing changes');
  assert.equal(timerView(running, config, T0 + s(300 + 420 + 3)).text, '+00:03');
});

test('reset goes back to the presentation, stopped', () => {
  const st = resetTimer();
  assert.deepEqual(st, initialTimer());
  assert.equal(timerView(st, config, T0 + s(9999)).text, '08:00');
});

test('a round without Q&A time is over as soon as Q&A starts', () => {
  const v = timerView(skipToQa(startTimer(initialTimer(), T0), T0), { presentMinutes: 5, qaMinutes: 0 }, T0 + s(2));
  assert.equal(v.level, 'over');
  assert.equal(v.used, 1);
});
