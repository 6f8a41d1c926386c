import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { mailText, startSmtpServer } from './support/smtp.ts';

describeEachEngine('password reset by emailed link', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url, publicUrl: 'https://lvping.example.cn' });
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const tokenFrom = (raw: string) => mailText(raw).match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];

  test('the link in a real email sets a new password once, and signs out old sessions', async () => {
    const old = h.client();
    await old.register('reset@example.com', 'old password 1', '韩梅梅');
    const c = await h.client().start();
    assert.equal((await c.post('/api/auth/password-reset/request', { email: 'Reset@Example.com' })).statusCode, 200);
    const mail = await smtp.waitForMail('reset@example.com');
    assert.match(mailText(mail.raw), /https:\/\/lvping\.example\.cn\/reset-password\?token=/);
    const token = tokenFrom(mail.raw);
    assert.ok(token);

    const confirm = await c.post('/api/auth/password-reset/confirm', { token, password: 'new password 1' });
    assert.equal(confirm.statusCode, 200, confirm.body);
    assert.equal((await old.get('/api/auth/me')).statusCode, 401, 'old sessions end');
    assert.equal((await h.client().login('reset@example.com', 'old password 1')).statusCode, 401);
    assert.equal((await h.client().login('reset@example.com', 'new password 1')).statusCode, 200);

    const reuse = await c.post('/api/auth/password-reset/confirm', { token, password: 'third password 1' });
    assert.equal(reuse.statusCode, 400);
    assert.equal(reuse.json().error.code, 'TOKEN_INVALID');
  });

  test('an unknown email gets the same answer and no mail', async () => {
    await h.runJobs(); // every mail queued so far is out before counting
    const before = smtp.mails.length;
    const r = await (await h.client().start()).post('/api/auth/password-reset/request', { email: 'ghost@example.com' });
    assert.equal(r.statusCode, 200);
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(smtp.mails.length, before);
  });

  test('an expired or forged token is refused and changes nothing', async () => {
    await h.client().register('expired@example.com', 'old password 1');
    const c = await h.client().start();
    await c.post('/api/auth/password-reset/request', { email: 'expired@example.com' });
    const token = tokenFrom((await smtp.waitForMail('expired@example.com')).raw);
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + h.deps.config.auth.resetTtlMs + 1;
    try {
      const r = await c.post('/api/auth/password-reset/confirm', { token, password: 'new password 1' });
      assert.equal(r.json().error.code, 'TOKEN_INVALID');
    } finally {
      h.deps.now = realNow;
    }
    const forged = await c.post('/api/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'new password 1' });
    assert.equal(forged.json().error.code, 'TOKEN_INVALID');
    assert.equal((await h.client().login('expired@example.com', 'old password 1')).statusCode, 200);
  });
});
