import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWellFormedSerial, makeSerial, normalizeSerial, serialCheckChar, serialRandomPart, serialSequence, SERIAL_RANDOM_ALPHABET } from '../../src/publication/certificate-serial.ts';
import { chineseDate, englishDate, fillMergeFields, unknownMergeFields } from '../../src/publication/merge-fields.ts';
import { ZipEntryCounter } from '../../src/publication/zip-entries.ts';

// Certificates: serials that catch typos and cannot be walked, merge fields, the dates they
// print, and the exact count of a ZIP's files as its bytes arrive.

test('a serial has its prefix, year, sequence, random part and a check character that catches typos', () => {
  const s = makeSerial({ prefix: 'HNGREEN', year: 2025, seq: 7, random: 'K3Q9T' });
  assert.match(s, /^HNGREEN-2025-0007-K3Q9T[0-9A-Z]$/);
  assert.ok(isWellFormedSerial(s));
  assert.equal(serialSequence(s), 7);
  // Every single-character substitution and every swap of neighbours is caught.
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-') continue;
    for (const c of chars) if (c !== s[i]) assert.equal(isWellFormedSerial(s.slice(0, i) + c + s.slice(i + 1)), false, `${i}→${c}`);
    const j = i + 1;
    if (j < s.length && s[j] !== '-' && s[j] !== s[i]) assert.equal(isWellFormedSerial(s.slice(0, i) + s[j] + s[i] + s.slice(j + 1)), false, `swap ${i}`);
  }
  assert.equal(serialCheckChar('A-B'), serialCheckChar('AB'), 'separators do not count');
  assert.equal(makeSerial({ prefix: 'LP', year: 2025, seq: 12345, random: '00000' }).split('-')[2], '12345');
});

test('malformed input is not a serial, and typed serials are normalized', () => {
  for (const bad of ['', 'x', 'HNGREEN-2025-0007', 'hngreen-2025-0007-k3q9t', '<script>', 'A'.repeat(200), 'HNGREEN-2025-0007-K3Q9I0']) assert.equal(isWellFormedSerial(bad), false, bad);
  const s = makeSerial({ prefix: 'LP', year: 2026, seq: 1, random: 'ABCDE' });
  assert.equal(normalizeSerial(`  ${s.toLowerCase().replace(/-/g, '－')} `), s);
  assert.ok(isWellFormedSerial(normalizeSerial(s.toLowerCase())));
});

test('random parts use the unambiguous alphabet without bias', () => {
  const counts = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const part = serialRandomPart(new Uint8Array([b, b, b, b, b]));
    assert.equal(part.length, 5);
    counts.set(part[0], (counts.get(part[0]) ?? 0) + 1);
  }
  assert.equal(counts.size, 32);
  assert.ok([...counts.values()].every((n) => n === 8));
  assert.ok(!/[ILOU]/.test(SERIAL_RANDOM_ALPHABET));
});

test('merge fields are filled, unknown ones kept and reported', () => {
  const values = { organization: '甲公司', project: '余热回收', tier: '一等奖', track: '绿色低碳', program: '大赛', date: '二〇二五年十二月七日', serial: 'LP-1' };
  assert.equal(fillMergeFields('{organization}：“{project}”获{track}{tier}。{date} {serial} {oops}', values), '甲公司：“余热回收”获绿色低碳一等奖。二〇二五年十二月七日 LP-1 {oops}');
  assert.deepEqual(unknownMergeFields('{organization}{oops}{oops}{Tier}'), ['oops']);
});

test('dates as certificates print them, in Shanghai', () => {
  // 2025-12-06 17:00 UTC is 7 December in Shanghai.
  const t = Date.UTC(2025, 11, 6, 17);
  assert.equal(chineseDate(t), '二〇二五年十二月七日');
  assert.equal(englishDate(t), '7 December 2025');
  assert.equal(chineseDate(Date.UTC(2026, 0, 20, 4)), '二〇二六年一月二十日');
  assert.equal(chineseDate(Date.UTC(2026, 9, 31, 4)), '二〇二六年十月三十一日');
});

/** A ZIP of stored entries as yazl writes buffers: sizes in each local header, then a central directory. */
function zipOf(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const h = new Uint8Array(30 + name.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint32(18, f.data.length, true);
    v.setUint32(22, f.data.length, true);
    v.setUint16(26, name.length, true);
    h.set(name, 30);
    parts.push(h, f.data);
  }
  const cd = new Uint8Array(46);
  new DataView(cd.buffer).setUint32(0, 0x02014b50, true);
  parts.push(cd);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

test('the ZIP counter counts files exactly, whatever the chunking, even with a fake header inside a file', () => {
  const trap = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0x50, 0x4b, 0x03, 0x04]);
  const zip = zipOf([{ name: '证书1.pdf', data: trap }, { name: 'b.pdf', data: new Uint8Array(1000).fill(7) }, { name: 'empty.pdf', data: new Uint8Array(0) }]);
  for (const size of [1, 2, 7, 31, 64, 4096]) {
    const c = new ZipEntryCounter();
    const seen: number[] = [];
    for (let i = 0; i < zip.length; i += size) seen.push(c.push(zip.subarray(i, i + size)));
    assert.equal(c.done, 3, `chunks of ${size}`);
    assert.ok(c.complete);
    assert.deepEqual([...seen].sort((a, b) => a - b), seen, 'never goes back');
  }
  const notZip = new ZipEntryCounter();
  notZip.push(new TextEncoder().encode('{"error":{"code":"FORBIDDEN"}} and more text'));
  assert.equal(notZip.done, 0);
  assert.ok(notZip.finished && !notZip.complete);
});
