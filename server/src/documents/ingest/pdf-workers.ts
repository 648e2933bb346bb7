import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { ExtractionWorker } from './extract-in-worker';

/**
 * The worker threads that read PDFs, so pdf.js never runs on the event loop: ingest threads for
 * whole files, and their own threads for the quick check of an upload, which must not wait
 * behind a long ingest.
 */
@Injectable()
export class PdfWorkers implements OnApplicationShutdown {
  readonly ingest: ExtractionWorker;
  readonly inspect: ExtractionWorker;
  /** Viewer copies, one at a time on their own thread, so they never hold up another document's ingest. */
  readonly viewer: ExtractionWorker;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ingest = new ExtractionWorker(config.ingest);
    this.inspect = new ExtractionWorker({ ...config.ingest, concurrency: 2, timeoutMs: Math.min(config.ingest.timeoutMs, 60_000) });
    this.viewer = new ExtractionWorker({ ...config.ingest, concurrency: 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.ingest.close(), this.inspect.close(), this.viewer.close()]);
  }
}
