import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.ts';
import { buildApp, type App } from '../src/app.ts';
import { installGracefulShutdown } from '../src/http/shutdown.ts';
import { createTestDatabase, type TestDatabase } from './support/engines.ts';

// Health, request ids, the error boundary, OpenAPI and graceful shutdown are engine-independent.
let built: App;
let testDb: TestDatabase;
let base: string;
const lines: string[] = [];

before(async () => {
  testDb = await createTestDatabase('sqlite');
  const config = loadConfig({ DATA_DIR: testDb.dataDir, PORT: '0' });
  // A real log stream, so the test can see the structured lines and their request ids.
  const stream = { write: (s: string) => void lines.push(s) };
  built = await buildApp(config, { database: testDb.open(), logger: { level: 'info', stream } });
  built.app.get('/api/test/explode', async () => {
    throw new Error('secret internals: password=hunter2');
  });
  built.app.get('/api/test/slow', async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { finished: true };
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = built.app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
after(async () => {
  await built.app.close();
  await built.database.close();
  await testDb.drop();
});

test('healthz and readyz answer; readyz names the engine', async () => {
  assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
  const ready = await fetch(`${base}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready', engine: 'sqlite' });
});

// A client's own x-request-id is taken only behind a trusted proxy (TRUST_PROXY=1, not set here):
// security-drafts.test.ts covers that side.
test('every response carries a request id, its own without TRUST_PROXY, and the log lines carry it too', async () => {
  const own = await fetch(`${base}/api/programs`);
  assert.match(own.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  const given = await fetch(`${base}/api/programs`, { headers: { 'x-request-id': 'planted-abc-123' } });
  const id = given.headers.get('x-request-id') ?? '';
  assert.match(id, /^[0-9a-f-]{36}$/, 'a planted id is not taken');
  assert.ok(!lines.some((l) => l.includes('planted-abc-123')), 'and never reaches the log');
  const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === id);
  assert.ok(logged.some((l) => l.res?.statusCode === 200), 'the completed request is logged as JSON with its id');
});

test('an unknown error is a 500 with an id and no internals', async () => {
  const res = await fetch(`${base}/api/test/explode`);
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.doesNotMatch(text, /hunter2|secret internals|stack/);
  const body = JSON.parse(text);
  assert.equal(body.error.code, 'INTERNAL');
  assert.match(body.error.details.errorId, /^[0-9a-f-]{36}$/);
  assert.ok(lines.some((l) => l.includes(body.error.details.errorId) && l.includes('hunter2')), 'the log has the details under that id');
});

test('an unknown API path is a JSON 404', async () => {
  const res = await fetch(`${base}/api/nope`);
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.code, 'NOT_FOUND');
});

test('the OpenAPI document is generated from the zod schemas', async () => {
  const doc = await (await fetch(`${base}/api/docs/json`)).json();
  assert.equal(doc.openapi.startsWith('3.'), true);
  const register = doc.paths['/api/auth/register'].post;
  const schema = register.requestBody.content['application/json'].schema;
  assert.deepEqual(schema.required.sort(), ['displayName', 'email', 'password']);
  assert.equal(schema.properties.password.minLength, 8);
  assert.equal(schema.additionalProperties, false);
  assert.ok(doc.paths['/api/programs'].get);
  assert.equal((await fetch(`${base}/api/docs`)).status, 200);
});

test('graceful shutdown: readiness drops, the in-flight request finishes, then the database closes', async () => {
  let cleaned = false;
  let exitCode: number | null = null;
  const shutdown = installGracefulShutdown(built.app, async () => {
    cleaned = true;
  }, (code) => {
    exitCode = code;
  });
  const inflight = fetch(`${base}/api/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
  await new Promise((r) => setTimeout(r, 50));
  const done = shutdown();
  await new Promise((r) => setImmediate(r));
  assert.equal(built.state.closing, true, 'readyz reports shutting_down from here on');
  assert.deepEqual(await inflight, { status: 200, body: { finished: true } });
  await done;
  assert.equal(cleaned, true);
  assert.equal(exitCode, 0);
  await assert.rejects(fetch(`${base}/healthz`), 'no longer listening');
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
});
