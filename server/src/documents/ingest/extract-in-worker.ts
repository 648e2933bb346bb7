import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractedParagraph } from './extract-paragraphs';
import type { ExtractRequest, ExtractWorkerMessage, IngestFailureCode } from './extract-worker-protocol';
import type { PdfInspection, PdfLimits } from './inspect-pdf';

export interface ExtractionCallbacks {
  onProgress?: (pagesDone: number, pageCount: number) => void;
  /** Paragraphs in document order, in batches, while later pages are still being read. */
  onParagraphs: (paragraphs: ExtractedParagraph[]) => void;
}

export interface ExtractionSummary {
  pageSizes: [number, number][];
  paragraphCount: number;
  /** Pages with no text but an image (scanned pages). */
  imagePages: number[];
  /** Pages that could not be read (see extract-paragraphs.ts). */
  damagedPages: number[];
}

/** What one file may cost: time per request, heap of its thread, decoded size of one stream and of all its pages. */
export interface ExtractionLimits {
  /** Worker threads, so one slow file cannot hold up the others. */
  concurrency: number;
  timeoutMs: number;
  maxHeapMb: number;
  maxStreamBytes: number;
  /** Decoded content all pages of one file may make pdf.js parse (see content-budget.ts). */
  maxContentBytes: number;
}

/** An extraction that failed for a reason of the file's own, with the code the client explains. */
export class IngestFailure extends Error {
  constructor(
    readonly code: IngestFailureCode,
    message: string,
  ) {
    super(message);
  }
}

type Outcome = ExtractionSummary | Uint8Array | PdfInspection;

interface Request extends Partial<ExtractionCallbacks> {
  id: number;
  kind: 'extract' | 'optimize' | 'inspect';
  data: Uint8Array;
  limits?: PdfLimits;
  budgetChecked?: boolean;
  resolve: (r: Outcome) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of worker threads for paragraph extraction (pdf.js loads once per thread). Each thread
 * runs one request at a time under a time limit and a heap limit; a thread that overruns either
 * is ended, fails only its own request, and is replaced on the next one.
 */
export class ExtractionWorker {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private readonly waiting: Request[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: ExtractionLimits) {}

  /** `budgetChecked`: the bytes passed `inspect` (its stream and content budgets) already, as a stored upload has. */
  extract(data: Uint8Array, callbacks: ExtractionCallbacks, options: { budgetChecked?: boolean } = {}): Promise<ExtractionSummary> {
    return this.request('extract', data, callbacks, undefined, options.budgetChecked) as Promise<ExtractionSummary>;
  }

  /** The viewer's copy of a PDF (see optimize-for-viewer.ts). */
  optimize(data: Uint8Array): Promise<Uint8Array> {
    return this.request('optimize', data, {}) as Promise<Uint8Array>;
  }

  /** inspectPdf on a worker thread, plus the stream budget (see stream-budget.ts). */
  inspect(data: Uint8Array, limits: PdfLimits): Promise<PdfInspection> {
    return this.request('inspect', data, {}, limits) as Promise<PdfInspection>;
  }

  /** Closed for the shutdown: a request it failed says nothing about its file. */
  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.waiting.splice(0)) r.reject(new Error('the server is shutting down'));
    await Promise.all([...this.idle.splice(0), ...this.busy].map((w) => w.terminate()));
    this.busy.clear();
  }

  private request(kind: Request['kind'], data: Uint8Array, callbacks: Partial<ExtractionCallbacks>, limits?: PdfLimits, budgetChecked?: boolean): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the server is shutting down'));
      this.waiting.push({ id: this.nextId++, kind, data, limits, budgetChecked, resolve, reject, ...callbacks });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length && (this.idle.length || this.busy.size < this.limits.concurrency)) {
      const worker = this.idle.pop() ?? this.spawn();
      this.run(worker, this.waiting.shift()!);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(path.join(__dirname, 'extract-worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(this.limits.maxHeapMb / 8)) },
    });
    // each request listens for its own failure; an idle thread's must not end the process either
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
    });
    worker.unref();
    return worker;
  }

  private run(worker: Worker, req: Request): void {
    this.busy.add(worker);
    let settled = false;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy.delete(worker);
      if (keep && !this.closed) this.idle.push(worker);
      else void worker.terminate().catch(() => undefined);
      outcome();
      this.dispatch();
    };
    const onMessage = (m: ExtractWorkerMessage) => {
      if (m.id !== req.id) return;
      if (m.type === 'progress') {
        try {
          if (m.paragraphs.length) req.onParagraphs?.(m.paragraphs);
          req.onProgress?.(m.done, m.total);
        } catch (e) {
          finish(false, () => req.reject(e instanceof Error ? e : new Error(String(e))));
        }
        return;
      }
      if (m.type === 'done') finish(true, () => req.resolve({ pageSizes: m.pageSizes, paragraphCount: m.paragraphCount, imagePages: m.imagePages, damagedPages: m.damagedPages }));
      else if (m.type === 'optimized') finish(true, () => req.resolve(m.data));
      else if (m.type === 'inspected') finish(true, () => req.resolve(m.result));
      else finish(true, () => req.reject(new IngestFailure(m.code, m.message)));
    };
    const onError = (e: Error & { code?: string }) =>
      finish(false, () =>
        req.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new IngestFailure('INGEST_TOO_LARGE', `the extraction ran out of its ${this.limits.maxHeapMb} MB`) : new IngestFailure('INGEST_FAILED', e.message)),
      );
    const onExit = (code: number) => finish(false, () => req.reject(new IngestFailure('INGEST_FAILED', `extraction worker exited with code ${code}`)));
    const timer = setTimeout(
      () => finish(false, () => req.reject(new IngestFailure('INGEST_TIMEOUT', `the ${req.kind} took longer than ${this.limits.timeoutMs} ms`))),
      this.limits.timeoutMs,
    );
    timer.unref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({
      id: req.id,
      kind: req.kind,
      data: req.data,
      limits: req.limits,
      maxStreamBytes: this.limits.maxStreamBytes,
      maxContentBytes: this.limits.maxContentBytes,
      budgetChecked: req.budgetChecked,
    } satisfies ExtractRequest);
  }
}
