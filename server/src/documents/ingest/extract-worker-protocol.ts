import type { ExtractedParagraph } from './extract-paragraphs';

export interface ExtractRequest {
  id: number;
  kind: 'extract' | 'optimize';
  data: Uint8Array;
}

/** Paragraphs arrive in batches while pages are read; `done` carries only what is left. */
export type ExtractWorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number; paragraphs: ExtractedParagraph[] }
  | { id: number; type: 'done'; pageSizes: [number, number][]; paragraphCount: number }
  | { id: number; type: 'optimized'; data: Uint8Array }
  | { id: number; type: 'error'; message: string };
