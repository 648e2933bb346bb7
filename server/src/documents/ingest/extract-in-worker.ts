import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractedParagraph } from './extract-paragraphs';
import type { ExtractWorkerMessage } from './extract-worker-protocol';

export interface ExtractionCallbacks {
  onProgress?: (pagesDone: number, pageCount: number) => void;
  /** Paragraphs in document order, in batches, while later pages are still being read. */
  onParagraphs: (paragraphs: ExtractedParagraph[]) => void;
}

export interface ExtractionSummary {
  pageSizes: [number, number][];
  paragraphCount: number;
}

interface Pending extends Partial<ExtractionCallbacks> {
  resolve: (r: ExtractionSummary | Uint8Array) => void;
  reject: (e: Error) => void;
}

/**
 * One long-lived worker thread for paragraph extraction (pdf.js loads once). A
 * crashed worker fails its pending jobs, which the queue retries, and is replaced
 * on the next call.
 */
export class ExtractionWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  extract(data: Uint8Array, callbacks: ExtractionCallbacks): Promise<ExtractionSummary> {
    return this.request('extract', data, callbacks) as Promise<ExtractionSummary>;
  }

  /** The viewer's copy of a PDF (see optimize-for-viewer.ts). */
  optimize(data: Uint8Array): Promise<Uint8Array> {
    return this.request('optimize', data, {}) as Promise<Uint8Array>;
  }

  private request(kind: 'extract' | 'optimize', data: Uint8Array, callbacks: Partial<ExtractionCallbacks>): Promise<ExtractionSummary | Uint8Array> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...callbacks });
      worker.postMessage({ id, kind, data });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'extract-worker.js'));
    worker.on('message', (m: ExtractWorkerMessage) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        if (m.paragraphs.length) p.onParagraphs?.(m.paragraphs);
        p.onProgress?.(m.done, m.total);
        return;
      }
      this.pending.delete(m.id);
      if (m.type === 'done') p.resolve({ pageSizes: m.pageSizes, paragraphCount: m.paragraphCount });
      else if (m.type === 'optimized') p.resolve(m.data);
      else p.reject(new Error(m.message));
    });
    const failAll = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => code !== 0 && failAll(new Error(`extraction worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
