// Uploads under hostile input: a multipart type without its boundary, names that are paths,
// control characters or too long, HTML and formulas in names (stored, and inert on the way
// out), an oversize file cut off while streaming, and a zip bomb posing as an .xlsx import.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { jobDownload } from './support/jobs.ts';
import { creditCode } from './support/screening.ts';
import { multipart, samplePdf } from './support/journey.ts';
import { draftToUploadTo, openRaw, partHead, signedInAdmin, tmpFiles, uploadHead, waitFor } from './support/raw-http.ts';
import type { Actor } from '../src/context.ts';

/** A one-entry zip whose entry inflates to `size` bytes of spaces (deflate reaches ~1000:1). */
function zipBomb(entryName: string, size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const name = Buffer.from(entryName);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(1000, 22); // the declared size lies
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(1000, 24); central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describeEachEngine('uploads under hostile input', (engine) => {
  let h: Harness;
  let port: number;
  let admin: { client: Client; actor: Actor };
  let a: Awaited<ReturnType<typeof draftToUploadTo>>;

  before(async () => {
    h = await startHarness(engine);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    admin = await signedInAdmin(h);
    a = await draftToUploadTo(h, admin.actor, 'uploader@example.com', creditCode(801));
  });
  after(async () => {
    await h.close();
  });

  const fileUrl = () => `/api/applications/${a.applicationId}/files?field=basic.license`;

  test('multipart/form-data without a boundary is a 400 saying so, on every upload route', async () => {
    const anon = await h.client().start();
    const routes: [Client, string][] = [
      [a.client, fileUrl()],
      [admin.client, `/api/programs/${a.programId}/recommending-units/import`],
      [admin.client, '/api/experts/import'],
      [anon, '/api/public/publicities/any/evidence'],
    ];
    for (const [c, url] of routes) {
      const r = await c.request('POST', url, '--x\r\n', { 'content-type': 'multipart/form-data' });
      assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
      assert.equal(r.json().error.code, 'BAD_MULTIPART', url);
      assert.match(r.json().error.message.en, /boundary/);
    }
    // A body that is not multipart at all under a good boundary: 400 too, never 500.
    const garbage = await a.client.request('POST', fileUrl(), 'no parts here', { 'content-type': 'multipart/form-data; boundary=abc' });
    assert.ok(garbage.statusCode >= 400 && garbage.statusCode < 500, garbage.body);
  });

  test('names: separators, control and bidi characters, over 255 bytes are refused; 255 bytes is fine', async () => {
    const up = (name: string) => a.client.upload(fileUrl(), multipart(name, samplePdf, 'application/pdf'));
    for (const bad of ['../etc/passwd.pdf', 'a\\b.pdf', 'tab\there.pdf', 'nul\u0000.pdf', 'del\u007f.pdf', 'c1\u0085.pdf', 'spoof\u202efdp.pdf', `${'名'.repeat(85)}x.pdf`]) {
      const r = await up(bad);
      assert.equal(r.statusCode, 400, `${JSON.stringify(bad)}: ${r.body}`);
      assert.equal(r.json().error.fields[0].path, 'file');
    }
    const long = `${'名'.repeat(83)}.pdf`; // 83 × 3 + 4 = 253 bytes
    assert.equal((await up(long)).statusCode, 200);
    assert.match((await up(`${'名'.repeat(85)}.pdf`)).json().error.message.en, /255 bytes/);
    assert.deepEqual(tmpFiles(h), []);
  });

  test('HTML and formulas in a name are stored as sent and come out inert (JSON text, Excel string cells)', async () => {
    const html = '<img src=x onerror=alert(1)>.pdf';
    const formula = '=HYPERLINK(http:x,点我)+1@.pdf'; // no quotes: the multipart helper quotes the name
    const refs = [];
    for (const name of [html, formula]) {
      const r = await a.client.upload(fileUrl(), multipart(name, samplePdf, 'application/pdf'));
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().name, name, 'stored as sent');
      refs.push(r.json());
    }
    const download = await a.client.get(`/api/applications/${a.applicationId}/files/${refs[0].id}`);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    // Served as the PDF it is, as an attachment: the name is a file name to the browser, never markup.
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[^\s"]+$/);
    // Submitted with the formula-named file as its answer, then exported by the organizer.
    const answers = { basic: { projectName: '储热', summary: '余热回收', revenue: 1, license: refs[1] }, pledge: { declaration: true } };
    assert.equal((await a.client.put(`/api/applications/${a.applicationId}/draft`, { answers, baseRevision: 0 })).statusCode, 200);
    assert.equal((await a.client.post(`/api/applications/${a.applicationId}/submit`, { baseRevision: 1 })).statusCode, 200);
    const xlsx = await jobDownload(h, admin.client, await admin.client.post(`/api/programs/${a.programId}/applications/exports`, {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(c); })));
    const hit = cells.find((c) => String(c.value).includes('HYPERLINK'));
    assert.ok(hit, 'the name is in the export');
    assert.equal(hit.type, ExcelJS.ValueType.String, 'a string cell, which Excel never evaluates');
    assert.equal(cells.filter((c) => c.type === ExcelJS.ValueType.Formula).length, 0, 'no formula cells anywhere');
  });

  test('an upload twice its field limit gets 413 while streaming, closes the connection, leaves no temp file', async (t) => {
    const d = await draftToUploadTo(h, admin.actor, 'oversize@example.com', creditCode(802));
    const path = `/api/applications/${d.applicationId}/files?field=basic.license`;
    const boundary = 'oversize';
    const body = Buffer.concat([Buffer.from(partHead(boundary, 'big.pdf')), samplePdf, Buffer.alloc(2 * 1024 * 1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const raw = await openRaw(port);
    const started = Date.now();
    await raw.write(uploadHead(d.client, path, body.length, boundary));
    for (let i = 0; i < body.length; i += 64 * 1024) if (!(await raw.write(body.subarray(i, i + 64 * 1024)))) break;
    const closedAt = await raw.closed;
    assert.match(raw.received(), /^HTTP\/1\.1 413/, raw.received());
    assert.match(raw.received(), /connection: close/i);
    assert.match(raw.received(), /1 MB/);
    assert.ok(closedAt - started < 5000, `answered and closed after ${closedAt - started} ms`);
    t.diagnostic(`2× oversize: 413 and closed after ${closedAt - started} ms`);
    await waitFor('no temp file', () => tmpFiles(h).length === 0, 2000);
  });

  test('an unbounded body is not read to its end: the server stops reading soon after the limit', async (t) => {
    const d = await draftToUploadTo(h, admin.actor, 'unbounded@example.com', creditCode(803));
    const path = `/api/applications/${d.applicationId}/files?field=basic.license`;
    const boundary = 'unbounded';
    const declared = 500 * 1024 * 1024;
    const raw = await openRaw(port);
    await raw.write(uploadHead(d.client, path, declared, boundary));
    await raw.write(partHead(boundary, 'huge.pdf'));
    await raw.write(samplePdf);
    const chunk = Buffer.alloc(256 * 1024);
    let sent = 0;
    while (sent < declared && (await raw.write(chunk))) sent += chunk.length;
    await raw.closed;
    assert.match(raw.received(), /^HTTP\/1\.1 413/, raw.received());
    // 1 MB limit; what else got in is socket buffers, far from the 500 MB declared.
    assert.ok(sent < 64 * 1024 * 1024, `the client could push ${Math.round(sent / 1024 / 1024)} MB`);
    t.diagnostic(`unbounded body: the client pushed ${(sent / 1024 / 1024).toFixed(1)} MB of 500 MB declared before the server closed`);
    await waitFor('no temp file', () => tmpFiles(h).length === 0, 2000);
  });

  test('an .xlsx import that would inflate past the budget (a zip bomb) is refused before it is unpacked', async () => {
    const bomb = zipBomb('xl/worksheets/sheet1.xml', 150 * 1024 * 1024);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is ${bomb.length} bytes`);
    const rss = process.memoryUsage().rss;
    const r = await admin.client.upload('/api/experts/import', multipart('专家.xlsx', bomb));
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().error.message.en, /inflate past 100 MB/);
    assert.ok(process.memoryUsage().rss - rss < 120 * 1024 * 1024, 'nothing close to the inflated size was held');
    assert.deepEqual(tmpFiles(h), []);
  });
});
