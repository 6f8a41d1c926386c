// The expert's scoring helpers, without a browser: which problems show while typing, the live
// total with wrong scores left out, a sheet read back from storage, and 我的评审 grouped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RubricSchema } from '@lvping/domain/review/rubric.schema.ts';
import { emptySheet, type Sheet } from '@lvping/domain/review/score-sheet.ts';
import type { MyAssignment } from '../src/api/assignment.api.ts';
import { assignmentStep, failedGateNames, formatPoints, groupAssignments, isPlacedOnSheet, liveTotal, sheetFromStorage, visibleProblems } from '../src/expert/scoring-model.ts';

const rubric = RubricSchema.parse({
  id: 'r',
  name: '评分',
  gates: [{ id: 'g', name: '符合条件', nameEn: 'Eligible' }, { id: 'h', name: '材料齐全' }],
  criteria: [
    { id: 'a', name: '创新', weight: 60, max: 10, step: 0.5, commentBelow: 6 },
    { id: 'b', name: '效益', weight: 40, levels: [{ score: 0, text: '差' }, { score: 3, text: '中' }, { score: 5, text: '优' }] },
  ],
});

const sheet = (over: Partial<Sheet>): Sheet => ({ ...emptySheet(), ...over });
const paths = (ps: { path: string }[]) => ps.map((p) => p.path).sort();

test('while typing only wrong values show; after a submit attempt the missing ones too', () => {
  assert.deepEqual(visibleProblems(rubric, emptySheet(), false), []);
  assert.deepEqual(paths(visibleProblems(rubric, emptySheet(), true)), ['gates.g', 'gates.h', 'overallComment', 'scores.a', 'scores.b']);
  const wrong = sheet({ scores: { a: 11, b: 4 } });
  assert.deepEqual(paths(visibleProblems(rubric, wrong, false)), ['scores.a', 'scores.b']);
  assert.match(visibleProblems(rubric, wrong, false)[0].message['zh-CN'], /0–10/);
  assert.deepEqual(paths(visibleProblems(rubric, sheet({ scores: { a: 7.3 } }), false)), ['scores.a'], 'off the step');
});

test('a low score asks for its comment and a failed gate for its note as soon as they are entered', () => {
  const low = sheet({ scores: { a: 5 } });
  assert.deepEqual(paths(visibleProblems(rubric, low, false)), ['comments.a']);
  assert.deepEqual(paths(visibleProblems(rubric, { ...low, comments: { a: '数据不足' } }, false)), []);
  assert.deepEqual(paths(visibleProblems(rubric, sheet({ scores: { a: 6 } }), false)), [], 'at the threshold no comment is needed');
  const failed = sheet({ gates: { g: { pass: false, note: '' } } });
  assert.deepEqual(paths(visibleProblems(rubric, failed, false)), ['gates.g.note']);
  // A failed gate ends the review: the criteria are not asked for even after an attempt.
  assert.deepEqual(paths(visibleProblems(rubric, failed, true)), ['gates.g.note', 'gates.h', 'overallComment']);
});

test('the live total is Σ weight × score / max, with wrong scores counted as not scored', () => {
  const partial = liveTotal(rubric, sheet({ scores: { a: 7.5 } }));
  assert.equal(partial.total, null);
  assert.equal(partial.partial, 45);
  assert.equal(partial.scored, 1);
  const full = liveTotal(rubric, sheet({ scores: { a: 7.5, b: 3 } }));
  assert.equal(full.total, 45 + 24);
  assert.equal(full.partial, 69);
  assert.deepEqual(full.parts.map((p) => p.weighted), [45, 24]);
  const over = liveTotal(rubric, sheet({ scores: { a: 12, b: 5 } }));
  assert.equal(over.total, null, 'an over-max score is not added in');
  assert.equal(over.partial, 40);
  assert.equal(over.parts[0].weighted, null);
  const gate = liveTotal(rubric, sheet({ scores: { a: 10, b: 5 }, gates: { g: { pass: false, note: 'x' } } }));
  assert.equal(gate.total, null);
  assert.deepEqual(gate.failedGates.map((g) => g.gateId), ['g']);
});

test('failed gates are named in the reader\'s language', () => {
  const both = liveTotal(rubric, sheet({ gates: { g: { pass: false, note: 'x' }, h: { pass: false, note: 'y' } } }));
  assert.equal(failedGateNames(rubric, both, 'zh-CN'), '符合条件、材料齐全');
  assert.equal(failedGateNames(rubric, both, 'en'), 'Eligible, 材料齐全');
});

test('formatPoints: two decimals at most, no trailing zeros', () => {
  assert.equal(formatPoints(85), '85');
  assert.equal(formatPoints(17.5), '17.5');
  assert.equal(formatPoints(83.333333), '83.33');
  assert.equal(formatPoints(0.1 + 0.2), '0.3');
});

test('a sheet from storage keeps what has the right shape and drops the rest', () => {
  assert.equal(sheetFromStorage(null), null);
  assert.equal(sheetFromStorage('x'), null);
  assert.equal(sheetFromStorage([1]), null);
  assert.deepEqual(sheetFromStorage({}), emptySheet());
  assert.deepEqual(
    sheetFromStorage({ scores: { a: 7, b: 'x', c: null, d: Infinity }, comments: { a: '好', b: 3 }, gates: { g: { pass: false, note: '缺' }, h: { pass: 'y' }, k: { pass: true } }, overallComment: 9 }),
    { scores: { a: 7, c: null }, comments: { a: '好' }, gates: { g: { pass: false, note: '缺' }, k: { pass: true, note: '' } }, overallComment: '' },
  );
});

test('which problem paths have a field on the sheet', () => {
  for (const p of ['scores.a', 'comments.b', 'gates.g', 'gates.g.note', 'overallComment']) assert.equal(isPlacedOnSheet(rubric, p), true, p);
  for (const p of ['scores.zz', 'gates.zz', 'comments.a.x', 'gates.g.other', 'sheet']) assert.equal(isPlacedOnSheet(rubric, p), false, p);
});

const item = (over: Partial<MyAssignment>): MyAssignment => ({
  id: 'x', programId: 'p1', programName: '创蓝', applicationId: 'a', applicationNumber: 'N-1', orgName: '甲公司', title: '储能', trackName: '新能源', status: 'published',
  roundId: 'ruwei', roundName: '入围评估', blind: false, confirmed: false, sheet: 'none', total: null, unlockReason: null, dueAt: null, ...over,
});

test('我的评审 groups by program then round, sorts rows by number and counts progress without the declined', () => {
  const groups = groupAssignments([
    item({ id: '1', applicationNumber: 'CB-10' }),
    item({ id: '2', programId: 'p2', programName: '河南', roundId: 'r1', roundName: '初赛' }),
    item({ id: '3', applicationNumber: 'CB-9', sheet: 'submitted', confirmed: true, total: 80 }),
    item({ id: '4', roundId: 'luyan', roundName: '路演' }),
    item({ id: '5', applicationNumber: 'CB-1', status: 'declined' }),
    item({ id: '6', applicationNumber: 'CB-2', sheet: 'draft', confirmed: true }),
  ]);
  assert.deepEqual(groups.map((g) => `${g.programId}/${g.roundId}`), ['p1/ruwei', 'p1/luyan', 'p2/r1']);
  assert.deepEqual(groups[0].items.map((x) => x.applicationNumber), ['CB-1', 'CB-2', 'CB-9', 'CB-10']);
  assert.equal(groups[0].assigned, 3);
  assert.equal(groups[0].submitted, 1);
  assert.equal(groups[1].assigned, 1);
  assert.equal(groups[1].submitted, 0);
});

test('the step an assignment is at', () => {
  assert.equal(assignmentStep(item({ status: 'declined' })), 'declined');
  assert.equal(assignmentStep(item({})), 'confirm');
  assert.equal(assignmentStep(item({ confirmed: true })), 'score');
  assert.equal(assignmentStep(item({ confirmed: true, sheet: 'draft' })), 'score');
  assert.equal(assignmentStep(item({ confirmed: true, sheet: 'submitted' })), 'view');
});
