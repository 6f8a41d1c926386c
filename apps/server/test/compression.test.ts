import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildApp, type App } from '../src/app.ts';
import { pickEncoding } from '../src/http/compression.ts';
import { createTestDatabase, type TestDatabase } from './support/engines.ts';

// Issue 14, "load fast": API answers above 1 KiB are compressed as the client accepts; small
// ones, downloads and binary files are not; the built web app's files are sent as the .br/.gz the
// build wrote beside them, hashed assets with an immutable cache lifetime.

const decode = (res: LightMyRequestResponse): Buffer => {
  const enc = res.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(res.rawPayload);
  if (enc === 'gzip') return gunzipSync(res.rawPayload);
  return res.rawPayload;
};

test('pickEncoding: brotli first, then gzip; q=0 refuses; * stands for codings not named', () => {
  assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(pickEncoding('gzip, deflate'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip;q=0.8'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip;q=0'), null);
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('*;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding(undefined), null);
});

describe('compression', () => {
  let testDb: TestDatabase;
  let built: App;
  let web: string;
  // A built web app in miniature: one hashed asset with the variants the build writes, a small one without.
  const script = `export const text = ${JSON.stringify('绿色低碳技术评选 '.repeat(400))};\n`;
  const assetName = 'assets/index-AbC123.js';

  before(async () => {
    web = mkdtempSync(join(tmpdir(), 'lvping-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(web, assetName), script);
    writeFileSync(join(web, `${assetName}.br`), brotliCompressSync(script));
    writeFileSync(join(web, `${assetName}.gz`), gzipSync(script));
    writeFileSync(join(web, 'assets/tiny-XyZ.js'), 'export {};\n');
    testDb = await createTestDatabase('sqlite');
    const config = loadConfig({ DATA_DIR: testDb.dataDir, WEBHOOKS_TICK_MS: '0', JOBS_POLL_MS: '0' });
    built = await buildApp(config, { database: testDb.open(), logger: false, webDist: web });
    await built.app.ready();
  });
  after(async () => {
    await built?.app.close();
    await built?.database.close();
    await testDb?.drop();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    built.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  test('a large JSON answer is sent with brotli, or gzip when only that is accepted, and decodes to the same JSON', async () => {
    const plain = await get('/api/docs/json', 'identity');
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.length > 10_000, 'the OpenAPI document is large');

    const br = await get('/api/docs/json', 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 4, `br ${br.rawPayload.length} B vs ${plain.rawPayload.length} B`);
    assert.deepEqual(JSON.parse(decode(br).toString('utf8')), plain.json());

    const gz = await get('/api/docs/json', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(decode(gz).toString('utf8')), plain.json());
    assert.match(String(plain.headers.vary), /accept-encoding/i, 'the plain answer also varies with Accept-Encoding');
  });

  test('an API answer under 1 KiB is sent as it is', async () => {
    const res = await get('/api/auth/session', 'gzip, deflate, br');
    assert.equal(res.statusCode, 200);
    assert.ok(res.rawPayload.length < 1024);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.ok(res.json().csrfToken);
  });

  test('a download (xlsx, with content-disposition) is never compressed', async () => {
    const xlsx = await get('/api/public/catalog/export.xlsx', 'gzip, deflate, br');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-disposition']), /attachment/);
    assert.equal(xlsx.headers['content-encoding'], undefined);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK', 'the xlsx (a zip) as built');
  });

  test('a hashed asset: .br when accepted, .gz when only gzip, the file otherwise; cached for good', async () => {
    const br = await get(`/${assetName}`, 'gzip, deflate, br, zstd');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(decode(br).toString('utf8'), script);

    const gz = await get(`/${assetName}`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(decode(gz).toString('utf8'), script);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');

    const plain = await get(`/${assetName}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.payload, script);
    assert.match(String(plain.headers.vary), /accept-encoding/i);

    // No variant written (too small to gain): the file itself, even to a brotli client.
    const tiny = await get('/assets/tiny-XyZ.js', 'br, gzip');
    assert.equal(tiny.statusCode, 200);
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.payload, 'export {};\n');
  });

  test('a page address gets index.html, never cached for good', async () => {
    const res = await get('/programs/some-call', 'gzip, deflate, br');
    assert.equal(res.statusCode, 200);
    assert.match(res.payload, /id="root"/);
    assert.equal(res.headers['cache-control'], 'no-cache');
  });
});
