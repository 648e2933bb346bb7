import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@hopso/shared';
import { Public } from '../auth/auth-user';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'up';
    try {
      await this.db.query('SELECT 1');
    } catch {
      database = 'down';
    }
    if (database === 'down') res.status(503);
    return { status: database === 'up' ? 'ok' : 'degraded', database, version: process.env.npm_package_version ?? '0.1.0' };
  }
}
