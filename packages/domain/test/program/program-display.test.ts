import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDemoEdition, shownProgramStatus } from '../../src/program/program-display.ts';
import { resubmissionSteps } from '../../src/application/application-timeline.ts';

const call = { opensAt: 1_000, closesAt: 2_000 };

test('a stored "open" reads 征集中 only inside the call window', () => {
  assert.equal(shownProgramStatus('open', call, 500), 'draft');
  assert.equal(shownProgramStatus('open', call, 1_500), 'open');
  assert.equal(shownProgramStatus('open', call, 2_500), 'reviewing');
  assert.equal(shownProgramStatus('publicity', call, 1_500), 'publicity', 'a status the organizer moved on is shown as it is');
  assert.equal(shownProgramStatus('open', undefined, 2_500), 'open', 'without a window there is nothing to correct');
});

test('demo editions are the <slug>-demo copies', () => {
  assert.equal(isDemoEdition('henan-green-2025-demo'), true);
  assert.equal(isDemoEdition('henan-green-2025'), false);
});

test("a resubmission is the applicant's submission right after a return, whatever status it led to", () => {
  const a = 'applicant';
  const steps = [
    { status: 'draft', actorId: a }, { status: 'submitted', actorId: a }, { status: 'endorsed', actorId: 'unit' },
    { status: 'returned', actorId: 'screener' }, { status: 'endorsed', actorId: a },
    { status: 'returned', actorId: 'screener' }, { status: 'withdrawn', actorId: a },
  ] as const;
  assert.deepEqual(resubmissionSteps(steps, a), [false, false, false, false, true, false, false]);
});
