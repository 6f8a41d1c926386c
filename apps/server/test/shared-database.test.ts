import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp, type App } from '../src/app.ts';
import { createTestDatabase, type TestDatabase } from './support/engines.ts';

// Several stateless app instances behind one address share one database: a session,
// a CSRF token and a lockout made through one are honoured by the others.
describeEachEngine('app instances sharing one database', (engine) => {
  let db: TestDatabase;
  let a: App;
  let b: App;
  before(async () => {
    db = await createTestDatabase(engine);
    // Sign-up signs in at once here (no email verification): the test follows one session across instances.
    const config = loadConfig({ DATA_DIR: db.dataDir, REGISTRATION_VERIFY_EMAIL: '0', ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}) });
    // Both start at once, as a deployment would: migrations must not trip over each other.
    [a, b] = await Promise.all([buildApp(config, { database: db.open(), logger: false }), buildApp(config, { database: db.open(), logger: false })]);
  });
  after(async () => {
    for (const x of [a, b]) {
      await x.app.close();
      await x.database.close();
    }
    await db.drop();
  });

  test('sign in through one instance, act through the other', async () => {
    const s = await a.app.inject({ method: 'GET', url: '/api/auth/session' });
    const csrf = s.json().csrfToken as string;
    const reg = await a.app.inject({
      method: 'POST', url: '/api/auth/register',
      headers: { cookie: `lvping_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      payload: { email: 'shared@example.com', password: 'correct horse 1', displayName: '共享' },
    });
    assert.equal(reg.statusCode, 200, reg.body);
    const session = reg.cookies.find((c) => c.name === 'lvping_session')!.value;
    const cookie = `lvping_csrf=${csrf}; lvping_session=${session}`;
    const me = await b.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.json().email, 'shared@example.com');
    const out = await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: {} });
    assert.equal(out.statusCode, 200, 'the CSRF token issued by one instance is valid at the other');
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
  });
});
