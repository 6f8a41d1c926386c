import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, can, canOnSomeProgram, programRoles, roles, type Action, type Grant, type Role, type Scope } from '../../src/access/roles.ts';

// The whole matrix, written out by hand from DOMAIN.md, so a change to `permissions`
// that nobody meant shows up here as a failing cell.
const expected: Record<Role, Action[]> = {
  platform_admin: [...actions],
  organizer: ['program.configure', 'grant.manage', 'application.list', 'application.screen', 'review.assign', 'expert.manage', 'committee.decide', 'publicity.rule', 'program.publish', 'audit.read', 'application.create'],
  review_institution: ['application.list', 'application.screen', 'review.assign', 'expert.manage', 'application.create'],
  recommender: ['nomination.endorse', 'application.create'],
  expert: ['review.score', 'application.create'],
  committee: ['committee.decide', 'application.list', 'application.create'],
  applicant: ['application.create'],
  // The matchmaking roles are platform-wide: on a program they are applicants like everyone.
  catalog_organizer: ['application.create'],
  investor: ['application.create'],
  bank: ['application.create'],
  buyer: ['application.create'],
  service_provider: ['application.create'],
  // Starts programs on the platform; on a program it is an applicant like everyone.
  program_creator: ['application.create'],
};

const P = 'program-1';
const OTHER = 'program-2';
const isProgramRole = (role: Role) => (programRoles as readonly string[]).includes(role);
const grantFor = (role: Role, trackId: string | null = null): Grant =>
  isProgramRole(role) ? { role, programId: P, trackId } : { role, programId: null, trackId: null };
const subject = (gs: Grant[]) => ({ userId: 'u', grants: gs });

test('every role × every action on its own program', () => {
  for (const role of roles) {
    for (const action of actions) {
      const allowed = can(subject(role === 'applicant' ? [] : [grantFor(role)]), action, { programId: P, trackId: 't1' });
      assert.equal(allowed, expected[role].includes(action), `${role} ${action}`);
    }
  }
});

test('program roles do nothing on another program; platform admin does everything everywhere', () => {
  for (const role of roles) {
    for (const action of actions) {
      const allowed = can(subject(role === 'applicant' ? [] : [grantFor(role)]), action, { programId: OTHER, trackId: 't1' });
      const want = role === 'platform_admin' || action === 'application.create';
      assert.equal(allowed, want, `${role} ${action} on another program`);
    }
  }
});

test('a track grant covers its own track only, never the program as a whole', () => {
  const expert = subject([grantFor('expert', 't1')]);
  const cases: [Scope, boolean][] = [
    [{ programId: P, trackId: 't1' }, true],
    [{ programId: P, trackId: 't2' }, false],
    [{ programId: P }, false],
    [{}, false],
  ];
  for (const [scope, want] of cases) assert.equal(can(expert, 'review.score', scope), want, JSON.stringify(scope));
  // A program-wide grant covers any track of its program.
  assert.equal(can(subject([grantFor('expert')]), 'review.score', { programId: P, trackId: 't9' }), true);
});

test('platform-level actions need the platform admin', () => {
  for (const role of roles) {
    const gs = role === 'applicant' ? [] : [grantFor(role)];
    assert.equal(can(subject(gs), 'user.manage'), role === 'platform_admin', role);
    // …except starting a program, which a platform admin may also hand to an organization's staff.
    assert.equal(can(subject(gs), 'program.create'), role === 'platform_admin' || role === 'program_creator', role);
  }
});

test('nobody signed in may do anything', () => {
  for (const action of actions) assert.equal(can(null, action, { programId: P }), false);
});

test('the expert pool is managed by whoever runs some program\'s review: admin, organizer or review institution anywhere', () => {
  for (const role of roles) {
    const gs = role === 'applicant' ? [] : [grantFor(role, role === 'review_institution' ? 't1' : null)];
    assert.equal(canOnSomeProgram(subject(gs), 'expert.manage'), ['platform_admin', 'organizer', 'review_institution'].includes(role), role);
  }
  assert.equal(canOnSomeProgram(null, 'expert.manage'), false);
});

test('platform-wide roles act on the platform only; program roles never do', () => {
  const platform: Partial<Record<Role, Action[]>> = {
    catalog_organizer: ['catalog.manage', 'meeting.manage', 'deal.read'],
    investor: ['match.participate'], bank: ['match.participate'], buyer: ['match.participate'],
    service_provider: ['service.handle'],
    program_creator: ['program.create'],
  };
  for (const role of roles) {
    if (role === 'platform_admin' || role === 'applicant') continue;
    for (const action of actions) {
      const allowed = can(subject([grantFor(role)]), action, {});
      const want: boolean = action === 'application.create' || (platform[role] ?? []).includes(action);
      assert.equal(allowed, want, `${role} ${action} on the platform`);
    }
  }
});
