import { z } from './zod';
import type { ErrorCode } from './errors';
import type { PdfSignatureInfo } from './signatures';
import type { TableCell } from './table-cells';

export const VERSION_STATUSES = ['pending', 'processing', 'ready', 'failed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export interface DocumentVersionInfo {
  id: string;
  versionNo: number;
  fileName: string;
  sizeBytes: number;
  pageCount: number;
  status: VersionStatus;
  /** 0–100 while ingesting. */
  progress: number;
  failureReason: string | null;
  /** Why the ingest failed, for the client's own message in the reader's language. */
  failureCode: ErrorCode | null;
  /** Width and height of each page in PDF units, index 0 = page 1 (empty until ingested). */
  pageSizes: [number, number][];
  createdAt: string;
  /** The PDF's digital signatures as hopso checked them at ingest ([] when unsigned); absent until checked (in the document's detail only). */
  signatures?: PdfSignatureInfo[];
  /** Pages that were images without text (a scan) and what text recognition made of them; null when every page has text. */
  scan: ScanInfo | null;
  /** 1-based pages that could not be read (a damaged stream): no paragraphs there, the viewer says so on the page. */
  damagedPages: number[];
  /** The file carries owner-password restrictions (printing, copying); they do not apply to reading it here. */
  restricted: boolean;
}

/**
 * A version's scanned pages: `recognising` while OCR runs ("Đang nhận dạng chữ, trang 3/12": `pagesDone` + 1 of `pages`),
 * `recognised` once they carry a text layer, `unrecognised` ("bản quét, chưa nhận dạng chữ") with the reason in `code`.
 */
export interface ScanInfo {
  pages: number;
  pagesDone: number;
  state: ScanState;
  code: ErrorCode | null;
}
export const SCAN_STATES = ['recognising', 'recognised', 'unrecognised'] as const;
export type ScanState = (typeof SCAN_STATES)[number];

export interface DocumentSummary {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  createdAt: string;
  currentVersion: DocumentVersionInfo;
  /**
   * Staff only: when the newest version (`currentVersion` for staff) is not ready (being read, or failed
   * with its reason), the newest ready one, which delegates get as their `currentVersion` meanwhile.
   */
  readableVersion?: DocumentVersionInfo | null;
  /** draft: the secretariat and the chair only; released: delegates too, from `releaseAt` (or the meeting's release time). */
  state: DocumentState;
  /** The document's own release time; null: the meeting's. It never comes before the meeting's. */
  releaseAt: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  versions: DocumentVersionInfo[];
}

/** A rectangle in PDF units (origin bottom-left of the page, as in PDF user space). */
export interface PdfRect {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Paragraph {
  id: string;
  versionId: string;
  /** 0-based order in the document. */
  index: number;
  /** 1-based page number. */
  page: number;
  text: string;
  rects: PdfRect[];
  /** sha256 hex of the normalised text (NFC, collapsed whitespace, lower case). */
  textHash: string;
  /** Its place in a legal text ("Điều 2, khoản 1, điểm a", "Chương I", "Phần đầu văn bản"); null when the document has no such structure. */
  label: string | null;
  kind: ParagraphKind;
  /**
   * A row of a table (kind 'table'): its cells, left to right, a cell merged over several columns or
   * rows with its spans (table-cells.ts; the paragraph's text is the non-empty cells' texts joined by
   * single spaces). Null for any other paragraph, and for a row of a table whose grid the ingest could
   * not read (the reading view shows that table as the region of its page).
   */
  cells: TableCell[] | null;
}

/**
 * What a paragraph is, for the reading view: the header block, a heading (Phần, Chương, Mục, Điều),
 * body text, the closing (signature, Nơi nhận) or a row of a table.
 */
export type ParagraphKind = 'header' | 'heading' | 'body' | 'closing' | 'table';

/** How a paragraph is named to people: its structural label, or "Đoạn n, trang p" where the document has none. */
export function paragraphName(p: { index: number; page: number; label: string | null }): string {
  return p.label ?? `Đoạn ${p.index + 1}, trang ${p.page}`;
}

/** Multipart field names of the upload endpoints. */
export const UPLOAD_FIELD = 'files';
export const DEFAULT_MAX_UPLOAD_MB = 100;
export const DEFAULT_MAX_PAGES = 2000;

export interface UploadResult {
  documents: DocumentSummary[];
}

/** A document's own state: a draft until the secretariat releases it. */
export const DOCUMENT_STATES = ['draft', 'released'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** POST /documents/:id/release: now (the meeting's release time) or at a time of its own. */
export const releaseDocumentRequest = z.object({
  releaseAt: z.string().datetime({ offset: true, message: 'Enter a date and time' }).nullable().optional(),
});
export type ReleaseDocumentRequest = z.infer<typeof releaseDocumentRequest>;

/** When delegates may read a released document: its own time or the meeting's, whichever is later. */
export function documentReleaseTime(doc: { releaseAt: string | null }, meetingReleaseAt: string): string {
  if (!doc.releaseAt) return meetingReleaseAt;
  return Date.parse(doc.releaseAt) > Date.parse(meetingReleaseAt) ? doc.releaseAt : meetingReleaseAt;
}
