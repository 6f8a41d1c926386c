import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecisionBlockSchema, decisionProblems, ProgramAwardSchema } from '../../src/decision/decision-definition.schema.ts';
import { nextOutcome, outcomeStatuses, type OutcomeEvent, type OutcomeStatus } from '../../src/decision/outcome-status.ts';

// The outcome after the last round: what the definition may say about approval, 公示 and
// certificates, and the one state machine every step moves through.

const committee = DecisionBlockSchema.parse({ approval: { by: 'committee' }, publicity: { results: { required: true } } });
const none = DecisionBlockSchema.parse({});
const optionalPublicity = DecisionBlockSchema.parse({ approval: { by: 'committee' }, publicity: { results: { required: false } } });
const to = (s: OutcomeStatus, e: OutcomeEvent, d = committee) => { const r = nextOutcome(s, e, d); return 'to' in r ? r.to : null; };

test('a committee program: deciding → committee → approved → 公示 → closed → published, and nothing skips', () => {
  assert.equal(to('deciding', 'submit'), 'with_committee');
  assert.equal(to('with_committee', 'approve'), 'approved');
  assert.equal(to('with_committee', 'propose_changes'), 'deciding');
  assert.equal(to('approved', 'open_publicity'), 'in_publicity');
  assert.equal(to('in_publicity', 'close_publicity'), 'publicity_closed');
  assert.equal(to('publicity_closed', 'publish'), 'published');
  // Skips and reversals are refused, and the refusal names what is allowed.
  const r = nextOutcome('deciding', 'publish', committee);
  assert.ok('refused' in r && /submit/.test(r.refused.en) && /可执行/.test(r.refused.zh));
  assert.equal(to('deciding', 'finalize'), null, 'a committee program cannot be finalized by the organizer alone');
  assert.equal(to('approved', 'publish'), null, 'a required 公示 comes before publication');
  for (const e of ['submit', 'approve', 'finalize', 'reopen', 'open_publicity', 'close_publicity', 'publish'] as OutcomeEvent[]) assert.equal(to('published', e), null, `published is final (${e})`);
});

test('without a committee the organizer finalizes; an optional 公示 may be skipped', () => {
  assert.equal(to('deciding', 'finalize', none), 'approved');
  assert.equal(to('deciding', 'submit', none), null);
  assert.equal(to('approved', 'publish', none), 'published');
  assert.equal(to('approved', 'open_publicity', none), null, 'no 公示 defined');
  assert.equal(to('approved', 'publish', optionalPublicity), 'published');
  assert.equal(to('approved', 'open_publicity', optionalPublicity), 'in_publicity');
  // Reopening before publication goes back to deciding from every state but 公示 itself.
  for (const s of ['with_committee', 'approved', 'publicity_closed'] as OutcomeStatus[]) assert.equal(to(s, 'reopen'), 'deciding', s);
  assert.equal(to('in_publicity', 'reopen'), null);
  assert.deepEqual([...outcomeStatuses], ['deciding', 'with_committee', 'approved', 'in_publicity', 'publicity_closed', 'published']);
});

test('the decision block is checked against the phases and tracks', () => {
  const phases = [{ id: 'call', kind: 'call' }, { id: 'gs', kind: 'publicity' }, { id: 'zp', kind: 'final' }];
  const tracks = [{ id: 'a', entry: 'recommendation' }, { id: 'b', entry: 'direct' }];
  const ok = DecisionBlockSchema.parse({ approval: { by: 'committee', phase: 'zp' }, publicity: { results: { phase: 'gs' } } });
  assert.deepEqual(decisionProblems(ok, [ProgramAwardSchema.parse({ id: 'org', name: '优秀组织奖', rule: { kind: 'unitsInEveryTrack' } })], phases, tracks), []);
  const bad = DecisionBlockSchema.parse({ approval: { by: 'committee', phase: 'gs' }, publicity: { results: { phase: 'nope' }, candidates: { show: ['title', 'tier'] } } });
  const award = ProgramAwardSchema.parse({ id: 'org', name: '优秀组织奖', rule: { kind: 'unitsInEveryTrack', tracks: ['a', 'zz'] } });
  const problems = decisionProblems(bad, [award, award], phases, tracks).map((p) => p.path.join('.'));
  assert.deepEqual(problems.sort(), [
    'decision.approval.phase', 'decision.publicity.candidates.show', 'decision.publicity.results.phase',
    'programAwards.0.rule.tracks.1', 'programAwards.1.id', 'programAwards.1.rule.tracks.1',
  ].sort());
  // A "units in every track" award in a program where nothing is recommended covers nothing.
  const everyTrack = ProgramAwardSchema.parse({ id: 'org', name: '优秀组织奖', rule: { kind: 'unitsInEveryTrack' } });
  const direct = decisionProblems(none, [everyTrack], phases, [{ id: 'b', entry: 'direct' }]);
  assert.ok(direct.some((p) => /recommendation/.test(p.en)));
  assert.throws(() => DecisionBlockSchema.parse({ certificate: { serialPrefix: 'lp' } }), /serialPrefix/);
  assert.throws(() => DecisionBlockSchema.parse({ publicity: { results: { workingDays: 0 } } }));
});
