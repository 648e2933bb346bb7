import type { ErrorCode } from '@hopso/shared';
import { withPdf, type PdfDocument } from './pdfjs';

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
}

/** `restricted`: encrypted with an owner password only (no password opens it): read here like any other. */
export type PdfInspection = { ok: true; pageCount: number; restricted: boolean } | { ok: false; code: ErrorCode; message: string };

/** The PDF spec lets a reader accept the header anywhere in the first 1024 bytes. */
const HEADER_WINDOW = 1024;

const MESSAGES = {
  notPdf: 'This file is not a PDF. Export the document as PDF and upload it again.',
  empty: 'This PDF has no pages. Check that you exported the right document and upload it again.',
  emptyFile: 'This file is empty (0 bytes). Check that you chose the right file and upload it again.',
  corrupt:
    'This PDF is damaged or incomplete and cannot be read. Open it on your computer to check it, save or export it as PDF again, and upload the new file.',
  encrypted: 'This PDF needs a password to open. Save a copy without an opening password and upload it again.',
  tooLarge: (bytes: number, max: number) =>
    `This file is ${size(bytes, 'up')}, larger than the ${size(max, 'down')} limit. Reduce its size (for example by exporting images at a lower resolution) or split it into several files, and upload it again.`,
  tooManyPages: (pages: number, max: number) =>
    `This PDF has ${pages} pages, more than the limit of ${max}. Split it into several files and upload them again.`,
} as const;

/**
 * Decides whether an upload is a PDF the council can use, by its content, never its name: what
 * pdf.js opens and whose pages it can read is accepted (a header after the first 1024 bytes or
 * none, a damaged page tree it repairs, restrictions set by an owner password); only what cannot be
 * read is refused. Cheap even for a 400-page file: it reads the cross-reference table and the page
 * objects, never page contents (a page whose objects are lost is marked at ingest). Never throws.
 */
export async function inspectPdf(data: Buffer, limits: PdfLimits): Promise<PdfInspection> {
  if (data.length > limits.maxBytes) return refuse('FILE_TOO_LARGE', MESSAGES.tooLarge(data.length, limits.maxBytes));
  if (data.length === 0) return refuse('FILE_EMPTY', MESSAGES.emptyFile);
  // Without a header in the window the spec gives, it is a PDF only if pdf.js reads it as one.
  const header = data.subarray(0, HEADER_WINDOW + 5).indexOf('%PDF-') >= 0;
  // No %%EOF at all: the file was cut off (an interrupted copy or download). Bytes after the last
  // %%EOF (padding a mail program or a scanner adds), however many, are ignored as pdf.js ignores them.
  if (data.lastIndexOf('%%EOF') < 0) return header ? refuse('FILE_CORRUPT', MESSAGES.corrupt) : refuse('FILE_NOT_PDF', MESSAGES.notPdf);

  try {
    const result = await withPdf(data, (doc) => inspectOpened(doc, limits));
    return !header && !result.ok && result.code === 'FILE_CORRUPT' ? refuse('FILE_NOT_PDF', MESSAGES.notPdf) : result;
  } catch (err) {
    if (err instanceof Error && err.name === 'PasswordException') return refuse('FILE_ENCRYPTED', MESSAGES.encrypted);
    return header ? refuse('FILE_CORRUPT', MESSAGES.corrupt) : refuse('FILE_NOT_PDF', MESSAGES.notPdf);
  }
}

async function inspectOpened(doc: PdfDocument, limits: PdfLimits): Promise<PdfInspection> {
  try {
    // Encrypted, yet open without a password: restricted by an owner password only (printing,
    // copying). Every delegate's reader opens, searches and quotes it here as any other file.
    const restricted = await isEncrypted(doc);
    const pageCount = doc.numPages;
    if (pageCount === 0) return refuse('FILE_EMPTY', MESSAGES.empty);
    if (pageCount > limits.maxPages) return refuse('FILE_TOO_MANY_PAGES', MESSAGES.tooManyPages(pageCount, limits.maxPages));
    // The page tree must lead to at least one real page; pages it loses (a kid pointing nowhere)
    // are kept as unreadable pages by the ingest.
    if (!(await someReadablePage(doc, pageCount))) return refuse('FILE_CORRUPT', MESSAGES.corrupt);
    return { ok: true, pageCount, restricted };
  } catch {
    return refuse('FILE_CORRUPT', MESSAGES.corrupt);
  }
}

async function someReadablePage(doc: PdfDocument, pageCount: number): Promise<boolean> {
  for (let n = 1; n <= pageCount; n++) {
    const page = await doc.getPage(n).catch(() => null);
    if (page) return true;
  }
  return false;
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
