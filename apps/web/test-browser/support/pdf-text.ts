// Reads a downloaded PDF back the way a viewer does (pdfjs-dist's Node build, a dependency of
// apps/server hoisted to the root), so a test asserts on the text a person would see.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The number of pages and the text of each (items joined without separators: CJK has no spaces). */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
