import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { mailText, startSmtpServer } from './support/smtp.ts';

// Sign-up with email verification answers the same for a new and a registered address; the
// mailbox's owner learns the rest. A wrong current password in a password change counts
// towards the account's lockout.

describeEachEngine('sign-up that does not tell who has an account', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url, publicUrl: 'https://lvping.example.cn', auth: { verifyEmail: true } });
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to)).map((m) => mailText(m.raw));
  const linkToken = (text: string, path: string) => new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];
  async function waitMails(to: string, n: number): Promise<string[]> {
    for (let i = 0; i < 200 && mailsTo(to).length < n; i++) await new Promise((r) => setTimeout(r, 25));
    return mailsTo(to);
  }

  test('a new address gets a link that creates the account and signs in; the answer tells nothing', async () => {
    const c = h.client();
    const res = await c.register('new.person@example.com', 'correct horse 1', '新用户');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().user, null);
    assert.equal(res.json().checkEmail, true);
    assert.ok(!res.cookies.some((x) => x.name === 'lvping_session'), 'not signed in by the answer');
    assert.equal((await h.deps.db.selectFrom('users').select('id').where('email', '=', 'new.person@example.com').execute()).length, 0, 'no account before the link');

    const [mail] = await waitMails('new.person@example.com', 1);
    assert.match(mail, /完成注册/);
    const token = linkToken(mail, 'https://lvping\\.example\\.cn/register/confirm');
    assert.ok(token, mail);
    const confirmed = await c.post('/api/auth/register/confirm', { token });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().user.email, 'new.person@example.com');
    assert.equal(confirmed.json().user.displayName, '新用户');
    assert.equal((await c.get('/api/auth/me')).statusCode, 200, 'signed in by the link');
    // The password chosen at sign-up is the account's.
    const other = h.client();
    assert.equal((await other.login('new.person@example.com', 'correct horse 1')).statusCode, 200);
    // The link works once.
    assert.equal((await h.client().start().then((x) => x.post('/api/auth/register/confirm', { token }))).json().error.code, 'TOKEN_INVALID');
  });

  test('a registered address gets the same answer, and its owner a notice with a reset link', async () => {
    await h.client().register('taken@example.com', 'original pass 1', '原主人').then(async () => {
      const [m] = await waitMails('taken@example.com', 1);
      await h.client().start().then((x) => x.post('/api/auth/register/confirm', { token: linkToken(m, 'https://lvping\\.example\\.cn/register/confirm') }));
    });
    const fresh = await h.client().register('fresh@example.com', 'some password 1', '甲');
    const taken = await h.client().register('Taken@Example.com', 'some password 1', '甲');
    assert.equal(taken.statusCode, fresh.statusCode);
    const strip = (b: { csrfToken: string }) => ({ ...b, csrfToken: typeof b.csrfToken });
    assert.deepEqual(strip(taken.json()), strip(fresh.json()), 'the same body (its own CSRF token aside)');
    assert.deepEqual(taken.cookies.map((x) => x.name), fresh.cookies.map((x) => x.name));

    const mails = await waitMails('taken@example.com', 2);
    const notice = mails[1];
    assert.match(notice, /有人使用您的邮箱注册/);
    assert.match(notice, /原主人/);
    const reset = linkToken(notice, 'https://lvping\\.example\\.cn/reset-password');
    assert.ok(reset, 'a reset link, in case it was the owner');
    assert.equal((await h.client().start().then((x) => x.post('/api/auth/password-reset/confirm', { token: reset, password: 'brand new pass 1' }))).statusCode, 200);
    assert.equal((await h.client().login('taken@example.com', 'brand new pass 1')).statusCode, 200);
    // Nothing was created or changed by the second sign-up.
    const users = await h.deps.db.selectFrom('users').select(['display_name']).where('email', '=', 'taken@example.com').execute();
    assert.deepEqual(users, [{ display_name: '原主人' }]);
  });

  test('a link followed after another for the same address made the account is refused', async () => {
    await h.client().register('twice@example.com', 'first password 1', '一');
    await h.client().register('twice@example.com', 'second password 1', '二');
    const mails = await waitMails('twice@example.com', 2);
    const [a, b] = mails.map((m) => linkToken(m, 'https://lvping\\.example\\.cn/register/confirm'));
    assert.equal((await h.client().start().then((x) => x.post('/api/auth/register/confirm', { token: b }))).statusCode, 200);
    const late = await h.client().start().then((x) => x.post('/api/auth/register/confirm', { token: a }));
    assert.equal(late.json().error.code, 'TOKEN_INVALID');
  });

  test('next must be a path on this site', async () => {
    const c = await h.client().start();
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const r = await c.post('/api/auth/register', { email: 'n@example.com', password: 'correct horse 1', displayName: 'n', next });
      assert.equal(r.json().error?.code, 'VALIDATION', next);
    }
    const ok = await c.post('/api/auth/register', { email: 'next@example.com', password: 'correct horse 1', displayName: 'n', next: '/expert-invitation?token=abc' });
    assert.equal(ok.statusCode, 200, ok.body);
    const [m] = await waitMails('next@example.com', 1);
    const confirmed = await c.post('/api/auth/register/confirm', { token: linkToken(m, 'https://lvping\\.example\\.cn/register/confirm') });
    assert.equal(confirmed.json().next, '/expert-invitation?token=abc');
  });
});

describeEachEngine('wrong current passwords in a password change', (engine) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(engine);
  });
  after(() => h.close());

  test('count towards the lockout: slowed, then refused with 429 even with the right password', async () => {
    const c = h.client();
    assert.equal((await c.register('changer@example.com', 'right password 1')).statusCode, 200);
    const change = (currentPassword: string) => c.post('/api/auth/password/change', { currentPassword, newPassword: 'next password 1' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await change(`wrong guess ${i}`));
    assert.deepEqual(answers.map((r) => r.statusCode), [400, 400, 400, 400, 429]);
    assert.equal(answers[0].json().error.fields[0].path, 'currentPassword');
    assert.equal(answers[3].json().error.details.attemptsLeft, 1);
    assert.match(answers[3].json().error.fields[0].message['zh-CN'], /再错 1 次账号将被临时锁定/);
    assert.equal(answers[4].json().error.code, 'ACCOUNT_LOCKED');
    assert.ok(answers[4].json().error.details.retryAfterSeconds > 0);
    // Locked: the right password is refused too, and so is signing in, until the lock ends.
    assert.equal((await change('right password 1')).json().error.code, 'ACCOUNT_LOCKED');
    assert.equal((await h.client().login('changer@example.com', 'right password 1')).json().error.code, 'ACCOUNT_LOCKED');
    const audit = await h.deps.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'auth.lock').where('entity_id', '=', 'changer@example.com').execute();
    assert.equal(audit.length, 1);
    assert.match(String(audit[0].after_json), /password_change/);
  });

  test('a right current password clears the count', async () => {
    const c = h.client();
    await c.register('clears@example.com', 'right password 1');
    for (let i = 0; i < 3; i++) await c.post('/api/auth/password/change', { currentPassword: 'wrong', newPassword: 'next password 1' });
    assert.equal((await c.post('/api/auth/password/change', { currentPassword: 'right password 1', newPassword: 'next password 1' })).statusCode, 200);
    const row = await h.deps.db.selectFrom('login_attempts').selectAll().where('email', '=', 'clears@example.com').executeTakeFirst();
    assert.equal(row, undefined);
  });
});
