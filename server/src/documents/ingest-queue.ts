import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '../database/database-url';
import { IngestService } from './ingest.service';

const QUEUE = 'document-ingest';

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
  private workerId: string | null = null;

  constructor(
    @Inject(DATABASE_URL) url: string,
    private readonly ingest: IngestService,
  ) {
    // the pgboss schema is created by a migration, never at run time
    this.boss = new PgBoss({ connectionString: url, schema: 'pgboss', migrate: false, schedule: false, max: 4 });
    this.boss.on('error', (e) => this.logger.error(e));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(QUEUE);
    this.workerId = await this.boss.work<IngestJob>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
      await this.ingest.run(job.data.versionId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
  }

  async enqueue(versionId: string): Promise<void> {
    await this.boss.send(QUEUE, { versionId } satisfies IngestJob, { retryLimit: 2, retryDelay: 2, expireInSeconds: 15 * 60 });
    // wake this process's worker now instead of at its next poll; other processes still poll
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
