import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarStatus, nextProgramStatuses, programStatusPath, programStatusStep } from '../../src/program/program-status.ts';
import { shanghaiToEpoch } from '../../src/program/shanghai-time.ts';

const phase = (kind: string, startsAt: string, endsAt: string) => ({ id: kind, kind, name: kind, startsAt, endsAt }) as never;
const full = { phases: [phase('call', '2026-03-01', '2026-03-31'), phase('preliminary', '2026-04-01', '2026-04-30'), phase('publicity', '2026-05-01', '2026-05-07'), phase('publication', '2026-05-10', '2026-05-10')] };
const bare = { phases: [phase('call', '2026-03-01', '2026-03-31')] };

test('the path follows the phases: no review phase or 公示, no such step', () => {
  assert.deepEqual(programStatusPath(full), ['draft', 'open', 'reviewing', 'publicity', 'published', 'closed']);
  assert.deepEqual(programStatusPath(bare), ['draft', 'open', 'published', 'closed']);
  // Review rounds or a results 公示 in their blocks count as well.
  assert.deepEqual(programStatusPath({ ...bare, review: { rounds: [{}] }, decision: { publicity: { results: {} } } }), ['draft', 'open', 'reviewing', 'publicity', 'published', 'closed']);
});

test('next is one step forward; archived is last', () => {
  assert.deepEqual(nextProgramStatuses(full, 'draft'), ['open']);
  assert.deepEqual(nextProgramStatuses(full, 'reviewing'), ['publicity']);
  assert.deepEqual(nextProgramStatuses(bare, 'open'), ['published']);
  assert.deepEqual(nextProgramStatuses(full, 'closed'), []);
  // A status the definition no longer has (its 公示 removed since) still moves forward.
  assert.deepEqual(nextProgramStatuses(bare, 'publicity'), ['published']);
});

test('refusals name the allowed next status, in Chinese and English', () => {
  const skip = programStatusStep(full, 'draft', 'published');
  assert.ok('refused' in skip);
  assert.equal(skip.refused.zh, '当前状态为“筹备中”，不能跳过“征集中”、“评审中”、“公示中”直接进入“结果已发布”；可进入：“征集中”');
  assert.equal(skip.refused.en, 'cannot skip "Open for applications", "Under review", "Public notice" to go from "In preparation" to "Results published"; allowed next: "Open for applications"');
  const back = programStatusStep(full, 'publicity', 'open');
  assert.ok('refused' in back);
  assert.match(back.refused.zh, /不能退回“征集中”；可进入：“结果已发布”/);
  assert.match(back.refused.en, /cannot go back from "Public notice" to "Open for applications"; allowed next: "Results published"/);
  const missing = programStatusStep(bare, 'open', 'publicity');
  assert.ok('refused' in missing);
  assert.match(missing.refused.zh, /没有“公示中”/);
  assert.match(missing.refused.en, /no "Public notice" step/);
  const last = programStatusStep(full, 'closed', 'draft');
  assert.ok('refused' in last);
  assert.match(last.refused.zh, /已是最后一个状态/);
  assert.match(last.refused.en, /it is the last status/);
  assert.deepEqual(programStatusStep(full, 'open', 'reviewing'), { to: 'reviewing', allowed: ['reviewing'] });
});

test('the calendar status is the latest phase begun', () => {
  assert.equal(calendarStatus(full, shanghaiToEpoch('2026-02-01')), 'draft');
  assert.equal(calendarStatus(full, shanghaiToEpoch('2026-03-15')), 'open');
  assert.equal(calendarStatus(full, shanghaiToEpoch('2026-05-03')), 'publicity');
  assert.equal(calendarStatus(full, shanghaiToEpoch('2026-06-01')), 'published');
});
