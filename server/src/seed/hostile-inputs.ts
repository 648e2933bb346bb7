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

/** PDF filter names, as the encoders below write them. */
export type PdfFilter = 'FlateDecode' | 'LZWDecode' | 'ASCIIHexDecode' | 'ASCII85Decode' | 'RunLengthDecode';

/** The bits of PDF's LZW (9 to 12 bits a code, EarlyChange 1), with the decoder's one-code lag. */
class LzwWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private bits = 0;
  width = 9;
  next = 258;
  write(code: number): void {
    this.acc = (this.acc << this.width) | code;
    this.bits += this.width;
    while (this.bits >= 8) {
      this.out.push((this.acc >>> (this.bits - 8)) & 0xff);
      this.bits -= 8;
    }
    this.acc &= (1 << this.bits) - 1;
  }
  /** After a code that defined an entry: the decoder, one entry behind, widens at the same code. */
  added(): void {
    this.next++;
    if (this.next >= 4094) {
      this.write(256);
      this.next = 258;
      this.width = 9;
    } else if (this.next - 1 + 1 >= 1 << this.width && this.width < 12) this.width++;
  }
  end(): Buffer {
    this.write(257);
    if (this.bits) this.out.push((this.acc << (8 - this.bits)) & 0xff);
    return Buffer.from(this.out);
  }
}

function lzwEncode(data: Buffer): Buffer {
  const w = new LzwWriter();
  let table = new Map<string, number>();
  let cur = '';
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    const code = (s: string) => (s.length === 1 ? s.charCodeAt(0) : table.get(s)!);
    if (cur === '' || table.has(cur + c)) {
      cur += c;
      continue;
    }
    w.write(code(cur));
    table.set(cur + c, w.next);
    const before = w.next;
    w.added();
    if (w.next < before) table = new Map();
    cur = c;
  }
  if (cur) w.write(cur.length === 1 ? cur.charCodeAt(0) : table.get(cur)!);
  return w.end();
}

/** `size` copies of `byte` in LZW, written code by code (b, then 258, 259…: each one byte longer) without building the run. */
function lzwRun(byte: number, size: number): Buffer {
  const w = new LzwWriter();
  let left = size;
  let length = 1;
  // near the end, single bytes: the table's next entry would overshoot what is left
  let tail = false;
  while (left > 0) {
    tail ||= length > left;
    if (length === 1 || tail) {
      w.write(byte);
      left -= 1;
    } else {
      w.write(w.next - 1);
      left -= length;
    }
    const before = w.next;
    w.added();
    length = w.next < before ? 1 : length + 1;
  }
  return w.end();
}

function encodeOne(data: Buffer, filter: PdfFilter): Buffer {
  switch (filter) {
    case 'FlateDecode':
      return zlib.deflateSync(data, { level: 9 });
    case 'LZWDecode':
      return lzwEncode(data);
    case 'ASCIIHexDecode':
      return Buffer.from(data.toString('hex') + '>', 'latin1');
    case 'ASCII85Decode': {
      let s = '';
      for (let i = 0; i < data.length; i += 4) {
        const chunk = data.subarray(i, i + 4);
        const v = Buffer.concat([chunk, Buffer.alloc(4 - chunk.length)]).readUInt32BE(0);
        if (v === 0 && chunk.length === 4) {
          s += 'z';
          continue;
        }
        const digits: string[] = [];
        for (let k = 0, n = v; k < 5; k++, n = Math.floor(n / 85)) digits.unshift(String.fromCharCode(33 + (n % 85)));
        s += digits.slice(0, chunk.length + 1).join('');
      }
      return Buffer.from(s + '~>', 'latin1');
    }
    case 'RunLengthDecode': {
      const out: number[] = [];
      for (let i = 0; i < data.length; ) {
        let run = 1;
        while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
        if (run > 1) {
          out.push(257 - run, data[i]);
          i += run;
        } else {
          const start = i;
          while (i < data.length && i - start < 128 && (i + 1 >= data.length || data[i + 1] !== data[i])) i++;
          out.push(i - start - 1, ...data.subarray(start, i));
        }
      }
      out.push(128);
      return Buffer.from(out);
    }
  }
}

/** `data` encoded so that decoding through `filters`, in the order a PDF lists them, gives it back. */
export function encodeForFilters(data: Buffer, filters: PdfFilter[]): Buffer {
  return filters.reduceRight((d, f) => encodeOne(d, f), data);
}

/** A one-page PDF whose text is drawn by a content stream encoded through `filters`. */
export async function pdfWithFilteredText(text: string, filters: PdfFilter[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font.ref } }));
  const content = encodeForFilters(Buffer.from(`BT /F1 12 Tf 72 760 Td (${text}) Tj ET`, 'latin1'), filters);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: filters.length === 1 ? filters[0] : filters, Length: content.length }), content);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * A one-page PDF whose content stream decodes to `inflatedMb` MB of spaces through `filters`: an
 * LZW bomb alone, or a Flate or LZW bomb behind ASCII85, ASCIIHex or RunLength.
 */
export async function pdfWithFilterBomb(filters: PdfFilter[], inflatedMb: number): Promise<Buffer> {
  const size = inflatedMb * 1024 * 1024;
  const last = filters[filters.length - 1];
  const inner = last === 'LZWDecode' ? lzwRun(0x20, size) : last === 'FlateDecode' ? await deflatedRepeat(0x20, size, false) : null;
  if (!inner) throw new Error('the innermost filter of a bomb must be LZW or Flate');
  const content = encodeForFilters(inner, filters.slice(0, -1));
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: filters.length === 1 ? filters[0] : filters, Length: content.length }), content);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** One page that draws a form XObject of about `formKb` KB of text `draws` times: a few KB that cost `draws` × the form. */
export async function pdfWithRepeatedForm(draws = 400, formKb = 512): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = '(Phu luc: bang so lieu) Tj 0 -12 Td ';
  const body = `BT /F1 9 Tf 40 800 Td ${line.repeat(Math.ceil((formKb * 1024) / line.length))}ET`;
  const formData = zlib.deflateSync(Buffer.from(body, 'latin1'), { level: 9 });
  const form = doc.context.register(
    PDFRawStream.of(doc.context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: { Font: { F1: font.ref } }, Filter: 'FlateDecode', Length: formData.length }), formData),
  );
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font.ref }, XObject: { Fm1: form } }));
  const content = zlib.deflateSync(Buffer.from('q /Fm1 Do Q\n'.repeat(draws), 'latin1'));
  page.node.set(PDFName.of('Contents'), doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: content.length }), content)));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
