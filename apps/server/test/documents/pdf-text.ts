import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reads a generated PDF back the way a viewer does (pdfjs, Node build), so tests assert on the
// text a person would see, not on pdfkit's internals.

export type PdfText = { pages: string[]; all: string };

/** The text of every page (or the first `maxPages`), items joined without separators (CJK text has no spaces). */
export async function pdfText(pdf: Buffer, maxPages = Infinity): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, maxPages); i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return { pages, all: pages.join('\n') };
  } finally {
    await doc.destroy();
  }
}

/** The names of the fonts embedded in a PDF (BaseFont entries, subset prefix removed). */
export function embeddedFonts(pdf: Buffer): string[] {
  const names = pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g);
  return [...new Set([...names].map((m) => m[1]))];
}
