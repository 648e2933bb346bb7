import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { checkSignatures, saveSignatureCheck } from './document-signatures';
import { listUncheckedReadyVersions, releaseBackfillLock, tryBackfillLock } from './signatures.repository';

/**
 * Versions ingested before hopso read signatures (or whose check a crash lost) are checked once after
 * the start, in the background, so every ready version comes to show its signatures. One server
 * process does it at a time (an advisory lock); the others skip it.
 */
@Injectable()
export class SignatureBackfillService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Signatures');
  /** Settles when this start's backfill has finished. */
  done: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  onApplicationBootstrap(): void {
    this.done = this.backfill().catch((e: unknown) => this.logger.warn(`signature check of older versions stopped: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async backfill(): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      if (!(await tryBackfillLock(runner))) return;
      try {
        const rows = await listUncheckedReadyVersions(this.db);
        for (const row of rows) {
          const signatures = await checkSignatures(await this.storage.read(row.file_key));
          await this.db.transaction((tx) => saveSignatureCheck(tx, row.id, signatures));
        }
        if (rows.length) this.logger.log(`checked the signatures of ${rows.length} older document version(s)`);
      } finally {
        await releaseBackfillLock(runner);
      }
    } finally {
      await runner.release();
    }
  }
}
