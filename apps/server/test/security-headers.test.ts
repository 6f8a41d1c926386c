import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';

// Every answer carries the security headers: pages, API JSON, static files and errors. Cookies
// are httpOnly and SameSite=Lax everywhere, Secure whenever the site is https.

const webBuilt = existsSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)));

function directives(res: LightMyRequestResponse): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

function assertSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  const d = directives(res);
  assert.equal(d.get('script-src'), "'self'", `${what}: scripts only from the site, no inline`);
  assert.equal(d.get('default-src'), "'self'", what);
  assert.equal(d.get('frame-ancestors'), "'none'", what);
  assert.equal(d.get('object-src'), "'none'", what);
  assert.equal(d.get('base-uri'), "'self'", what);
  assert.equal(d.get('form-action'), "'self'", what);
  assert.equal(d.get('connect-src'), "'self'", what);
  assert.equal(d.get('img-src'), "'self' data: blob:", what);
  assert.equal(d.get('style-src'), "'self' 'unsafe-inline'", `${what}: Ant Design's CSS-in-JS`);
  assert.ok(!String(res.headers['content-security-policy']).includes("'unsafe-eval'"), what);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', what);
  const permissions = String(res.headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.ok(permissions.includes(`${feature}=()`), `${what}: ${feature} denied`);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', what);
}

describeEachEngine('security headers and cookie flags', (engine) => {
  let h: Harness;
  let https: Harness;
  before(async () => {
    h = await startHarness(engine);
    https = await startHarness(engine, { publicUrl: 'https://lvping.example.cn' });
  });
  after(async () => {
    await h.close();
    await https.close();
  });

  test('API JSON, errors, the API docs page and its static files all carry them', async () => {
    const c = h.client();
    const json = await c.get('/api/auth/session');
    assert.equal(json.statusCode, 200);
    assertSecurityHeaders(json, 'API JSON');

    const notFound = await c.get('/api/nothing-here');
    assert.equal(notFound.statusCode, 404);
    assertSecurityHeaders(notFound, 'a 404');
    const csrf = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    assert.equal(csrf.statusCode, 403);
    assertSecurityHeaders(csrf, 'an error thrown in a hook');
    const badJson = await c.request('POST', '/api/auth/login', '{nope', { 'x-csrf-token': (await c.start()).csrfToken });
    assert.equal(badJson.statusCode, 400);
    assertSecurityHeaders(badJson, 'a body parse error');

    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(String(docs.headers['content-type']), /text\/html/);
    assertSecurityHeaders(docs, 'the Swagger UI page');
    assert.ok(!/<script>(?!\s*<\/script>)/.test(docs.body), 'the docs page has no inline script for the policy to block');
    const css = await h.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    assert.equal(css.statusCode, 200);
    assertSecurityHeaders(css, 'a static file');

    assert.equal(json.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
    assert.ok(!directives(json).has('upgrade-insecure-requests'));
  });

  test('the web app page and its assets carry them (when apps/web is built)', { skip: !webBuilt && 'apps/web/dist is not built' }, async () => {
    const page = await h.app.inject({ method: 'GET', url: '/programs/anything' });
    assert.equal(page.statusCode, 200);
    assertSecurityHeaders(page, 'index.html');
    // The policy forbids inline scripts, so the built page must not have any.
    for (const m of page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1], /\bsrc=/, 'every script is a file');
      assert.equal(m[2].trim(), '', 'no inline script');
    }
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    assert.ok(asset);
    const js = await h.app.inject({ method: 'GET', url: asset });
    assert.equal(js.statusCode, 200);
    assertSecurityHeaders(js, 'a built asset');
  });

  test('session and CSRF cookies: httpOnly and SameSite=Lax; Secure behind https', async () => {
    const plain = h.client();
    const start = await plain.get('/api/auth/session');
    const reg = await plain.register('plain@example.com');
    assert.equal(reg.statusCode, 200, reg.body);
    for (const cookie of [...start.cookies, ...reg.cookies] as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]) {
      assert.equal(cookie.httpOnly, true, cookie.name);
      assert.equal(cookie.sameSite, 'Lax', cookie.name);
      assert.ok(!cookie.secure, `${cookie.name}: not Secure on plain http (the browser would drop it)`);
    }

    const secure = https.client();
    const first = await secure.get('/api/auth/session');
    const sreg = await secure.register('secure@example.com');
    assert.equal(sreg.statusCode, 200, sreg.body);
    const cookies = [...first.cookies, ...sreg.cookies] as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[];
    assert.deepEqual(cookies.map((x) => x.name).sort(), ['lvping_csrf', 'lvping_session']);
    for (const cookie of cookies) {
      assert.equal(cookie.secure, true, `${cookie.name} is Secure under an https PUBLIC_URL`);
      assert.equal(cookie.httpOnly, true, cookie.name);
      assert.equal(cookie.sameSite, 'Lax', cookie.name);
    }
    const session = await secure.get('/api/auth/session');
    assert.equal(session.headers['strict-transport-security'], 'max-age=31536000', 'HSTS where the site is https');
    assert.ok(directives(session).has('upgrade-insecure-requests'));
  });
});

describeEachEngine('cookies behind a trusted https proxy', (engine) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(engine, { trustProxy: true });
  });
  after(() => h.close());

  test('Secure when the proxy says the request came over https, not otherwise', async () => {
    const over = await h.app.inject({ method: 'GET', url: '/api/auth/session', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal((over.cookies as { secure?: boolean }[])[0]?.secure, true);
    const plain = await h.app.inject({ method: 'GET', url: '/api/auth/session' });
    assert.ok(!(plain.cookies as { secure?: boolean }[])[0]?.secure);
  });
});
