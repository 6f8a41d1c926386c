import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countChars, parseLengthLimit } from '../../src/form/index.ts';

// Characters that never merge with a neighbour into one grapheme: Han, ASCII, CJK and full-width
// punctuation, Latin-1 letters, Greek/Cyrillic, and emoji outside the regional-indicator range.
const visibleChar = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('，', '。', '、', '；', '：', '“', '”', '（', '）', '《', '》', '！', '？', '％'),
  fc.integer({ min: 0xc0, max: 0xff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x391, max: 0x3c9 }).filter((c) => c !== 0x3a2).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x1f600, max: 0x1f64f }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('𠀀', '𪚥', '👍🏽', '👨‍👩‍👧', '🇨🇳', 'é'),
);
const whitespace = fc.constantFrom(' ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\u2003', '\u200b', '\ufeff');
const visibleText = fc.array(visibleChar, { maxLength: 60 }).map((a) => a.join(''));

describe('countChars', () => {
  test('counts every Han character, letter, digit and punctuation mark as one 字', () => {
    assert.equal(countChars('绿色低碳'), 4);
    assert.equal(countChars('TRL9'), 4);
    assert.equal(countChars('节能量**tce，减排CO2。'), 15);
  });

  test('whitespace and line breaks count nothing', () => {
    assert.equal(countChars('  绿色 低碳\n\n技术\t'), 6);
    assert.equal(countChars('全角\u3000空格'), 4);
    assert.equal(countChars('\r\n'), 0);
    assert.equal(countChars(''), 0);
  });

  test('a character outside the BMP or an emoji sequence is one 字, not two UTF-16 units', () => {
    assert.equal(countChars('𠀀'), 1);
    assert.equal('𠀀'.length, 2);
    assert.equal(countChars('👨‍👩‍👧'), 1);
    assert.equal(countChars('🇨🇳'), 1);
    assert.equal(countChars('e\u0301'), 1);
  });

  test('property: count(a + b) = count(a) + count(b) for whitespace-free text', () => {
    fc.assert(fc.property(visibleText, visibleText, (a, b) => countChars(a + b) === countChars(a) + countChars(b)));
  });

  test('property: a string of n visible characters counts n', () => {
    fc.assert(fc.property(fc.array(visibleChar, { maxLength: 80 }), (chars) => countChars(chars.join('')) === chars.length));
  });

  test('property: whitespace inserted anywhere never counts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(visibleChar, whitespace), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const visibleOnly = parts.filter((p) => !/^[\s\u200b\ufeff]+$/.test(p)).join('');
        return countChars(text) === countChars(visibleOnly);
      }),
    );
  });

  test('property: only whitespace counts zero', () => {
    fc.assert(fc.property(fc.array(whitespace, { maxLength: 30 }), (ws) => countChars(ws.join('')) === 0));
  });
});

describe('parseLengthLimit', () => {
  const cases: Array<[string, ReturnType<typeof parseLengthLimit>]> = [
    ['200字', { max: 200 }],
    ['技术团队简介（200字）', { max: 200 }],
    ['400-600字', { min: 400, max: 600 }],
    ['一、技术介绍（400-600字）', { min: 400, max: 600 }],
    ['400～600字', { min: 400, max: 600 }],
    ['400~600 字', { min: 400, max: 600 }],
    ['400至600字', { min: 400, max: 600 }],
    ['不超过1000字', { max: 1000 }],
    ['企业的技术创新（不超过1000字）', { max: 1000 }],
    ['1000字以内', { max: 1000 }],
    ['（2000字以内，可另附说明材料）', { max: 2000 }],
    ['限1000字', { max: 1000 }],
    ['不少于300字', { min: 300 }],
    ['300字以上', { min: 300 }],
    ['不少于300字，不超过1,000字', { min: 300, max: 1000 }],
    ['１０００字以内', { max: 1000 }],
  ];
  for (const [phrase, expected] of cases) {
    test(`"${phrase}"`, () => assert.deepEqual(parseLengthLimit(phrase), expected));
  }

  test('a phrase without a limit gives undefined', () => {
    assert.equal(parseLengthLimit('技术名称'), undefined);
    assert.equal(parseLengthLimit('请填写TRL1-TRL9之间的值'), undefined);
  });

  test('property: "a-b字" parses to the ordered range and "不超过n字" to a maximum', () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.nat(100000), (a, b) => {
        const r = parseLengthLimit(`${a}-${b}字`);
        return r?.min === Math.min(a, b) && r?.max === Math.max(a, b) && parseLengthLimit(`不超过${a}字`)?.max === a;
      }),
    );
  });
});
