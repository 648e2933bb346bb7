import type { ExtractedParagraph } from './extract-paragraphs';

export interface ExtractRequest {
  id: number;
  kind: 'extract' | 'optimize';
  data: Uint8Array;
  /** Largest decoded size of one Flate stream the extraction accepts (see stream-budget.ts). */
  maxStreamBytes: number;
}

/** Why an ingest failed, as the stable error codes the client shows in its own words. */
export type IngestFailureCode = 'INGEST_FAILED' | 'INGEST_TOO_LARGE' | 'INGEST_TIMEOUT';

/** Paragraphs arrive in batches while pages are read; `done` carries only what is left. */
export type ExtractWorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number; paragraphs: ExtractedParagraph[] }
  | { id: number; type: 'done'; pageSizes: [number, number][]; paragraphCount: number }
  | { id: number; type: 'optimized'; data: Uint8Array }
  | { id: number; type: 'error'; message: string; code: IngestFailureCode };
