import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { buildApp, type App } from '../src/app.ts';
import { hitRateLimit, pruneRateLimits } from '../src/features/system/rate-limit.repository.ts';
import { parseRateLimit } from '../src/http/rate-limit-config.ts';

// The limits are counted in the database: two app instances on one database (two processes
// behind a load balancer) share every count, and a refusal is the app's own 429.

const MIN = 60_000;

describeEachEngine('rate limits shared through the database', (engine) => {
  let h: Harness;
  let b: App;
  let clock = 0;
  before(async () => {
    h = await startHarness(engine, {
      rateLimits: {
        login: { max: 3, windowMs: MIN },
        passwordReset: { max: 10, windowMs: MIN },
        mailPerAddress: { max: 2, windowMs: MIN },
        upload: { max: 2, windowMs: MIN },
        publicForm: { max: 2, windowMs: MIN },
        publicLookup: { max: 2, windowMs: MIN },
      },
    });
    // The second instance: its own Fastify, its own pool, the same database.
    b = await buildApp(h.deps.config, { database: h.testDb.open(), logger: false });
    await b.app.ready();
    // Both instances read one clock the test can move.
    h.deps.now = b.deps.now = () => Date.now() + clock;
  });
  after(async () => {
    await b.app.close();
    await b.database.close();
    await h.close();
  });

  /** A browser at `ip`: the CSRF cookie from instance `via`, then the request. */
  async function post(via: App, url: string, payload: unknown, ip = '198.51.100.7'): Promise<LightMyRequestResponse> {
    const s = await via.app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip });
    const csrf = s.json().csrfToken as string;
    return via.app.inject({
      method: 'POST', url, remoteAddress: ip,
      headers: { cookie: `lvping_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  }

  test('sign-ins from one address are counted across both instances; the 4th is a 429 in the app’s error format', async () => {
    const ip = '198.51.100.1';
    const codes: number[] = [];
    // Different emails each time: this is the per-address limit, not the per-account lockout.
    for (const [i, via] of [h, b, h].entries()) codes.push((await post(via, '/api/auth/login', { email: `guess${i}@example.com`, password: 'wrong password' }, ip)).statusCode);
    assert.deepEqual(codes, [401, 401, 401]);
    const refused = await post(b, '/api/auth/login', { email: 'guess9@example.com', password: 'wrong password' }, ip);
    assert.equal(refused.statusCode, 429);
    const body = refused.json();
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.match(body.error.message['zh-CN'], /请求过于频繁，请 \d+ 秒后再试/);
    assert.match(body.error.message.en, /Too many requests; please try again in \d+ second/);
    assert.ok(body.error.details.retryAfterSeconds > 0 && body.error.details.retryAfterSeconds <= 60);
    assert.equal(refused.headers['retry-after'], String(body.error.details.retryAfterSeconds));
    assert.equal(refused.headers['x-ratelimit-limit'], '3');
    assert.ok(body.error.requestId, 'the same body as every other error, with its request id');

    // Another address is not affected.
    assert.equal((await post(h, '/api/auth/login', { email: 'guess0@example.com', password: 'wrong password' }, '198.51.100.2')).statusCode, 401);
  });

  test('a new window starts once the old one ended', async () => {
    const ip = '198.51.100.3';
    for (let i = 0; i < 3; i++) await post(i % 2 ? b : h, '/api/auth/login', { email: 'w@example.com', password: 'x' }, ip);
    assert.equal((await post(h, '/api/auth/login', { email: 'w@example.com', password: 'x' }, ip)).statusCode, 429);
    clock += MIN + 1000;
    const again = await post(b, '/api/auth/login', { email: 'w@example.com', password: 'x' }, ip);
    assert.equal(again.statusCode, 401, again.body);
    assert.equal(again.headers['x-ratelimit-remaining'], '2');
  });

  test('reset links to one email are limited whichever address asks, without telling whether the account exists', async () => {
    const one = await post(h, '/api/auth/password-reset/request', { email: 'Nobody@Example.com' }, '203.0.113.1');
    const two = await post(b, '/api/auth/password-reset/request', { email: 'nobody@example.com' }, '203.0.113.2');
    assert.deepEqual([one.statusCode, two.statusCode], [200, 200]);
    const third = await post(h, '/api/auth/password-reset/request', { email: 'nobody@example.com' }, '203.0.113.3');
    assert.equal(third.statusCode, 429);
    assert.equal(third.json().error.code, 'RATE_LIMITED');
    assert.ok(Number(third.headers['retry-after']) > 0);
    assert.equal((await post(h, '/api/auth/password-reset/request', { email: 'someone.else@example.com' }, '203.0.113.3')).statusCode, 200);
  });

  test('uploads, public forms and public look-ups are limited without their routes naming a limit', async () => {
    const ip = '192.0.2.10';
    const upload = async (via: App) => {
      const csrf = (await via.app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).json().csrfToken as string;
      return via.app.inject({
        method: 'POST', url: '/api/applications/nope/files?field=x', remoteAddress: ip,
        headers: { cookie: `lvping_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n',
      });
    };
    // The limit runs before anything else of the route: even refused requests count.
    const uploads = [await upload(h), await upload(b), await upload(h)].map((r) => r.statusCode);
    assert.notEqual(uploads[0], 429);
    assert.notEqual(uploads[1], 429);
    assert.equal(uploads[2], 429);

    const objection = (via: App) => post(via, '/api/public/publicities/nope/objections', {}, ip);
    const forms = [await objection(h), await objection(b), await objection(b)].map((r) => r.statusCode);
    assert.equal(forms[2], 429);
    assert.notEqual(forms[0], 429);

    const verify = (via: App) => via.app.inject({ method: 'GET', url: '/api/certificates/verify?serial=LP-2026-0001-ABCDE0', remoteAddress: ip });
    const looks = [await verify(h), await verify(b), await verify(h)].map((r) => r.statusCode);
    assert.deepEqual(looks, [200, 200, 429]);
    // Routes without a limit stay unlimited.
    for (let i = 0; i < 5; i++) assert.equal((await h.app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip })).statusCode, 200);
  });

  test('concurrent hits on one key all count (one atomic upsert), and ended windows are pruned', async () => {
    const now = Date.now();
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => hitRateLimit(i % 2 ? h.deps.db : b.deps.db, 'test|burst', now, MIN)));
    assert.deepEqual(hits.map((x) => x.hits).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
    await hitRateLimit(h.deps.db, 'test|old', now - 2 * MIN, MIN);
    const pruned = await pruneRateLimits(h.deps.db, now);
    assert.ok(pruned >= 1);
    const left = await h.deps.db.selectFrom('rate_limits').select('key').where('key', 'in', ['test|old', 'test|burst']).execute();
    assert.deepEqual(left.map((r) => r.key), ['test|burst']);
  });
});

test('limits are read as <max>/<window>, or off', () => {
  assert.deepEqual(parseRateLimit('60/15m'), { max: 60, windowMs: 15 * MIN });
  assert.deepEqual(parseRateLimit('20/h'), { max: 20, windowMs: 60 * MIN });
  assert.equal(parseRateLimit('off').max, 0);
  assert.throws(() => parseRateLimit('lots', 'RATE_LIMIT_LOGIN'), /RATE_LIMIT_LOGIN: "lots" is not <max>\/<window>/);
  assert.throws(() => parseRateLimit('5/0s'), /at least 1s/);
});
