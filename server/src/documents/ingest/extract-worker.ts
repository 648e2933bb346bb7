// Worker-thread entry: extracts paragraphs off the main thread, so the API stays
// responsive while a 400-page file is ingested (pdf.js runs its own "worker" in-process in Node).
import { parentPort } from 'node:worker_threads';
import { extractDocument, type ExtractedParagraph } from './extract-paragraphs';
import { optimizeForViewer, viewerCopyProblem } from './optimize-for-viewer';
import { FAILURE_REASONS, type ExtractRequest, type ExtractWorkerMessage, type IngestFailureCode } from './extract-worker-protocol';
import { inspectPdf } from './inspect-pdf';
import { measureContent } from './content-budget';
import { findOversizedStream } from './stream-budget';

const BATCH = 250;
/** Page counts are posted at most this often (the main thread reports progress once a second anyway). */
const PROGRESS_POST_MS = 200;

parentPort!.on('message', async ({ id, kind, data, maxStreamBytes, maxContentBytes, limits, budgetChecked }: ExtractRequest) => {
  const post = (m: ExtractWorkerMessage) => parentPort!.postMessage(m);
  if (kind === 'inspect') {
    // an upload is refused at once, before anything is stored, if reading its text would cost too much
    const inspected = await inspectPdf(Buffer.from(data.buffer, data.byteOffset, data.byteLength), limits!);
    const overBudget = inspected.ok ? await budgetFailure(data, maxStreamBytes, maxContentBytes) : null;
    post({ id, type: 'inspected', result: overBudget ? { ok: false, code: overBudget.code, message: FAILURE_REASONS[overBudget.code] } : inspected });
    return;
  }
  if (kind === 'optimize') {
    try {
      const optimized = await optimizeForViewer(data);
      const unusable = await viewerCopyProblem(optimized, data);
      if (unusable) {
        post({ id, type: 'error', message: unusable, code: 'INGEST_FAILED' });
        return;
      }
      parentPort!.postMessage({ id, type: 'optimized', data: optimized } satisfies ExtractWorkerMessage, [optimized.buffer as ArrayBuffer]);
    } catch (e) {
      post({ id, type: 'error', message: e instanceof Error ? e.message : String(e), code: 'INGEST_FAILED' });
    }
    return;
  }
  const overBudget = budgetChecked ? null : await budgetFailure(data, maxStreamBytes, maxContentBytes);
  if (overBudget) {
    post({ id, type: 'error', message: overBudget.message, code: overBudget.code });
    return;
  }
  let batch: ExtractedParagraph[] = [];
  try {
    let progress = { done: 0, total: 0 };
    let lastPost = 0;
    const flush = () => {
      post({ id, type: 'progress', ...progress, paragraphs: batch });
      batch = [];
    };
    const result = await extractDocument(data, {
      onParagraphs: (paragraphs) => {
        batch.push(...paragraphs);
        if (batch.length >= BATCH) flush();
      },
      onProgress: (done, total) => {
        progress = { done, total };
        if (done < total && Date.now() - lastPost < PROGRESS_POST_MS) return;
        lastPost = Date.now();
        post({ id, type: 'progress', done, total, paragraphs: [] });
      },
    });
    if (batch.length) flush();
    post({ id, type: 'done', pageSizes: result.pageSizes, paragraphCount: result.paragraphs.length, imagePages: result.imagePages, damagedPages: result.damagedPages });
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e), code: 'INGEST_FAILED' });
  }
});

/**
 * Why reading this file's text would cost more than it may, before pdf.js reads any of it: one stream
 * that decodes beyond its budget (any filter chain), or pages that together make pdf.js parse more
 * decoded content than the document budget (one shared stream drawn by 300 pages).
 */
async function budgetFailure(data: Uint8Array, maxStreamBytes: number, maxContentBytes: number): Promise<{ code: IngestFailureCode; message: string } | null> {
  const oversized = findOversizedStream(data, maxStreamBytes);
  if (oversized !== null) return { code: 'INGEST_TOO_LARGE', message: `a stream at byte ${oversized} decodes beyond ${maxStreamBytes} bytes` };
  const cost = await measureContent(data, maxStreamBytes, maxContentBytes);
  if (cost && !cost.ok) {
    return cost.reason === 'stream'
      ? { code: 'INGEST_TOO_LARGE', message: `a content stream decodes beyond ${maxStreamBytes} bytes` }
      : { code: 'INGEST_TOO_COMPLEX', message: `its pages draw more than ${maxContentBytes} bytes of decoded content in all` };
  }
  return null;
}
