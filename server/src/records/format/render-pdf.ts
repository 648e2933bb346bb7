import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type AdminDocument, type Block, numberLine, PAGE, placeDateLine, QUOC_HIEU, recipientLines, SIZE, TIEU_NGU } from './admin-document';

/**
 * Liberation Serif (SIL OFL 1.1, bundled in server/fonts with its licence): metric-compatible with the
 * Times New Roman the decree asks for and the DOCX names, with every Vietnamese glyph.
 */
const FONT_DIR = join(dirname(require.resolve('@hopso/server/package.json')), 'fonts', 'liberation-serif');
export const SERIF = {
  regular: join(FONT_DIR, 'LiberationSerif-Regular.ttf'),
  bold: join(FONT_DIR, 'LiberationSerif-Bold.ttf'),
  italic: join(FONT_DIR, 'LiberationSerif-Italic.ttf'),
  boldItalic: join(FONT_DIR, 'LiberationSerif-BoldItalic.ttf'),
} as const;

const MM = 72 / 25.4;
const M = { top: PAGE.marginMm.top * MM, bottom: PAGE.marginMm.bottom * MM, left: PAGE.marginMm.left * MM, right: PAGE.marginMm.right * MM };
const LEFT_SHARE = 0.4;

type Doc = InstanceType<typeof PDFDocument>;
type Face = keyof typeof SERIF;
const face = (b?: boolean, i?: boolean): Face => (b && i ? 'boldItalic' : b ? 'bold' : i ? 'italic' : 'regular');

/** Centred lines in a column starting at y; returns the y below them. */
function column(doc: Doc, x: number, width: number, y: number, lines: { text: string; font: Face; size: number; rule?: 'text' | 'third' }[]): number {
  let at = y;
  for (const l of lines) {
    doc.font(l.font).fontSize(l.size);
    const h = doc.heightOfString(l.text || ' ', { width });
    if (l.text) doc.text(l.text, x, at, { width, align: 'center' });
    at += h;
    if (l.rule) {
      const w = l.rule === 'text' ? Math.min(width, doc.widthOfString(l.text)) : width / 3;
      doc.moveTo(x + (width - w) / 2, at + 1).lineTo(x + (width + w) / 2, at + 1).lineWidth(0.6).stroke();
      at += 4;
    }
  }
  return at;
}

function header(doc: Doc, d: AdminDocument, content: number): void {
  const lw = content * LEFT_SHARE;
  const rx = M.left + lw;
  const rw = content - lw;
  const leftEnd = column(doc, M.left, lw, M.top, [
    ...(d.issuer.parent ? [{ text: d.issuer.parent.toUpperCase(), font: 'regular' as const, size: SIZE.header }] : []),
    { text: d.issuer.name.toUpperCase(), font: 'bold', size: SIZE.header, rule: 'third' },
  ]);
  const rightEnd = column(doc, rx, rw, M.top, [
    { text: QUOC_HIEU, font: 'bold', size: SIZE.header },
    { text: TIEU_NGU, font: 'bold', size: SIZE.body, rule: 'text' },
  ]);
  const y = Math.max(leftEnd, rightEnd) + 6;
  const end = Math.max(column(doc, M.left, lw, y, [{ text: numberLine(d.number), font: 'regular', size: SIZE.header }]), column(doc, rx, rw, y, [{ text: placeDateLine(d), font: 'italic', size: SIZE.body }]));
  doc.x = M.left;
  doc.y = end + 18;
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>, content: number): void {
  const widths = b.widths ?? b.columns.map(() => 1);
  const sum = widths.reduce((a, n) => a + n, 0);
  doc.font('regular').fontSize(SIZE.table);
  doc.table({
    position: { x: M.left, y: doc.y },
    maxWidth: content,
    columnStyles: widths.map((w) => ({ width: (content * w) / sum })),
    defaultStyle: { border: 0.5, padding: [2, 3, 2, 3] },
    data: [b.columns.map((c) => ({ text: c, font: { src: SERIF.bold, size: SIZE.table }, align: { x: 'center' as const, y: 'center' as const }, type: 'TH' as const })), ...b.rows.map((r) => r.map((c) => ({ text: c, font: { src: SERIF.regular, size: SIZE.table } })))],
  });
  doc.x = M.left;
  doc.moveDown(0.5);
}

function body(doc: Doc, blocks: Block[], content: number): void {
  for (const b of blocks) {
    if (b.kind === 'heading') {
      if (doc.y > doc.page.height - M.bottom - 60) doc.addPage();
      doc.font('bold').fontSize(SIZE.body).text(b.text, M.left, doc.y, { width: content, indent: b.level === 2 ? 28 : 0, paragraphGap: 4 });
    } else if (b.kind === 'paragraph') {
      const runs = b.runs.length ? b.runs : [{ text: '' }];
      runs.forEach((r, i) => {
        doc.font(face(r.bold, r.italic)).fontSize(SIZE.body);
        const last = i === runs.length - 1;
        const opts = { width: content, align: b.align === 'center' ? ('center' as const) : ('justify' as const), indent: 28, paragraphGap: last ? 6 : 0, continued: !last, lineGap: 1 };
        if (i === 0) doc.text(r.text, M.left, doc.y, opts);
        else doc.text(r.text, opts);
      });
    } else table(doc, b, content);
  }
}

function signerLines(s: AdminDocument['signers'][number]) {
  return [
    ...(s.authority ? [{ text: s.authority, font: 'bold' as const, size: SIZE.body }] : []),
    { text: s.position, font: 'bold' as const, size: SIZE.body },
    { text: '', font: 'regular' as const, size: SIZE.body },
    { text: '', font: 'regular' as const, size: SIZE.body },
    { text: '', font: 'regular' as const, size: SIZE.body },
    { text: s.name, font: 'bold' as const, size: SIZE.body },
  ];
}

function recipients(doc: Doc, d: AdminDocument, x: number, width: number, y: number): number {
  if (!d.recipients.length) return y;
  doc.font('boldItalic').fontSize(SIZE.recipientsHead).text('Nơi nhận:', x, y, { width });
  doc.font('regular').fontSize(SIZE.recipients);
  for (const l of recipientLines(d.recipients)) doc.text(l, x, doc.y, { width });
  return doc.y;
}

function closing(doc: Doc, d: AdminDocument, content: number): void {
  if (doc.y > doc.page.height - M.bottom - 150) doc.addPage();
  const y = doc.y + 12;
  if (d.signers.length >= 2) {
    const half = content / 2;
    const end = Math.max(column(doc, M.left, half, y, signerLines(d.signers[0])), column(doc, M.left + half, half, y, signerLines(d.signers[1])));
    recipients(doc, d, M.left, content, end + 12);
    return;
  }
  const lw = content * LEFT_SHARE;
  recipients(doc, d, M.left, lw, y);
  if (d.signers.length) column(doc, M.left + lw, content - lw, y, signerLines(d.signers[0]));
}

/**
 * The document as a PDF: A4, the decree's margins, the serif font embedded; the text stays selectable
 * (and readable by pdftotext) in reading order: header, type and summary, body, signature, Nơi nhận.
 */
export function renderPdf(d: AdminDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: M, info: { Title: `${d.type} ${d.summary}`, Author: d.issuer.name }, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const [name, file] of Object.entries(SERIF)) doc.registerFont(name, file);
    const content = doc.page.width - M.left - M.right;
    header(doc, d, content);
    doc.font('bold').fontSize(SIZE.body).text(d.type.toUpperCase(), M.left, doc.y, { width: content, align: 'center' });
    doc.text(d.summary, { width: content, align: 'center' });
    const ruleW = content / 4;
    doc.moveTo(M.left + (content - ruleW) / 2, doc.y + 2).lineTo(M.left + (content + ruleW) / 2, doc.y + 2).lineWidth(0.6).stroke();
    doc.y += 14;
    body(doc, d.body, content);
    closing(doc, d, content);
    // page numbers from page 2, centred in the top margin (the decree's place for them)
    const range = doc.bufferedPageRange();
    for (let i = 1; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc.font('regular').fontSize(SIZE.header).text(String(i + 1), M.left, M.top / 2, { width: content, align: 'center', lineBreak: false });
    }
    doc.end();
  });
}
