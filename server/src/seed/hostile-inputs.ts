import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { renderPdf } from './demo-pdfs';
import { zipArchive } from './zip-archive';

/**
 * Files that cost a naive server far more than their size, for tests and benchmarks: each is
 * small, deterministic, and built without holding its inflated content in memory.
 */

/** A real PDF whose extracted text holds U+0000 (PostgreSQL text cannot store it). */
export function pdfWithNulText(): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      doc.text('Điều 1. Phê chuẩn\u0000 dự toán ngân sách xã năm 2027.');
      doc.moveDown();
      doc.text('Điều 2. Giao\u0000\u0000 Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.');
    },
    { title: 'Nghị quyết có ký tự rỗng' },
  );
}

/** zlib-deflated `byte` repeated `size` times, fed in 1 MiB chunks so the input is never held whole. */
async function deflatedRepeat(byte: number, size: number, raw: boolean): Promise<Buffer> {
  const deflate = raw ? zlib.createDeflateRaw({ level: 9 }) : zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024, byte);
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!deflate.write(part)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A one-page PDF of a few hundred KB whose content stream inflates to `inflatedMb` MB (of spaces: valid content). */
export async function pdfWithInflateBomb(inflatedMb = 400): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Bao cao tong hop', { x: 72, y: 760, size: 14, font });
  const bomb = await deflatedRepeat(0x20, inflatedMb * 1024 * 1024, false);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: bomb.length }), bomb);
  const contents = page.node.get(PDFName.of('Contents'));
  page.node.set(PDFName.of('Contents'), doc.context.obj([contents!, doc.context.register(stream)]));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * A PDF of `pages` pages that all draw one shared content stream of about `streamKb` KB of
 * text: small on disk, but each page costs a full parse of the stream.
 */
export async function pdfWithSharedContentStream(pages = 300, streamKb = 1024): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = '(Dieu khoan thi hanh: Nghi quyet nay co hieu luc ke tu ngay ky.) Tj 0 -12 Td ';
  const ops = ['BT /F1 9 Tf 40 800 Td'];
  let size = 0;
  for (let i = 0; size < streamKb * 1024; i++) {
    const op = i % 60 === 59 ? `${line}ET BT /F1 9 Tf 40 800 Td ` : line;
    ops.push(op);
    size += op.length;
  }
  ops.push('ET');
  const content = zlib.deflateSync(Buffer.from(ops.join('\n'), 'latin1'), { level: 9 });
  const shared = doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: content.length }), content));
  const resources = doc.context.obj({ Font: { F1: font.ref } });
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.node.set(PDFName.of('Contents'), shared);
    page.node.set(PDFName.of('Resources'), resources);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const XLSX_PARTS = (sheetName = 'Danh sách') => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A delegate list of a few KB, `people` rows, with one more cell far right, at column XFD (the last one Excel has). */
export function xlsxWithFarCell(people = 100): Buffer {
  const rows = Array.from(
    { length: people },
    (_, i) => `<row r="${i + 2}">${inlineCell(`A${i + 2}`, `Đại biểu số ${i + 1}`)}${inlineCell(`B${i + 2}`, `09871${String(i).padStart(5, '0')}`)}</row>`,
  );
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    `<row r="1">${inlineCell('A1', 'Họ và tên')}${inlineCell('B1', 'Số điện thoại')}${inlineCell('XFD1', 'x')}</row>` +
    rows.join('') +
    '</sheetData></worksheet>';
  return zipArchive([...XLSX_PARTS(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet), deflate: true }]);
}

/** A few hundred KB of .xlsx whose sheet inflates to `inflatedMb` MB (a header row, then whitespace). */
export async function xlsxWithInflateBomb(inflatedMb = 300): Promise<Buffer> {
  const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inlineCell('A1', 'Họ và tên')}${inlineCell('B1', 'Số điện thoại')}</row>`;
  // whitespace between elements is valid XML; the closing tags never come, as inflating stops first
  const size = inflatedMb * 1024 * 1024;
  const deflated = Buffer.concat([zlib.deflateRawSync(Buffer.from(head), { finishFlush: zlib.constants.Z_SYNC_FLUSH }), await deflatedRepeat(0x20, size, true)]);
  return zipArchive([...XLSX_PARTS(), { name: 'xl/worksheets/sheet1.xml', deflated, size: Buffer.byteLength(head) + size }]);
}

/** A CSV delegate list whose second data row holds U+0000. */
export function csvWithNul(): Buffer {
  return Buffer.from(['Họ và tên,Số điện thoại,Vai trò', 'Đinh Văn Một,0987222001,đại biểu', 'Đinh\u0000 Văn Hai,0987222002,đại biểu'].join('\n'));
}
