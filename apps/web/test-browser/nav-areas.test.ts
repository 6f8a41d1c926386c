// The navigation's decision, without a browser: which areas each kind of user is offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Grant } from '@lvping/domain/access/roles.ts';
import { areaByKey, areasFor, landingPath, mayEnter, selectedMenuKey } from '../src/shell/areas.ts';

const user = (...roles: Grant['role'][]) => ({ grants: roles.map((role) => ({ role, programId: role === 'platform_admin' ? null : 'p1', trackId: null })) });
const keys = (u: ReturnType<typeof user> | null) => areasFor(u).map((a) => a.key);

test('signed out: no areas, and no area may be entered', () => {
  assert.deepEqual(keys(null), []);
  assert.equal(mayEnter(null, areaByKey('my')), false);
});

test('every signed-in user has 我的申报; each role adds its own area', () => {
  assert.deepEqual(keys(user()), ['my']);
  assert.deepEqual(keys(user('platform_admin')), ['my', 'admin']);
  assert.deepEqual(keys(user('organizer')), ['my', 'organizer']);
  assert.deepEqual(keys(user('review_institution')), ['my', 'review']);
  assert.deepEqual(keys(user('recommender')), ['my', 'recommender']);
  assert.deepEqual(keys(user('expert')), ['my', 'expert']);
  assert.deepEqual(keys(user('committee')), ['my', 'committee']);
  assert.deepEqual(keys(user('expert', 'committee', 'expert')), ['my', 'expert', 'committee']);
});

test('only a grant opens an area by URL; a platform admin may enter every one', () => {
  assert.equal(mayEnter(user('expert'), areaByKey('expert')), true);
  assert.equal(mayEnter(user('expert'), areaByKey('organizer')), false);
  assert.equal(mayEnter(user(), areaByKey('my')), true);
  for (const key of ['admin', 'organizer', 'review', 'recommender', 'expert', 'committee'] as const) {
    assert.equal(mayEnter(user('platform_admin'), areaByKey(key)), true, key);
    assert.equal(mayEnter(user(), areaByKey(key)), false, key);
  }
});

test('the menu highlights the area of the current path', () => {
  const shown = areasFor(user('organizer'));
  assert.equal(selectedMenuKey('/', shown), 'home');
  assert.equal(selectedMenuKey('/organizer', shown), 'organizer');
  assert.equal(selectedMenuKey('/organizer/programs/1', shown), 'organizer');
  assert.equal(selectedMenuKey('/my/applications', shown), 'my');
  assert.equal(selectedMenuKey('/organizers', shown), '');
  assert.equal(selectedMenuKey('/login', shown), '');
});

test('a sign-in lands in the work one was granted, an applicant in 我的申报', () => {
  assert.equal(landingPath(user()), '/my/applications');
  assert.equal(landingPath(user('organizer')), '/organizer');
  assert.equal(landingPath(user('recommender')), '/recommender');
  assert.equal(landingPath(user('expert')), '/expert');
  assert.equal(landingPath(user('expert', 'organizer')), '/organizer', 'in menu order');
  assert.equal(landingPath(null), '/');
});
