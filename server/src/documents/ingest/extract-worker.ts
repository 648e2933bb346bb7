// Worker-thread entry: extracts paragraphs off the main thread, so the API stays
// responsive while a 400-page file is ingested (pdf.js runs its own "worker" in-process in Node).
import { parentPort } from 'node:worker_threads';
import { extractDocument, type ExtractedParagraph } from './extract-paragraphs';
import { optimizeForViewer } from './optimize-for-viewer';
import { FAILURE_REASONS, type ExtractRequest, type ExtractWorkerMessage } from './extract-worker-protocol';
import { inspectPdf } from './inspect-pdf';
import { findOversizedStream } from './stream-budget';

const BATCH = 250;
/** Page counts are posted at most this often (the main thread reports progress once a second anyway). */
const PROGRESS_POST_MS = 200;

parentPort!.on('message', async ({ id, kind, data, maxStreamBytes, limits }: ExtractRequest) => {
  const post = (m: ExtractWorkerMessage) => parentPort!.postMessage(m);
  if (kind === 'inspect') {
    // an upload is refused at once, before anything is stored, if reading its text would cost too much
    const inspected = await inspectPdf(Buffer.from(data.buffer, data.byteOffset, data.byteLength), limits!);
    if (inspected.ok && findOversizedStream(data, maxStreamBytes) !== null) {
      post({ id, type: 'inspected', result: { ok: false, code: 'INGEST_TOO_LARGE', message: FAILURE_REASONS.INGEST_TOO_LARGE } });
    } else post({ id, type: 'inspected', result: inspected });
    return;
  }
  if (kind === 'optimize') {
    try {
      const optimized = await optimizeForViewer(data);
      parentPort!.postMessage({ id, type: 'optimized', data: optimized } satisfies ExtractWorkerMessage, [optimized.buffer as ArrayBuffer]);
    } catch (e) {
      post({ id, type: 'error', message: e instanceof Error ? e.message : String(e), code: 'INGEST_FAILED' });
    }
    return;
  }
  const oversized = findOversizedStream(data, maxStreamBytes);
  if (oversized !== null) {
    post({ id, type: 'error', message: `a stream at byte ${oversized} inflates beyond ${maxStreamBytes} bytes`, code: 'INGEST_TOO_LARGE' });
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
    post({ id, type: 'done', pageSizes: result.pageSizes, paragraphCount: result.paragraphs.length, imagePages: result.imagePages });
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e), code: 'INGEST_FAILED' });
  }
});
