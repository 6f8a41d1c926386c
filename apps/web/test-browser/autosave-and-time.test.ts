// Autosave's local copy and restore decision, and program times in Asia/Shanghai — pure, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, clearLocalDraft, decideRestore, draftKey, readLocalDraft, writeLocalDraft } from '../src/applicant/autosave-store.ts';
import { currentPhaseIndex, formatClock, formatEnd, formatStart, phaseStates } from '../src/shell/shanghai.ts';
import { shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

test('the local copy is written, read back and cleared per application', () => {
  const s = memoryStorage();
  assert.equal(readLocalDraft(s, 'a1'), null);
  writeLocalDraft(s, 'a1', { answers: { basic: { name: '甲' } }, baseRevision: 3, at: 10 });
  assert.deepEqual(readLocalDraft(s, 'a1'), { answers: { basic: { name: '甲' } }, baseRevision: 3, at: 10 });
  assert.equal(readLocalDraft(s, 'a2'), null);
  clearLocalDraft(s, 'a1');
  assert.equal(readLocalDraft(s, 'a1'), null);
});

test('a damaged or foreign local copy is ignored; a refusing storage is survived', () => {
  const s = memoryStorage();
  s.setItem(draftKey('x'), '{not json');
  assert.equal(readLocalDraft(s, 'x'), null);
  s.setItem(draftKey('x'), JSON.stringify({ answers: null, baseRevision: 1 }));
  assert.equal(readLocalDraft(s, 'x'), null);
  s.setItem(draftKey('x'), JSON.stringify({ answers: {}, baseRevision: '1' }));
  assert.equal(readLocalDraft(s, 'x'), null);
  const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.doesNotThrow(() => writeLocalDraft(full, 'x', { answers: {}, baseRevision: 0, at: 0 }));
});

test('canonical JSON ignores key order but not values or array order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
  assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
  assert.notEqual(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }));
});

test('restore: take unsaved edits on the current revision, ask when the server moved on', () => {
  const server = { revision: 5, answers: { basic: { name: '甲' } } };
  assert.equal(decideRestore(null, server), 'none');
  assert.equal(decideRestore({ answers: { basic: { name: '甲' } }, baseRevision: 2, at: 1 }, server), 'none', 'the same answers');
  assert.equal(decideRestore({ answers: { basic: { name: '乙' } }, baseRevision: 5, at: 1 }, server), 'restore');
  assert.equal(decideRestore({ answers: { basic: { name: '乙' } }, baseRevision: 6, at: 1 }, server), 'restore');
  assert.equal(decideRestore({ answers: { basic: { name: '乙' } }, baseRevision: 4, at: 1 }, server), 'conflict');
});

test('Shanghai times: a midnight deadline reads 24:00 of the day before, whatever the zone', () => {
  const deadline = shanghaiToEpoch('2022-10-31', { endOfDay: true });
  assert.equal(formatEnd(deadline), '2022-10-31 24:00');
  assert.equal(formatEnd(shanghaiToEpoch('2022-10-31 17:30')), '2022-10-31 17:30');
  assert.equal(formatEnd(shanghaiToEpoch('2023-01-01', { endOfDay: true })), '2023-01-01 24:00');
  assert.equal(formatEnd(shanghaiToEpoch('2024-03-01')), '2024-02-29 24:00', 'leap day');
  assert.equal(formatStart(shanghaiToEpoch('2022-09-01')), '2022-09-01');
  assert.equal(formatStart(shanghaiToEpoch('2022-09-01 09:00')), '2022-09-01 09:00');
  assert.equal(formatClock(Date.UTC(2026, 10, 22, 6, 3, 27)), '14:03:27');
});

test('the current phase: the running one (latest start, first listed on ties), else the next, else the last', () => {
  const phases = [
    { startsAt: '2022-09-01', endsAt: '2022-10-31 24:00' }, // call
    { startsAt: '2022-11-01', endsAt: '2022-11-30' }, // preliminary
    { startsAt: '2022-12-05', endsAt: '2022-12-31' }, // final
    { startsAt: '2022-09-01', endsAt: '2023-04-30' }, // promotion, beside all of them
  ];
  const at = (s: string) => shanghaiToEpoch(s);
  assert.equal(currentPhaseIndex(phases, at('2022-08-01')), 0, 'before all: the first');
  assert.equal(currentPhaseIndex(phases, at('2022-10-31 23:59')), 0, 'call and promotion started together: call');
  assert.equal(currentPhaseIndex(phases, at('2022-11-01')), 1, '24:00 of the 31st is the next phase');
  assert.equal(currentPhaseIndex(phases, at('2022-12-02')), 3, 'between phases, promotion still runs');
  assert.equal(currentPhaseIndex(phases.slice(0, 3), at('2022-12-02')), 2, 'between phases: the next');
  assert.equal(currentPhaseIndex(phases, at('2024-01-01')), 3, 'after all: the last');
  assert.deepEqual(phaseStates(phases, at('2022-11-15')), ['finish', 'process', 'wait', 'process']);
});
