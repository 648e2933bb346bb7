import type { ErrorCode } from '@hopso/shared';
import { corruptPdf, emptyPdf, encryptedPdf, notAPdf, ownerRestrictedPdf, pdfWithDamagedPage, pdfWithEarlyEof, pdfWithLateHeader, pdfWithLostLastPage, pdfWithoutHeader, pdfWithPages, truncatedPdf } from '../../../../fixtures';
import { inspectPdf, type PdfLimits } from './inspect-pdf';

const LIMITS: PdfLimits = { maxBytes: 10 * 1024 * 1024, maxPages: 30 };

async function refusal(data: Buffer, limits = LIMITS): Promise<{ code: ErrorCode; message: string }> {
  const result = await inspectPdf(data, limits);
  if (result.ok) throw new Error(`accepted, ${result.pageCount} pages`);
  return { code: result.code, message: result.message };
}

describe('inspectPdf', () => {
  it('accepts a valid PDF and counts its pages', async () => {
    expect(await inspectPdf(await pdfWithPages(3), LIMITS)).toEqual({ ok: true, pageCount: 3, restricted: false });
  });

  it('accepts a PDF with junk before its header, as the PDF spec allows', async () => {
    const pdf = Buffer.concat([Buffer.from('Content-Type: application/pdf\r\n\r\n'), await pdfWithPages(1)]);
    expect(await inspectPdf(pdf, LIMITS)).toEqual({ ok: true, pageCount: 1, restricted: false });
  });

  it.each([
    ['a Word document', notAPdf('docx')],
    ['a PNG image', notAPdf('png')],
    ['plain text mentioning %PDF- too late', Buffer.concat([Buffer.alloc(2048, 'x'), Buffer.from('%PDF-1.7\n%%EOF\n')])],
  ])('refuses %s as not a PDF, whatever its name', async (_name, data) => {
    const r = await refusal(data);
    expect(r.code).toBe('FILE_NOT_PDF');
    expect(r.message).toBe('This file is not a PDF. Export the document as PDF and upload it again.');
  });

  it('accepts a complete PDF followed by bytes after its %%EOF, as pdf.js opens it', async () => {
    const pdf = Buffer.concat([await pdfWithPages(2), Buffer.alloc(4096, 0), Buffer.from('\r\n-- end of attachment --\r\n')]);
    expect(await inspectPdf(pdf, LIMITS)).toEqual({ ok: true, pageCount: 2, restricted: false });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const r = await refusal(pdf, { maxBytes: 1024 * 1024, maxPages: 30 });
    expect(r.code).toBe('FILE_TOO_LARGE');
    expect(r.message).toMatch(/^This file is 1\.1 MB, larger than the 1 MB limit\./u);
  });

  it('refuses a truncated PDF as damaged', async () => {
    const r = await refusal(await truncatedPdf());
    expect(r.code).toBe('FILE_CORRUPT');
    expect(r.message).toMatch(/damaged or incomplete/u);
  });

  it('refuses a PDF whose body is garbage as damaged', async () => {
    expect((await refusal(corruptPdf())).code).toBe('FILE_CORRUPT');
  });

  it('refuses a PDF that needs a password to open', async () => {
    const r = await refusal(await encryptedPdf('user-password'));
    expect(r.code).toBe('FILE_ENCRYPTED');
    expect(r.message).toBe('This PDF needs a password to open. Save a copy without an opening password and upload it again.');
  });

  it('accepts a PDF restricted only by an owner password (it opens without one), and says so', async () => {
    expect(await inspectPdf(await ownerRestrictedPdf(), LIMITS)).toEqual({ ok: true, pageCount: 1, restricted: true });
  });

  it.each([
    ['without a %PDF- header', () => pdfWithoutHeader(2)],
    ['with its header after 2,000 other bytes', () => pdfWithLateHeader(2)],
    ['with its %%EOF 3,000 bytes before the end', () => pdfWithEarlyEof(2)],
  ])('accepts a PDF %s, as pdf.js reads it', async (_name, make) => {
    expect(await inspectPdf(await make(), LIMITS)).toEqual({ ok: true, pageCount: 2, restricted: false });
  });

  it('accepts a PDF whose page tree lost its last page, the others readable (the ingest marks the lost one)', async () => {
    expect(await inspectPdf(await pdfWithLostLastPage(3), LIMITS)).toEqual({ ok: true, pageCount: 3, restricted: false });
  });

  it('accepts a PDF with one damaged content stream: the check never reads page contents', async () => {
    expect(await inspectPdf(await pdfWithDamagedPage(3, 2), LIMITS)).toEqual({ ok: true, pageCount: 3, restricted: false });
  });

  it('refuses a PDF without pages', async () => {
    const r = await refusal(emptyPdf());
    expect(r.code).toBe('FILE_EMPTY');
    expect(r.message).toMatch(/no pages/u);
  });

  it('refuses a zero-byte file as empty', async () => {
    expect((await refusal(Buffer.alloc(0))).code).toBe('FILE_EMPTY');
  });

  it('refuses a PDF over the page limit, naming the limit', async () => {
    const r = await refusal(await pdfWithPages(31));
    expect(r.code).toBe('FILE_TOO_MANY_PAGES');
    expect(r.message).toBe('This PDF has 31 pages, more than the limit of 30. Split it into several files and upload them again.');
  });

  it.each([
    ['a bare header', Buffer.from('%PDF-')],
    ['a header and %%EOF only', Buffer.from('%PDF-1.7\n%%EOF\n')],
    ['a trailer pointing nowhere', Buffer.from('%PDF-1.4\ntrailer\n<< /Root 9 0 R /Size 10 >>\nstartxref\n999999\n%%EOF\n')],
    ['a page tree without pages objects', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 3 >>\n%%EOF\n')],
  ])('never throws, even for %s', async (_name, data) => {
    const result = await inspectPdf(data, LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['FILE_CORRUPT', 'FILE_EMPTY']).toContain(result.code);
  });

  it('leaves the caller’s buffer usable', async () => {
    const pdf = await pdfWithPages(1);
    const copy = Buffer.from(pdf);
    await inspectPdf(pdf, LIMITS);
    expect(pdf.equals(copy)).toBe(true);
  });
});
