import type { ErrorCode } from '@hopso/shared';
import { withPdf, type PdfDocument } from './pdfjs';

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
}

export type PdfInspection = { ok: true; pageCount: number } | { ok: false; code: ErrorCode; message: string };

/** The PDF spec lets a reader accept the header anywhere in the first 1024 bytes. */
const HEADER_WINDOW = 1024;

const MESSAGES = {
  notPdf: 'This file is not a PDF. Export the document as PDF and upload it again.',
  empty: 'This PDF has no pages. Check that you exported the right document and upload it again.',
  emptyFile: 'This file is empty (0 bytes). Check that you chose the right file and upload it again.',
  corrupt:
    'This PDF is damaged or incomplete and cannot be read. Open it on your computer to check it, save or export it as PDF again, and upload the new file.',
  encrypted:
    'This PDF is protected with a password or usage restrictions. Save a copy without any password or restrictions and upload it again.',
  tooLarge: (bytes: number, max: number) =>
    `This file is ${size(bytes, 'up')}, larger than the ${size(max, 'down')} limit. Reduce its size (for example by exporting images at a lower resolution) or split it into several files, and upload it again.`,
  tooManyPages: (pages: number, max: number) =>
    `This PDF has ${pages} pages, more than the limit of ${max}. Split it into several files and upload them again.`,
} as const;

/**
 * Decides whether an upload is a PDF the council can use, by its content, never
 * its name: size, header, trailer, encryption, readability and page count. Cheap
 * even for a 400-page file: it reads the cross-reference table and the first and
 * last page objects, never page contents. Never throws.
 */
export async function inspectPdf(data: Buffer, limits: PdfLimits): Promise<PdfInspection> {
  if (data.length > limits.maxBytes) return refuse('FILE_TOO_LARGE', MESSAGES.tooLarge(data.length, limits.maxBytes));
  if (data.length === 0) return refuse('FILE_EMPTY', MESSAGES.emptyFile);
  if (data.subarray(0, HEADER_WINDOW + 5).indexOf('%PDF-') < 0) return refuse('FILE_NOT_PDF', MESSAGES.notPdf);
  // No %%EOF at all: the file was cut off (an interrupted copy or download). Bytes after the last
  // %%EOF (padding a mail program or a scanner adds) are ignored as pdf.js ignores them.
  if (data.lastIndexOf('%%EOF') < 0) return refuse('FILE_CORRUPT', MESSAGES.corrupt);

  try {
    return await withPdf(data, (doc) => inspectOpened(doc, limits));
  } catch (err) {
    if (err instanceof Error && err.name === 'PasswordException') return refuse('FILE_ENCRYPTED', MESSAGES.encrypted);
    return refuse('FILE_CORRUPT', MESSAGES.corrupt);
  }
}

async function inspectOpened(doc: PdfDocument, limits: PdfLimits): Promise<PdfInspection> {
  try {
    // A PDF that opens with an empty user password is still encrypted (an owner
    // password restricting copying or printing): refused too, so that every
    // delegate's reader can open, search and quote it.
    if (await isEncrypted(doc)) return refuse('FILE_ENCRYPTED', MESSAGES.encrypted);
    const pageCount = doc.numPages;
    if (pageCount === 0) return refuse('FILE_EMPTY', MESSAGES.empty);
    if (pageCount > limits.maxPages) return refuse('FILE_TOO_MANY_PAGES', MESSAGES.tooManyPages(pageCount, limits.maxPages));
    // The page tree must lead to real pages; a broken tree fails here.
    await doc.getPage(1);
    if (pageCount > 1) await doc.getPage(pageCount);
    return { ok: true, pageCount };
  } catch {
    return refuse('FILE_CORRUPT', MESSAGES.corrupt);
  }
}

async function isEncrypted(doc: PdfDocument): Promise<boolean> {
  // pdf.js reports the /Encrypt dictionary of the trailer two ways: its filter
  // name in the document info, and its /P permission flags.
  const { info } = await doc.getMetadata();
  if (typeof info === 'object' && info !== null && 'EncryptFilterName' in info && info.EncryptFilterName) return true;
  return (await doc.getPermissions()) !== null;
}

function refuse(code: ErrorCode, message: string): PdfInspection {
  return { ok: false, code, message };
}

/**
 * "12.5 MB" / "800 KB", one decimal, rounded up for the file and down for the
 * limit, so a file just over never reads as equal to the limit.
 */
function size(bytes: number, round: 'up' | 'down'): string {
  const r = round === 'up' ? Math.ceil : Math.floor;
  if (bytes >= 1024 * 1024) return `${r((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${r((bytes / 1024) * 10) / 10} KB`;
}
