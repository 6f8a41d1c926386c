// Deadlines on a real listening server (inject() cannot stall a socket): a stalled upload, a
// dripping one, a client gone mid-upload and a slowloris are each cut off, and none leaves a
// temp file or an open file descriptor behind. The server runs in this process, so its file
// descriptors are this process's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from './support/harness.ts';
import { creditCode } from './support/screening.ts';
import { samplePdf } from './support/journey.ts';
import { draftToUploadTo, openFds, openRaw, partHead, signedInAdmin, tmpFiles, uploadHead, waitFor } from './support/raw-http.ts';
import type { Actor } from '../src/context.ts';
import type { Client } from './support/harness.ts';

const HEADERS_MS = 1000;
const REQUEST_MS = 3000;
const IDLE_MS = 800;

describe('request deadlines (real server, short deadlines)', { timeout: 120_000 }, () => {
  let h: Harness;
  let port: number;
  let admin: Actor;
  let n = 0;

  before(async () => {
    h = await startHarness('sqlite', { http: { headersTimeoutMs: HEADERS_MS, requestTimeoutMs: REQUEST_MS, bodyIdleTimeoutMs: IDLE_MS } });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    admin = (await signedInAdmin(h)).actor;
  });
  after(async () => {
    await h.close();
  });

  /** A draft to upload to, a warm-up upload (so lazily opened files are open), then the fd baseline. */
  async function setUp(): Promise<{ client: Client; path: string; baseline: number }> {
    n += 1;
    const d = await draftToUploadTo(h, admin, `deadline${n}@example.com`, creditCode(900 + n));
    const path = `/api/applications/${d.applicationId}/files?field=basic.license`;
    const warm = await openRaw(port);
    const boundary = 'warmup';
    const body = Buffer.concat([Buffer.from(partHead(boundary, 'ok.pdf')), samplePdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    await warm.write(uploadHead(d.client, path, body.length, boundary).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
    await warm.write(body);
    await warm.closed;
    assert.match(warm.received(), /^HTTP\/1\.1 200/, warm.received());
    assert.deepEqual(tmpFiles(h), []);
    return { client: d.client, path, baseline: openFds() };
  }

  test('an upload whose body stops arriving gets 408 within the idle deadline, and leaves no temp file or descriptor', async (t) => {
    const { client, path, baseline } = await setUp();
    const boundary = 'stalled';
    const raw = await openRaw(port);
    const started = Date.now();
    await raw.write(uploadHead(client, path, 500_000, boundary));
    await raw.write(partHead(boundary, 'stalled.pdf'));
    await raw.write(Buffer.concat([samplePdf, Buffer.alloc(20_000)])); // …and then nothing, never the closing boundary
    await waitFor('the temp file of the stalled upload', () => tmpFiles(h).length === 1, IDLE_MS);
    const closedAt = await raw.closed;
    assert.match(raw.received(), /^HTTP\/1\.1 408/, raw.received());
    assert.match(raw.received(), /REQUEST_TIMEOUT/);
    assert.match(raw.received(), /connection: close/i);
    assert.ok(closedAt - started < IDLE_MS + 1500, `closed after ${closedAt - started} ms`);
    t.diagnostic(`stalled upload: 408 and closed after ${closedAt - started} ms (idle deadline ${IDLE_MS} ms)`);
    await waitFor('the temp file to be removed', () => tmpFiles(h).length === 0, 2000);
    await waitFor(`descriptors back to ${baseline} (now ${openFds()})`, () => openFds() <= baseline, 2000);
  });

  test('an upload that drips bytes (never idle) is cut off at the whole-request deadline', async (t) => {
    const { client, path, baseline } = await setUp();
    const boundary = 'dripping';
    const raw = await openRaw(port);
    const started = Date.now();
    await raw.write(uploadHead(client, path, 500_000, boundary));
    await raw.write(partHead(boundary, 'drip.pdf'));
    await raw.write(samplePdf);
    const drip = setInterval(() => void raw.write(Buffer.alloc(10)), IDLE_MS / 4);
    try {
      await waitFor('the temp file of the dripping upload', () => tmpFiles(h).length === 1, IDLE_MS);
      const closedAt = await raw.closed;
      const took = closedAt - started;
      assert.ok(took >= REQUEST_MS - 100 && took < REQUEST_MS + 2000, `closed after ${took} ms (deadline ${REQUEST_MS})`);
      assert.match(raw.received(), /^HTTP\/1\.1 408/, raw.received());
      t.diagnostic(`dripping upload: 408 and closed after ${took} ms (request deadline ${REQUEST_MS} ms)`);
    } finally {
      clearInterval(drip);
    }
    await waitFor('the temp file to be removed', () => tmpFiles(h).length === 0, 2000);
    await waitFor(`descriptors back to ${baseline} (now ${openFds()})`, () => openFds() <= baseline, 2000);
  });

  test('a client that disconnects mid-upload leaves no temp file or descriptor', async () => {
    const { client, path, baseline } = await setUp();
    const boundary = 'gone';
    const raw = await openRaw(port);
    await raw.write(uploadHead(client, path, 500_000, boundary));
    await raw.write(partHead(boundary, 'gone.pdf'));
    await raw.write(Buffer.concat([samplePdf, Buffer.alloc(20_000)]));
    await waitFor('the temp file', () => tmpFiles(h).length === 1, IDLE_MS);
    raw.socket.destroy();
    await waitFor('the temp file to be removed', () => tmpFiles(h).length === 0, 1000);
    await waitFor(`descriptors back to ${baseline} (now ${openFds()})`, () => openFds() <= baseline, 2000);
  });

  test('slowloris: headers sent a byte at a time are cut off at the headers deadline', async (t) => {
    const raw = await openRaw(port);
    const started = Date.now();
    await raw.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => void raw.write('X'), 100);
    try {
      const closedAt = await raw.closed;
      const took = closedAt - started;
      assert.ok(took < HEADERS_MS + 1500, `closed after ${took} ms (deadline ${HEADERS_MS})`);
      t.diagnostic(`slowloris: 408 and closed after ${took} ms (headers deadline ${HEADERS_MS} ms)`);
      assert.match(raw.received(), /^HTTP\/1\.1 408/, raw.received());
    } finally {
      clearInterval(drip);
    }
    // The server still answers everyone else.
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(res.status, 200);
  });
});
