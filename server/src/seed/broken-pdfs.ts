import { buildDraftResolutionPdf, DEMO_COUNCIL_NAME, renderPdf } from './demo-pdfs';
import { zipArchive } from './zip-archive';

/**
 * Files an upload must refuse, and plain valid PDFs of a chosen length, for
 * tests. Deterministic, like the demo documents.
 */

const SAMPLE_RESOLUTION = {
  title: 'Về dự toán ngân sách xã năm 2027',
  councilName: DEMO_COUNCIL_NAME,
  articles: [
    { heading: 'Phê chuẩn dự toán ngân sách xã năm 2027', clauses: ['1. Tổng thu ngân sách nhà nước trên địa bàn xã: 16.000 triệu đồng.'] },
    { heading: 'Tổ chức thực hiện', clauses: ['Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.'] },
  ],
};

/**
 * Something that is not a PDF, whatever name it is uploaded under: by default
 * a Word document (a DOCX is a zip), the commonest mistake; or a PNG image.
 */
export function notAPdf(kind: 'docx' | 'png' = 'docx'): Buffer {
  if (kind === 'png') return Buffer.from(PNG_1X1, 'base64');
  return storedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'word/document.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Dự thảo Nghị quyết</w:t></w:r></w:p></w:body></w:document>',
    },
  ]);
}

/** A real PDF cut in half, as an interrupted copy or download leaves it: no trailer, no %%EOF. */
export async function truncatedPdf(): Promise<Buffer> {
  const pdf = await buildDraftResolutionPdf(SAMPLE_RESOLUTION);
  return Buffer.from(pdf.subarray(0, Math.floor(pdf.length / 2)));
}

/** A valid header and %%EOF around bytes that are not PDF objects at all. */
export function corruptPdf(): Buffer {
  const body = Buffer.alloc(8 * 1024);
  let a = 0x2f6b3a1d;
  for (let i = 0; i < body.length; i++) {
    // xorshift32: deterministic noise
    a ^= a << 13;
    a ^= a >>> 17;
    a ^= a << 5;
    body[i] = a & 0xff;
  }
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), body, Buffer.from('\nstartxref\n123456\n%%EOF\n', 'latin1')]);
}

/**
 * An encrypted PDF. `user-password` needs a password to open at all;
 * `owner-password` opens without one but restricts printing and copying —
 * still refused, so that every delegate's reader can open and quote it.
 */
export function encryptedPdf(kind: 'user-password' | 'owner-password' = 'user-password'): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      doc.text('Tài liệu mật: dự thảo Nghị quyết về dự toán ngân sách xã năm 2027.', { align: 'left' });
    },
    kind === 'user-password' ? { userPassword: 'hopso-user', ownerPassword: 'hopso-owner' } : { ownerPassword: 'hopso-owner' },
  );
}

/**
 * A syntactically valid PDF whose page tree has no pages. pdfkit always writes
 * at least one page, so this is written by hand, with a correct xref table.
 */
export function emptyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A valid PDF of `pages` pages, each with a heading and a short paragraph of Vietnamese text. */
export function pdfWithPages(pages: number): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      for (let i = 1; i <= pages; i++) {
        if (i > 1) doc.addPage();
        doc.font('bold').text(`Phụ lục trang ${i}/${pages}`, { align: 'center' });
        doc.moveDown();
        doc
          .font('regular')
          .text(
            `Nội dung trang ${i}: danh mục các công trình, dự án đầu tư công trên địa bàn xã, kèm theo tiến độ thực hiện và kế hoạch vốn năm 2027.`,
            { align: 'justify' },
          );
      }
    },
    { title: `Phụ lục ${pages} trang` },
  );
}

/** The smallest valid PNG: one transparent pixel. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A zip archive with uncompressed entries: enough for a file that "is" a DOCX by content. */
const storedZip = (entries: { name: string; data: string }[]) => zipArchive(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data, 'utf8') })));
