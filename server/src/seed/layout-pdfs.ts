import { renderPdf } from './demo-pdfs';

/**
 * Generated PDFs for the layout cases of paragraph extraction: running headers, footers and page
 * numbers in their usual shapes, and a ruled table. Deterministic, so tests assert exact texts.
 */

type Doc = PDFKit.PDFDocument;

export type PageNumberShape = 'arabic' | 'roman' | 'trang' | 'dashed' | 'of';

export interface RunningPagesOptions {
  /** How each page's number is printed at the foot of the page. */
  numbers: PageNumberShape;
  /** A running header printed at the top of every page. */
  header?: string;
  /** A running footer printed at the foot of every page, left of the number. */
  footer?: string;
}

const LEFT = 85;
const RIGHT_MARGIN = 57;

export function pageNumberText(shape: PageNumberShape, page: number, pages: number): string {
  switch (shape) {
    case 'arabic':
      return String(page);
    case 'roman':
      return toRoman(page).toLowerCase();
    case 'trang':
      return `Trang ${page}`;
    case 'dashed':
      return `- ${page} -`;
    case 'of':
      return `${page}/${pages}`;
  }
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** Paragraphs flowing over as many pages as they need, or (a string) a page holding only that text, in the middle. */
export type RunningSection = readonly string[] | string;

/**
 * Body paragraphs flowing over as many pages as they need (justified, first-line indent) and divider
 * pages, each page then given its running header, footer and number in the margins.
 */
export function buildRunningPagesPdf(sections: readonly RunningSection[], opts: RunningPagesOptions): Promise<Buffer> {
  return renderPdf((doc) => {
    sections.forEach((section, i) => {
      if (i > 0) doc.addPage();
      if (typeof section === 'string') {
        doc.font('bold').fontSize(28).text(section, LEFT, 400, { width: doc.page.width - LEFT - RIGHT_MARGIN, align: 'center' });
        return;
      }
      doc.font('regular').fontSize(12);
      for (const text of section) doc.text(text, { align: 'justify', indent: 28, lineGap: 2, paragraphGap: 5 });
    });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      drawFurniture(doc, i + 1, range.count, opts);
    }
  });
}

function drawFurniture(doc: Doc, page: number, pages: number, opts: RunningPagesOptions): void {
  const width = doc.page.width - LEFT - RIGHT_MARGIN;
  // margins aside while drawing in them, or pdfkit starts a new page
  const margins = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  doc.font('italic').fontSize(9);
  if (opts.header) doc.text(opts.header, LEFT, 28, { width, align: 'center', lineBreak: false });
  const y = doc.page.height - 36;
  if (opts.footer) doc.text(opts.footer, LEFT, y, { lineBreak: false });
  doc.font('regular').fontSize(10);
  doc.text(pageNumberText(opts.numbers, page, pages), LEFT, y, { width, align: opts.footer ? 'right' : 'center', lineBreak: false });
  doc.page.margins = margins;
}

/** A ruled table of `rows` (the first is the header row) under a heading, with a paragraph after it. */
export function buildRuledTablePdf(heading: string, rows: readonly (readonly string[])[], after: string, widths: readonly number[]): Promise<Buffer> {
  return renderPdf((doc) => {
    doc.font('bold').fontSize(12).text(heading, LEFT, 80);
    const top = 110;
    const rowHeight = 22;
    let x = LEFT;
    const xs = [x];
    for (const w of widths) xs.push((x += w));
    rows.forEach((row, r) => {
      const y = top + r * rowHeight;
      row.forEach((cell, c) => {
        doc.font(r === 0 ? 'bold' : 'regular').fontSize(11).text(cell, xs[c] + 4, y + 6, { width: widths[c] - 8, lineBreak: false });
      });
    });
    // the rules: every row's top and the bottom, every column's sides
    doc.lineWidth(0.75);
    for (let r = 0; r <= rows.length; r++) doc.moveTo(xs[0], top + r * rowHeight).lineTo(xs[xs.length - 1], top + r * rowHeight).stroke();
    for (const cx of xs) doc.moveTo(cx, top).lineTo(cx, top + rows.length * rowHeight).stroke();
    doc.font('regular').fontSize(12).text(after, LEFT, top + rows.length * rowHeight + 24, { width: doc.page.width - LEFT - RIGHT_MARGIN, align: 'justify' });
  });
}

/** A commune's budget table: the header row, then one row per item, numbers right of the labels. */
export const TABLE_HEADING = 'Bảng 1. Dự toán thu ngân sách xã năm 2027';
export const TABLE_ROWS: readonly (readonly string[])[] = [
  ['STT', 'Nội dung thu', 'Dự toán 2026', 'Dự toán 2027'],
  ['1', 'Thu thuế, phí và lệ phí', '1.250', '1.380'],
  ['2', 'Thu từ quỹ đất công ích', '820', '910'],
  ['3', 'Thu bổ sung từ ngân sách cấp trên', '6.450', '6.720'],
  ['4', 'Tổng thu ngân sách xã', '8.520', '9.010'],
];
export const TABLE_WIDTHS: readonly number[] = [40, 215, 99, 99];
export const TABLE_AFTER =
  'Đơn vị tính: triệu đồng. Dự toán thu năm 2027 được xây dựng trên cơ sở kết quả thực hiện năm 2026 và các nguồn thu dự kiến phát sinh trên địa bàn xã.';
