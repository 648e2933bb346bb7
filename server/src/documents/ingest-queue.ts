import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config';
import { DATABASE_URL } from '../database/database-url';
import { IngestService } from './ingest.service';
import { ocrRunLimitMs } from './ingest/ocr';

const QUEUE = 'document-ingest';
/** pg-boss refuses an expiry of a day or more. */
const MAX_EXPIRY_S = 24 * 60 * 60 - 60;

export interface IngestJob {
  versionId: string;
}

/**
 * Ingest jobs on a PostgreSQL-backed queue (pg-boss): they survive a restart and
 * spread over every server process that shares the database.
 */
@Injectable()
export class IngestQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IngestQueue');
  private readonly boss: PgBoss;
  private workerIds: string[] = [];
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) url: string,
    private readonly ingest: IngestService,
  ) {
    // the pgboss schema is created by a migration, never at run time
    this.boss = new PgBoss({ connectionString: url, schema: 'pgboss', migrate: false, schedule: false, max: 4 });
    this.boss.on('error', (e) => this.logger.error(e));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    await this.createQueue();
    // one poller per extraction thread: a slow file holds up one of them, not the queue
    for (let i = 0; i < this.config.ingest.concurrency; i++) {
      this.workerIds.push(
        await this.boss.work<IngestJob>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
          await this.ingest.run(job.data.versionId);
        }),
      );
    }
    await this.resumeInterrupted().catch((e: unknown) => this.logger.error(`interrupted ingests not resumed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Two processes starting together can deadlock in pg-boss's createQueue (PostgreSQL 40P01): the loser tries again. */
  private async createQueue(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.boss.createQueue(QUEUE);
      } catch (e) {
        if ((e as { code?: string }).code !== '40P01' || attempt >= 5) throw e;
        this.logger.warn(`ingest queue creation deadlocked with another process; attempt ${attempt + 1}`);
      }
    }
  }

  /**
   * After a crash, a version's job stays "active" until the queue's expiry (15 minutes); a
   * version no process holds the lock of is queued again now (see IngestService.run).
   */
  private async resumeInterrupted(): Promise<void> {
    const versionIds = await this.ingest.unclaimedVersions();
    for (const versionId of versionIds) await this.enqueue(versionId);
    if (versionIds.length) this.logger.log(`resumed ${versionIds.length} interrupted ingest(s)`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
  }

  /** Ingest jobs waiting (created or retrying) across every process; throws when the queue cannot be read. */
  async depth(): Promise<number> {
    if (this.stopped) throw new Error('the ingest queue is stopped');
    return this.boss.getQueueSize(QUEUE);
  }

  /**
   * Longer than the longest an ingest may take (a scan: reading, text recognition, reading again and
   * the viewer copy, each under its own limit), so the queue never hands a running job to another process.
   */
  private expireInSeconds(): number {
    const ocrMs = ocrRunLimitMs(this.config.ocr, this.config.maxPages);
    return Math.min(MAX_EXPIRY_S, Math.max(15 * 60, Math.ceil((3 * this.config.ingest.timeoutMs + ocrMs) / 1000) + 60));
  }

  async enqueue(versionId: string): Promise<void> {
    await this.boss.send(QUEUE, { versionId } satisfies IngestJob, { retryLimit: 2, retryDelay: 2, expireInSeconds: this.expireInSeconds() });
    // wake this process's worker now instead of at its next poll; other processes still poll
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }
}
