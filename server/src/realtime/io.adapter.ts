import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import type { OriginPolicy } from '../security/origin-policy';

/**
 * Socket.IO on the app's HTTP server. With several server processes, broadcasts
 * travel between them through PostgreSQL (LISTEN/NOTIFY), so scaling out needs no
 * other service; the adapter's table is created by a migration.
 */
export class HopsoIoAdapter extends IoAdapter {
  private pool: Pool | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly scaleOutDatabaseUrl: string | null,
    private readonly origins: OriginPolicy,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      cors: undefined,
      // a page of another site must not open a socket with the visitor's session cookie
      allowRequest: (req: IncomingMessage, done: (err: string | null | undefined, success: boolean) => void) => done(null, this.origins.allows(req.headers.origin, req.headers.host)),
    });
    if (this.scaleOutDatabaseUrl) {
      this.pool = new Pool({ connectionString: this.scaleOutDatabaseUrl, max: 4 });
      server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool?.end();
  }
}
