import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR, registerCjkFonts } from './fonts.ts';

// Drawing primitives for a Chinese paper form on A4: bordered rows of label/value cells (the
// grid of a 申报表), text boxes that flow across pages, and the page frame (running header,
// "第 N 页 共 M 页" footer, draft watermark). Pages are buffered so the frame is drawn once the
// page count is known; drawing it last also keeps header fonts from leaking into body text
// when pdfkit breaks a paragraph onto a new page.

export const SIZE = { body: 10.5, hint: 9, heading: 14, title: 18 } as const; // 五号, 小五, 四号, 小二
export const PAD = 5;
const LINE_GAP = 2;
const BORDER = 0.6;
const LABEL_FILL = '#f2f2f2';
const HINT_COLOR = '#808080';
const MARGIN = { top: 68, bottom: 62, left: 62, right: 62 };

export type Cell = {
  text: string;
  width: number;
  /** A label cell: shaded, centred. */
  label?: boolean;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Grey small print under the text (limits and help on a blank form). */
  hint?: string;
  /** A tick box before the text: true ticked, false empty. */
  checkbox?: boolean;
};

export type FlowBoxOptions = {
  /** A full-width label row above the box, kept on the same page as the box's start. */
  label?: Cell;
  minHeight?: number;
  /** Indent each paragraph by two characters, as Chinese prose is set. */
  indent?: boolean;
  hint?: string;
  /** Right-aligned lines at the bottom of the box: the seal and date of an opinion box. */
  footer?: string[];
};

export type Frame = { header?: { left: string; right: string }; watermark?: string; coverPages: number };

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly width: number;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  /** A heading waiting for the first block under it, so the two start on the same page. */
  private pendingHeading: string | null = null;

  constructor() {
    this.doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, autoFirstPage: false, info: { Producer: 'lvping', Creator: 'lvping' } });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    registerCjkFonts(this.doc);
    this.doc.addPage();
    this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
    this.body();
  }

  get left(): number {
    return MARGIN.left;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Usable height of a whole page: the most any single row may take. */
  get pageHeight(): number {
    return this.doc.page.height - MARGIN.top - MARGIN.bottom;
  }

  get pageIndex(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  body(size: number = SIZE.body, bold = false): PDFKit.PDFDocument {
    return this.doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size).fillColor('black');
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
  }

  /** Starts a new page unless `height` (and a pending heading) still fits on this one. */
  ensure(height: number): void {
    const heading = this.pendingHeading;
    const headingH = heading ? this.headingHeight(heading) : 0;
    if (this.doc.y + headingH + height > this.bottom) this.newPage();
    if (heading) {
      this.pendingHeading = null;
      this.space(8);
      this.line(heading, { size: SIZE.heading, bold: true });
      this.space(4);
    }
  }

  private headingHeight(text: string): number {
    return 12 + this.body(SIZE.heading, true).heightOfString(text, { width: this.width, lineGap: LINE_GAP });
  }

  space(height: number): void {
    this.doc.y = Math.min(this.doc.y + height, this.bottom);
  }

  /** A line of text across the content width (titles, notes); wraps, may break pages. */
  line(text: string, o: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string; spacing?: number } = {}): void {
    if (this.pendingHeading) this.ensure(40);
    this.body(o.size, o.bold).fillColor(o.color ?? 'black');
    this.doc.text(text, MARGIN.left, this.doc.y, { width: this.width, align: o.align ?? 'left', lineGap: LINE_GAP, characterSpacing: o.spacing ?? 0 });
    this.body();
  }

  /** A section heading; drawn with the first block under it, never alone at a page's foot. */
  heading(text: string): void {
    if (this.pendingHeading) this.ensure(0);
    this.pendingHeading = text;
  }

  private textHeight(cell: Cell): number {
    const w = this.innerWidth(cell);
    let h = cell.text ? this.body(SIZE.body, cell.bold || cell.label).heightOfString(cell.text, { width: w, lineGap: LINE_GAP }) : 0;
    if (cell.hint) h += this.body(SIZE.hint).heightOfString(cell.hint, { width: w, lineGap: 1 }) + (cell.text ? 2 : 0);
    return h;
  }

  private innerWidth(cell: Cell): number {
    return cell.width - 2 * PAD - (cell.checkbox === undefined ? 0 : 14);
  }

  rowHeight(cells: Cell[], minHeight = 24): number {
    return Math.max(minHeight, ...cells.map((c) => this.textHeight(c) + 2 * PAD));
  }

  /** One bordered table row; moves to a new page first when it doesn't fit. */
  row(cells: Cell[], minHeight = 24): void {
    const h = this.rowHeight(cells, minHeight);
    this.ensure(h);
    const top = this.doc.y;
    let x = MARGIN.left;
    for (const cell of cells) {
      this.drawCell(cell, x, top, h);
      x += cell.width;
    }
    this.doc.x = MARGIN.left;
    this.doc.y = top + h;
  }

  private drawCell(cell: Cell, x: number, top: number, h: number): void {
    const doc = this.doc;
    if (cell.label) doc.rect(x, top, cell.width, h).fill(LABEL_FILL);
    doc.lineWidth(BORDER).rect(x, top, cell.width, h).stroke('black');
    const w = this.innerWidth(cell);
    let y = top + (h - this.textHeight(cell)) / 2; // centred vertically, as on printed forms
    let tx = x + PAD;
    if (cell.checkbox !== undefined) {
      this.checkbox(tx, y + 2.5, cell.checkbox);
      tx += 14;
    }
    const align = cell.align ?? (cell.label ? 'center' : 'left');
    if (cell.text) {
      this.body(SIZE.body, cell.bold || cell.label).text(cell.text, tx, y, { width: w, align, lineGap: LINE_GAP });
      y = doc.y + 2;
    }
    if (cell.hint) this.body(SIZE.hint).fillColor(HINT_COLOR).text(cell.hint, tx, y, { width: w, align, lineGap: 1 });
    this.body();
  }

  /** A tick box drawn as vectors: the CJK font has no ☑/☐ glyphs. */
  checkbox(x: number, y: number, checked: boolean): void {
    const s = 9;
    this.doc.save().lineWidth(0.8).rect(x, y, s, s).stroke('black');
    if (checked) this.doc.lineWidth(1.2).moveTo(x + 1.8, y + 4.6).lineTo(x + 3.8, y + 7).lineTo(x + 7.6, y + 1.8).stroke('black');
    this.doc.restore();
  }

  /**
   * A full-width bordered box of prose that may run over several pages: the text flows with
   * pdfkit's own line breaking, then each page's part of the box gets its border.
   */
  flowBox(text: string, o: FlowBoxOptions = {}): void {
    const doc = this.doc;
    const footerH = o.footer ? o.footer.length * 22 + 10 : 0;
    const labelH = o.label ? this.rowHeight([o.label]) : 0;
    this.ensure(labelH + Math.min(this.pageHeight - labelH, Math.max(o.minHeight ?? 0, 48) + footerH));
    if (o.label) this.row([o.label]);
    const firstPage = this.pageIndex;
    const top = doc.y;
    const w = this.width - 2 * PAD;
    doc.y = top + PAD;
    if (text) this.body().text(text, MARGIN.left + PAD, doc.y, { width: w, lineGap: LINE_GAP, indent: o.indent ? 2 * SIZE.body : 0 });
    if (o.hint) this.body(SIZE.hint).fillColor(HINT_COLOR).text(o.hint, MARGIN.left + PAD, doc.y, { width: w, lineGap: 1 });
    this.body();
    const lastPage = this.pageIndex;
    let end = doc.y + PAD;
    if (lastPage === firstPage) end = Math.max(end, top + (o.minHeight ?? 0));
    if (end + footerH > this.bottom) {
      this.boxBorders(firstPage, top, this.bottom);
      this.newPage();
      return this.footerBox(o.footer ?? [], footerH);
    }
    if (o.footer) this.footerLines(o.footer, end);
    this.boxBorders(firstPage, top, end + footerH);
    doc.x = MARGIN.left;
    doc.y = end + footerH;
  }

  /** The seal lines alone in a box of their own (when the text filled the page before). */
  private footerBox(footer: string[], height: number): void {
    const top = this.doc.y;
    this.footerLines(footer, top);
    this.boxBorders(this.pageIndex, top, top + height);
    this.doc.y = top + height;
  }

  private footerLines(lines: string[], top: number): void {
    lines.forEach((l, i) => this.body().text(l, MARGIN.left, top + 6 + i * 22, { width: this.width - 4 * SIZE.body, align: 'right', lineBreak: false }));
  }

  /** Border of a box that starts at `top` on `firstPage` and ends at `end` on the current page. */
  private boxBorders(firstPage: number, top: number, end: number): void {
    const last = this.pageIndex;
    for (let p = firstPage; p <= last; p++) {
      this.doc.switchToPage(p);
      // Where the text ran on over a page break, the border sits a padding outside the text area.
      const y0 = p === firstPage ? top : MARGIN.top - PAD;
      const y1 = p === last ? end : this.bottom + PAD;
      this.doc.lineWidth(BORDER).rect(MARGIN.left, y0, this.width, y1 - y0).stroke('black');
    }
  }

  /** Draws the page frame on every page and returns the finished PDF. */
  async finish(frame: Frame): Promise<Buffer> {
    if (this.pendingHeading) this.ensure(0);
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0; // text in the margin must not trigger a page break
      if (frame.watermark) this.watermark(frame.watermark);
      if (frame.header && i >= frame.coverPages) this.header(frame.header);
      this.body(SIZE.hint).text(`第 ${i + 1} 页 共 ${count} 页`, 0, doc.page.height - 40, { width: doc.page.width, align: 'center', lineBreak: false });
    }
    doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }

  private header(h: { left: string; right: string }): void {
    const y = MARGIN.top - 26;
    this.body(SIZE.hint).fillColor(HINT_COLOR);
    this.doc.text(h.left, MARGIN.left, y, { width: this.width * 0.6, lineBreak: false, ellipsis: true, height: 12 });
    this.doc.text(h.right, MARGIN.left, y, { width: this.width, align: 'right', lineBreak: false });
    this.doc.lineWidth(0.5).moveTo(MARGIN.left, y + 15).lineTo(MARGIN.left + this.width, y + 15).stroke(HINT_COLOR);
  }

  private watermark(text: string): void {
    const { width, height } = this.doc.page;
    this.doc.save().rotate(-35, { origin: [width / 2, height / 2] }).fillOpacity(0.08);
    this.body(90, true).fillColor('black').text(text, 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
    this.doc.restore();
  }
}
