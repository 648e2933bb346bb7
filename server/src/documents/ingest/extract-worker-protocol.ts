import type { ExtractedParagraph } from './extract-paragraphs';
import type { PdfInspection, PdfLimits } from './inspect-pdf';

export interface ExtractRequest {
  id: number;
  kind: 'extract' | 'optimize' | 'inspect';
  data: Uint8Array;
  /** For `inspect`: the upload limits. */
  limits?: PdfLimits;
  /** Largest decoded size of one stream the extraction accepts, whatever its filters (see stream-budget.ts). */
  maxStreamBytes: number;
  /** Largest decoded content the pages of one document may make pdf.js parse, in all (see content-budget.ts). */
  maxContentBytes: number;
  /**
   * For `extract`: these very bytes passed the same stream and content budgets at upload (the stored
   * original), so they are not measured a second time; a file made since (the OCR's) is measured.
   */
  budgetChecked?: boolean;
}

/** Why an ingest failed, as the stable error codes the client shows in its own words. */
export type IngestFailureCode = 'INGEST_FAILED' | 'INGEST_TOO_LARGE' | 'INGEST_TIMEOUT' | 'INGEST_TOO_COMPLEX';

/** The server's own words for a failed ingest (the client shows its own text for the code); never a library's or the database's. */
export const FAILURE_REASONS: Record<IngestFailureCode, string> = {
  INGEST_FAILED: 'The text of this PDF could not be read. Open it on your computer, export it as PDF again and upload it again.',
  INGEST_TOO_LARGE: 'This PDF holds compressed data too large to process. Export or print it to PDF again and upload it again.',
  INGEST_TOO_COMPLEX:
    'The pages of this PDF draw far more content than they show (the same drawing repeated on every page), too much to read. Export or print it to PDF again, or split it into smaller files, then upload it again.',
  INGEST_TIMEOUT: 'This PDF took too long to read and was stopped. Export it as PDF again or split it into smaller files, then upload them again.',
};

/** Paragraphs arrive in batches while pages are read; `done` carries only what is left. */
export type ExtractWorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number; paragraphs: ExtractedParagraph[] }
  | { id: number; type: 'done'; pageSizes: [number, number][]; paragraphCount: number; imagePages: number[]; damagedPages: number[] }
  | { id: number; type: 'optimized'; data: Uint8Array }
  | { id: number; type: 'inspected'; result: PdfInspection }
  | { id: number; type: 'error'; message: string; code: IngestFailureCode };
