// Issue 14, "load fast": the JavaScript each page needs, from the build manifest, against the
// budgets (public pages ≤ 150 KiB transferred, the application form ≤ 400 KiB). Prints the
// figures; a page over budget fails with its largest files named. The browser test
// (transfer-budget.test.ts) checks the same pages as Chromium actually loads them.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureWebBuilt } from './support/server.ts';
import { formatPages, kib, measurePage, pageBudgets, readManifest, webDist } from './support/js-budget.ts';

describe('JavaScript budget per page (build manifest)', () => {
  ensureWebBuilt();
  const manifest = readManifest();
  const pages = pageBudgets.map((b) => measurePage(b, manifest));

  it('prints what each page loads', () => {
    console.log(`\nJavaScript per page (entry + route chunks + their static imports):\n${formatPages(pages)}\n`);
    assert.ok(pages.every((p) => p.files.length > 0));
  });

  it('every built asset above 1 KiB has its .br and .gz beside it, each smaller than the file', () => {
    const files = [...new Map(pages.flatMap((p) => p.files.map((f) => [f.file, f] as const))).values()];
    const big = files.filter((f) => f.raw >= 1024);
    assert.ok(big.length > 5, 'some chunks are above 1 KiB');
    for (const f of big) {
      assert.ok(existsSync(join(webDist, `${f.file}.br`)), `${f.file}.br missing`);
      assert.ok(existsSync(join(webDist, `${f.file}.gz`)), `${f.file}.gz missing`);
      assert.ok(f.br < f.raw && f.gzip < f.raw, `${f.file}: compressed variants are smaller`);
      assert.ok(f.br <= f.gzip, `${f.file}: brotli is no larger than gzip`);
    }
  });

  for (const p of pages) {
    it(`${p.page}: ≤ ${p.budgetKiB} KiB of JavaScript (brotli)`, () => {
      const largest = [...p.files].sort((a, b) => b.br - a.br).slice(0, 8).map((f) => `${f.file} ${kib(f.br)}`).join(', ');
      assert.ok(p.br <= p.budgetKiB * 1024, `${p.page} loads ${kib(p.br)} of JavaScript (budget ${p.budgetKiB} KiB); largest: ${largest}`);
    });
  }
});
