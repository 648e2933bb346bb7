import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { removeOlderFiles } from '../storage/remove-older-files';
import { IngestService } from './ingest.service';
import { ocrRunLimitMs } from './ingest/ocr';

/** An upload still arriving after this long has been given up on by its client too. */
const UPLOAD_ORPHAN_AGE_MS = 60 * 60_000;
/** A storage write (write, then rename) takes seconds; a temporary file this old is a crash's. */
const STORAGE_ORPHAN_AGE_MS = 10 * 60_000;

/**
 * What a crash leaves behind besides interrupted ingests (those are queued again by IngestQueue):
 * viewer copies never made, and temporary files of half-received uploads and half-written files.
 * Runs after the start, in the background: the server answers meanwhile.
 */
@Injectable()
export class StartUpRecoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StartUpRecovery');
  /** Settles when this start's recovery has finished (for tests and the readiness probe). */
  done: Promise<void> = Promise.resolve();

  constructor(
    private readonly ingest: IngestService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.done = this.recover().catch((e: unknown) => this.logger.error(`start-up recovery failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async recover(): Promise<void> {
    const uploads =
      (await removeOlderFiles(this.config.uploadTmpDir, UPLOAD_ORPHAN_AGE_MS, () => true)) +
      // text recognition's work files: older than its time limit, no run of any process still holds them
      (await removeOlderFiles(this.config.ocr.tmpDir, ocrRunLimitMs(this.config.ocr, this.config.maxPages) + 60_000, () => true));
    const written = (await this.storage.removeOrphans?.(STORAGE_ORPHAN_AGE_MS)) ?? 0;
    if (uploads + written) this.logger.log(`removed ${uploads + written} temporary file(s) left by an earlier run`);
    const copies = await this.ingest.remakeViewerCopies();
    if (copies) this.logger.log(`made ${copies} interrupted viewer cop${copies === 1 ? 'y' : 'ies'} again`);
  }
}
