import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT_BOLD, FONT_REGULAR, registerCjkFonts } from '../documents/fonts.ts';

// One certificate (获奖证书 / 入榜证书) on landscape A4: a double frame, the title, the text
// with its merge fields already filled, the issuers and the date at the foot, and in the
// corner the serial, the verification address and its QR code. The QR code is drawn as
// vector squares from the module matrix (no image), so it prints sharp at any size.

export type CertificatePdfInput = {
  title: string;
  titleEn: string | null;
  /** Filled text; lines are paragraphs, the first is the salutation. */
  text: string;
  textEn: string | null;
  issuers: string[];
  /** 二〇二五年十二月七日 */
  date: string;
  serial: string;
  verifyUrl: string;
};

const W = 841.89;
const H = 595.28;
const GOLD = '#a8842c';
const RED = '#8b1a1a';
const GREY = '#666666';
const SIDE = 110;

export async function renderCertificatePdf(c: CertificatePdfInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: [W, H], margin: 0, autoFirstPage: false, info: { Title: `${c.title} ${c.serial}`, Producer: 'lvping', Creator: 'lvping' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerCjkFonts(doc);
  doc.addPage();

  doc.lineWidth(4).rect(22, 22, W - 44, H - 44).stroke(GOLD);
  doc.lineWidth(1).rect(32, 32, W - 64, H - 64).stroke(GOLD);

  doc.font(FONT_BOLD).fontSize(38).fillColor(RED).text(c.title, 0, 72, { width: W, align: 'center', characterSpacing: 14, lineBreak: false });
  let y = 126;
  if (c.titleEn) {
    doc.font(FONT_REGULAR).fontSize(12).fillColor(GREY).text(c.titleEn.toUpperCase(), 0, y, { width: W, align: 'center', characterSpacing: 2, lineBreak: false });
    y += 22;
  }

  const width = W - 2 * SIDE;
  doc.y = y + 26;
  c.text.split('\n').forEach((line, i) => {
    doc.font(i === 0 ? FONT_BOLD : FONT_REGULAR).fontSize(19).fillColor('black')
      .text(line, SIDE, doc.y, { width, lineGap: 9, indent: i === 0 ? 0 : 38 });
  });
  if (c.textEn) {
    doc.moveDown(0.6);
    doc.font(FONT_REGULAR).fontSize(11).fillColor(GREY).text(c.textEn, SIDE, doc.y, { width, lineGap: 3 });
  }

  // The foot: issuers and date on the right, serial and QR on the left.
  const footLines = [...c.issuers, c.date];
  const footTop = H - 70 - footLines.length * 26;
  footLines.forEach((l, i) => doc.font(FONT_REGULAR).fontSize(15).fillColor('black').text(l, W / 2, footTop + i * 26, { width: W / 2 - SIDE + 30, align: 'right', lineBreak: false }));

  const qrSize = 78;
  const qrX = 58;
  const qrY = H - 58 - qrSize;
  drawQr(doc, c.verifyUrl, qrX, qrY, qrSize);
  const tx = qrX + qrSize + 10;
  doc.font(FONT_REGULAR).fontSize(10).fillColor('black').text(`证书编号：${c.serial}`, tx, qrY + 18, { lineBreak: false });
  doc.fontSize(8).fillColor(GREY).text('扫码或访问以下网址验证 Verify at', tx, qrY + 38, { lineBreak: false });
  doc.text(c.verifyUrl, tx, qrY + 52, { lineBreak: false });

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** The QR code of `text` as filled squares, with the quiet zone inside `size`. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().fillColor('black');
  for (let r = 0; r < modules.size; r++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(r, col)) doc.rect(x + (col + quiet) * cell, y + (r + quiet) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill();
  doc.restore();
}
