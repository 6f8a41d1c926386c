import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

// The CJK typeface of every generated PDF: Noto Serif SC (思源宋体), the look of a printed
// government form (宋体 body, 小标宋-like bold titles). It ships as plain TTF files in an npm
// package, so no system font or apt step is needed. Each weight is ~15 MB: parsed once per
// process and shared by all documents — fontkit's glyph and layout caches then stay warm, which
// halves the time of a render compared with handing pdfkit the bytes each time. pdfkit embeds
// only the glyphs a document uses (a subset), so PDFs stay small.

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/noto-serif-sc';

export const FONT_REGULAR = 'song';
export const FONT_BOLD = 'song-bold';

const files = {
  [FONT_REGULAR]: `${PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`,
  [FONT_BOLD]: `${PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`,
} as const;

type FontName = keyof typeof files;

const cache = new Map<FontName, Font>();

function font(name: FontName): Font {
  let f = cache.get(name);
  if (!f) {
    const parsed = create(readFileSync(require.resolve(files[name])));
    if (!('layout' in parsed)) throw new Error(`${files[name]}: a font collection, not a font`);
    f = parsed;
    cache.set(name, f);
  }
  return f;
}

/** The minimal surface of a PDFKit document that font registration needs. */
type FontHost = { registerFont(name: string, src: PDFKit.Mixins.PDFFontSource): unknown };

/** Registers the regular and bold CJK fonts on a document under FONT_REGULAR / FONT_BOLD. */
export function registerCjkFonts(doc: FontHost): void {
  // pdfkit accepts a parsed fontkit font as well as bytes; its typings only name the latter.
  for (const name of Object.keys(files) as FontName[]) doc.registerFont(name, font(name) as unknown as Buffer);
}

/** Parses the font files now (e.g. at server start) so the first PDF request doesn't pay for it. */
export function preloadCjkFonts(): void {
  for (const name of Object.keys(files) as FontName[]) font(name);
}
