// The PDF cover's title lines: balanced, none holding a single character, breaks only where
// Chinese allows them. Measured once with a plain width (one per character) and once with the
// real font at the cover's size, on the seed programs' names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { balancedLines, breakableTokens } from '../../src/features/documents/title-lines.ts';
import { FONT_BOLD, registerCjkFonts } from '../../src/features/documents/fonts.ts';
import { readProgramTemplates } from '../../src/features/programs/program-templates.ts';

const perChar = (s: string) => [...s].length;
const chars = (s: string) => [...s].length;

describe('cover title lines', () => {
  test('a title that fits stays one line', () => {
    assert.deepEqual(balancedLines('申报书', 10, perChar), ['申报书']);
  });

  test('one character over the width: two balanced lines, never "…先锋 / 奖"', () => {
    const title = '2022年“创蓝碳中和先锋奖”'; // 15 characters
    // Filled greedily to 14 per line, the second line would hold the one character left over.
    assert.equal(chars(title) - 14, 1);
    const lines = balancedLines(title, 14, perChar);
    assert.equal(lines.length, 2);
    assert.equal(lines.join(''), title);
    for (const l of lines) assert.ok(chars(l) >= 2 && perChar(l) <= 14, l);
    assert.ok(Math.abs(chars(lines[0]) - chars(lines[1])) <= 2, `unbalanced: ${lines.join(' / ')}`);
  });

  test('no break inside Latin/digit runs, before closing or after opening punctuation', () => {
    assert.deepEqual(breakableTokens('2022年“科创中国”（PCT）'), ['2022', '年', '“科', '创', '中', '国”', '（PCT）']);
    for (const width of [4, 5, 6, 7, 8, 9]) {
      const lines = balancedLines('2025年河南省工业绿色低碳发展创新大赛', width, perChar);
      assert.equal(lines.join(''), '2025年河南省工业绿色低碳发展创新大赛');
      for (const l of lines) {
        assert.ok(chars(l) >= 2, `${width}: ${lines.join(' / ')}`);
        assert.ok(!/^[”）》，。、]/.test(l) && !/[“（《]$/.test(l), `${width}: ${lines.join(' / ')}`);
      }
      assert.ok(!lines.some((l, i) => i > 0 && /^\d/.test(l) && /\d$/.test(lines[i - 1])), `${width}: digits split: ${lines.join(' / ')}`);
    }
  });

  test('as few lines as greedy filling, the widest as narrow as possible', () => {
    const lines = balancedLines('一二三四五六七八九十甲乙', 10, perChar); // 12 → 6 + 6, not 10 + 2
    assert.deepEqual(lines.map(chars), [6, 6]);
    assert.deepEqual(balancedLines('一二三四五六七八九十甲乙丙丁戊己己', 8, perChar).map(chars), [6, 6, 5]);
  });

  test('the seed programs at the cover size in the real font: every line fits, none is a single character', () => {
    const doc = new PDFDocument({ size: 'A4' });
    registerCjkFonts(doc);
    doc.font(FONT_BOLD).fontSize(22);
    const measure = (s: string) => doc.widthOfString(s);
    const names = readProgramTemplates().map((d) => d.name);
    assert.ok(names.length >= 3);
    // Narrower widths too, so that every name has to break at least once somewhere.
    for (const width of [200, 260, 320, 420]) {
      for (const name of names) {
        const lines = balancedLines(name, width, measure);
        assert.equal(lines.join(''), name);
        for (const l of lines) {
          assert.ok(measure(l) <= width, `${name} @${width}: "${l}" is too wide`);
          assert.ok(chars(l) >= 2, `${name} @${width}: ${lines.join(' / ')}`);
        }
      }
    }
    doc.end();
  });
});
