import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { ReadyResponse } from '@hopso/shared';
import { Public } from '../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../config';
import { IngestQueue } from '../documents/ingest-queue';
import { pingDatabase } from '../health/health.repository';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { metricsAllowed } from './metrics-access';
import { ingestQueueDepth, metricsRefusals, registry } from './metrics';

const PROBE_TIMEOUT_MS = 3000;

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS)))]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller()
export class ObservabilityController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: IngestQueue,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this process should be sent traffic: its database, its job queue and its file store answer. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyResponse> {
    const [database, queue, storage] = await Promise.all([probe(() => pingDatabase(this.db)), probe(() => this.queue.depth()), probe(() => this.storage.ping())]);
    const ok = database === 'up' && queue === 'up' && storage === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'ready' : 'not-ready', database, queue, storage };
  }

  /** Prometheus metrics of this process, for the operator only (a token, or the private network). */
  @Public()
  @Get('metrics')
  async metrics(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!metricsAllowed(req.ip, req.headers.authorization, this.config.metricsToken)) {
      metricsRefusals.inc();
      // the one not-found answer: nothing here for anyone else
      throw new NotFoundException();
    }
    ingestQueueDepth.set(await this.queue.depth().catch(() => -1));
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  }
}
