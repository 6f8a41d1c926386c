import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CREDIT_CODE_AUTHORITIES,
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
} from '../../src/form/index.ts';

const prefixes = Object.entries(CREDIT_CODE_AUTHORITIES).flatMap(([a, { types }]) => Object.keys(types).map((t) => a + t));
const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
/** Any 17 characters with a valid structure: authority + type, six-digit region, nine code characters. */
const first17 = fc
  .tuple(fc.constantFrom(...prefixes), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(charsetChar, { minLength: 9, maxLength: 9 }))
  .map(([p, region, body]) => p + region.join('') + body.join(''));

describe('credit code', () => {
  test('real codes of the GB 32100 structure validate', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '91310000717866186P']) {
      assert.equal(isValidCreditCode(code), true, code);
      assert.equal(creditCodeCheckChar(code.slice(0, 17)), code[17]);
    }
  });

  test('the check character follows the weights and 31 → 0', () => {
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
    // Σ(value × weight) ≡ 0 (mod 31) gives 31 − 0 = 31, which is written as 0.
    assert.equal(creditCodeCheckChar('00000000000000000'), '0');
    assert.equal(creditCodeCheckChar('9135010'), undefined);
    assert.equal(creditCodeCheckChar('91350100I00010OY4'), undefined);
  });

  test('each problem is named', () => {
    assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
    assert.equal(creditCodeProblem('91350100M000100Y433'), 'length');
    assert.equal(creditCodeProblem('91350100M00O100Y43'), 'charset');
    assert.equal(creditCodeProblem('91350100S000100Y43'), 'charset');
    assert.equal(creditCodeProblem('91350100m000100y43'), 'lowercase');
    assert.equal(creditCodeProblem('94350100M000100Y43'), 'authority');
    assert.equal(creditCodeProblem('B1350100M000100Y43'), 'authority');
    assert.equal(creditCodeProblem('9135A100M000100Y43'), 'region');
    assert.equal(creditCodeProblem('91350100M000100Y44'), 'checksum');
    assert.equal(creditCodeProblem('91350100M000100Y43'), undefined);
  });

  test('normalizeCreditCode trims, removes spaces and upper-cases', () => {
    assert.equal(normalizeCreditCode(' 9135 0100m000100y43\u3000'), '91350100M000100Y43');
    assert.equal(isValidCreditCode(normalizeCreditCode('91350100m000100y43')), true);
  });

  test('property: any 17 valid characters plus their check character validate', () => {
    fc.assert(fc.property(first17, (s) => isValidCreditCode(s + creditCodeCheckChar(s))));
  });

  test('property: changing any one character to another valid one invalidates', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), charsetChar, (s, i, replacement) => {
        const code = s + creditCodeCheckChar(s);
        fc.pre(code[i] !== replacement);
        const changed = code.slice(0, i) + replacement + code.slice(i + 1);
        return !isValidCreditCode(changed) && creditCodeProblem(changed) !== undefined;
      }),
      { numRuns: 2000 },
    );
  });

  test('property: swapping two different adjacent characters of the body invalidates', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 8, max: 15 }), (s, i) => {
        const code = s + creditCodeCheckChar(s);
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        return !isValidCreditCode(swapped);
      }),
    );
  });
});
