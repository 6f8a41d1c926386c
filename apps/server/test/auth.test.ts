import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';

const countRows = async (h: Harness, table: 'users' | 'sessions' | 'audit_log') =>
  Number((await h.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describeEachEngine('accounts and sessions', (engine) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(engine);
  });
  after(() => h.close());

  test('register signs in; me, logout and login work', async () => {
    const c = h.client();
    const reg = await c.register('Li.Lei@Example.com', 'correct horse 1', '李雷');
    assert.equal(reg.statusCode, 200, reg.body);
    assert.equal(reg.json().user.email, 'li.lei@example.com', 'emails are stored trimmed and lower-case');
    assert.equal(reg.headers['set-cookie']?.toString().includes('HttpOnly'), true);
    assert.match(reg.headers['set-cookie']!.toString(), /SameSite=Lax/);
    const me = await c.get('/api/auth/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().displayName, '李雷');

    assert.equal((await c.post('/api/auth/logout')).statusCode, 200);
    assert.equal((await c.get('/api/auth/me')).json().error.code, 'UNAUTHENTICATED');

    const login = await c.login('li.lei@example.com', 'correct horse 1');
    assert.equal(login.statusCode, 200, login.body);
    assert.equal((await c.get('/api/auth/me')).statusCode, 200);
  });

  test('a password is stored as an argon2id hash', async () => {
    await h.client().register('hash@example.com', 'correct horse 1');
    const row = await h.deps.db.selectFrom('users').select('password_hash').where('email', '=', 'hash@example.com').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  test('a second account with the same email is refused, and so is the race for it', async () => {
    const c = h.client();
    await c.register('dup@example.com');
    const again = await h.client().register('DUP@example.com');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'EMAIL_TAKEN');
    const race = await Promise.all([1, 2, 3].map(() => h.client().register('race@example.com')));
    assert.deepEqual(race.map((r) => r.statusCode).sort(), [200, 409, 409]);
  });

  test('wrong password is refused, slowed after three failures, then locked with a clear message', async () => {
    await h.client().register('lock@example.com', 'correct horse 1');
    const c = await h.client().start();
    const codes: string[] = [];
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await c.login('lock@example.com', 'wrong password');
      times.push(performance.now() - t0);
      codes.push(r.json().error.code);
      if (i < 4) assert.equal(r.statusCode, 401);
      if (i === 3) assert.match(r.json().error.message['zh-CN'], /再失败 1 次/);
    }
    assert.deepEqual(codes, ['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    // The 4th and 5th attempts wait at least slowStepMs (20 ms here) and 2× that before checking.
    assert.ok(times[3] >= 20 && times[4] >= 40, `slowed: ${times.map((t) => t.toFixed(0)).join(', ')}`);
    const locked = await c.login('lock@example.com', 'correct horse 1');
    assert.equal(locked.statusCode, 429, 'even the right password is refused while locked');
    assert.match(locked.json().error.message['zh-CN'], /锁定.*分钟/);
    assert.ok(locked.json().error.details.retryAfterSeconds > 0);
  });

  test('the lock expires, and a good login clears the count', async () => {
    await h.client().register('unlock@example.com');
    const c = await h.client().start();
    for (let i = 0; i < 5; i++) await c.login('unlock@example.com', 'nope nope');
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + h.deps.config.auth.lockMs + 1000;
    try {
      assert.equal((await c.login('unlock@example.com')).statusCode, 200);
      const row = await h.deps.db.selectFrom('login_attempts').selectAll().where('email', '=', 'unlock@example.com').executeTakeFirst();
      assert.equal(row, undefined);
    } finally {
      h.deps.now = realNow;
    }
  });

  test('an unknown email gets the same answer as a wrong password', async () => {
    const r = await (await h.client().start()).login('nobody@example.com', 'whatever1');
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().error.code, 'INVALID_CREDENTIALS');
  });

  test('an expired session gets SESSION_EXPIRED and its cookie is cleared', async () => {
    const c = h.client();
    await c.register('expire@example.com');
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + h.deps.config.auth.sessionTtlMs + 1;
    try {
      const r = await c.get('/api/auth/me');
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().error.code, 'SESSION_EXPIRED');
      assert.equal(c.cookies.has('lvping_session'), false);
    } finally {
      h.deps.now = realNow;
    }
  });

  test('a forged session cookie is not a session', async () => {
    const c = await h.client().start();
    c.cookies.set('lvping_session', 'forged-token-value');
    const r = await c.get('/api/auth/me');
    assert.equal(r.statusCode, 401);
  });

  test('change password keeps this session, ends the others, and clears the must-change flag', async () => {
    const a = h.client();
    await a.register('change@example.com', 'correct horse 1');
    const b = h.client();
    await b.login('change@example.com', 'correct horse 1');
    const wrong = await a.post('/api/auth/password/change', { currentPassword: 'not it', newPassword: 'new password 2' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.fields[0].path, 'currentPassword');
    assert.equal((await a.post('/api/auth/password/change', { currentPassword: 'correct horse 1', newPassword: 'new password 2' })).statusCode, 200);
    assert.equal((await a.get('/api/auth/me')).statusCode, 200);
    assert.equal((await b.get('/api/auth/me')).statusCode, 401);
    assert.equal((await h.client().login('change@example.com', 'new password 2')).statusCode, 200);
  });

  test('bad input: every case a specific 4xx that changes nothing', async () => {
    const c = await h.client().start();
    const users = await countRows(h, 'users');
    const audit = await countRows(h, 'audit_log');
    const cases: { body: unknown; status: number; code: string; field?: string }[] = [
      { body: '{"email": "a@b.c",', status: 400, code: 'BAD_JSON' },
      { body: { email: 123, password: 'x'.repeat(10), displayName: 'n' }, status: 400, code: 'VALIDATION', field: 'email' },
      { body: { email: 'a@example.com', password: 'x'.repeat(129), displayName: 'n' }, status: 400, code: 'VALIDATION', field: 'password' },
      { body: { email: 'a@example.com', password: 'x'.repeat(10), displayName: '名'.repeat(61) }, status: 400, code: 'VALIDATION', field: 'displayName' },
      { body: { email: 'a@example.com', password: 'x'.repeat(10), displayName: 'n', isAdmin: true }, status: 400, code: 'VALIDATION', field: 'isAdmin' },
      { body: { email: 'a@example.com', password: 'short', displayName: 'n' }, status: 400, code: 'VALIDATION', field: 'password' },
      { body: [], status: 400, code: 'VALIDATION' },
    ];
    for (const k of cases) {
      const r = await c.post('/api/auth/register', k.body);
      assert.equal(r.statusCode, k.status, `${JSON.stringify(k.body)} → ${r.body}`);
      const err = r.json().error;
      assert.equal(err.code, k.code);
      assert.ok(err.message['zh-CN'] && err.message.en);
      if (k.field) assert.ok(err.fields.some((f: { path: string }) => f.path === k.field), JSON.stringify(err.fields));
    }
    const huge = await c.post('/api/auth/register', { email: 'a@example.com', password: 'x'.repeat(10), displayName: 'y'.repeat(2_000_000) });
    assert.equal(huge.statusCode, 413);
    const xml = await c.request('POST', '/api/auth/login', '<xml/>', { 'content-type': 'application/xml' });
    assert.equal(xml.statusCode, 415);
    assert.equal(await countRows(h, 'users'), users);
    assert.equal(await countRows(h, 'audit_log'), audit);
  });

  test('CSRF: a missing or forged token is refused before anything happens', async () => {
    const c = await h.client().start();
    const users = await countRows(h, 'users');
    const body = { email: 'csrf@example.com', password: 'correct horse 1', displayName: 'x' };
    const missing = await c.request('POST', '/api/auth/register', body, { 'x-csrf-token': '' });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.code, 'CSRF_INVALID');
    const forged = await c.request('POST', '/api/auth/register', body, { 'x-csrf-token': 'abc.def' });
    assert.equal(forged.statusCode, 403);
    // A token of the right shape but signed by someone else, set as both cookie and header.
    const other = h.client();
    other.cookies.set('lvping_csrf', 'AAAA.BBBB');
    other.csrfToken = 'AAAA.BBBB';
    assert.equal((await other.post('/api/auth/register', body)).statusCode, 403);
    // Signed in, a forged token cannot sign the user out either.
    const s = h.client();
    await s.register('csrf-session@example.com');
    const logout = await s.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'nope' });
    assert.equal(logout.statusCode, 403);
    assert.equal((await s.get('/api/auth/me')).statusCode, 200);
    assert.equal(await countRows(h, 'users'), users + 1);
  });
});
