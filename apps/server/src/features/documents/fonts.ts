import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The CJK typeface of every generated PDF: Noto Serif SC (思源宋体), the look of a printed
// government form (宋体 body, 小标宋-like bold titles). It ships as plain TTF files in an npm
// package, so no system font or apt step is needed. Each weight is ~15 MB: read once per process
// and kept; pdfkit embeds only the glyphs a document uses (a subset), so PDFs stay small.

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/noto-serif-sc';

export const FONT_REGULAR = 'song';
export const FONT_BOLD = 'song-bold';

const files = {
  [FONT_REGULAR]: `${PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`,
  [FONT_BOLD]: `${PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`,
} as const;

type FontName = keyof typeof files;

const cache = new Map<FontName, Buffer>();

function fontData(name: FontName): Buffer {
  let data = cache.get(name);
  if (!data) {
    data = readFileSync(require.resolve(files[name]));
    cache.set(name, data);
  }
  return data;
}

/** The minimal surface of a PDFKit document that font registration needs. */
type FontHost = { registerFont(name: string, src: Buffer): unknown };

/** Registers the regular and bold CJK fonts on a document under FONT_REGULAR / FONT_BOLD. */
export function registerCjkFonts(doc: FontHost): void {
  for (const name of Object.keys(files) as FontName[]) doc.registerFont(name, fontData(name));
}

/** Reads the font files now (e.g. at server start) so the first PDF request doesn't pay for it. */
export function preloadCjkFonts(): void {
  for (const name of Object.keys(files) as FontName[]) fontData(name);
}
