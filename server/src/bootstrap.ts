import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import expressStaticGzip from 'express-static-gzip';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { refuseUnreadableBodies, translateBodyErrors } from './common/body-type';
import { NulGuard } from './common/nul-guard';
import { QuietNestLogger } from './logging/quiet-nest-logger';
import { httpMetrics } from './observability/http-metrics';
import { countSocketsWith } from './observability/metrics';
import { runMigrations } from './database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { HopsoIoAdapter } from './realtime/io.adapter';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { applyHttpSecurity } from './security/http-security';
import { OriginPolicy } from './security/origin-policy';

export interface RunningApp {
  app: NestExpressApplication;
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** Database (embedded unless DATABASE_URL is set), migrations, then the Nest app, not yet listening. */
export async function createApp(config: AppConfig): Promise<RunningApp> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  if (config.migrateAtStart) await runMigrations(databaseUrl);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), { bufferLogs: true, bodyParser: false });
  // a body of a type no route reads is refused 415 before any parser; one body limit, answered 413
  // BODY_TOO_LARGE, and malformed JSON 400 MALFORMED_JSON, by the exception filter
  app.use(refuseUnreadableBodies);
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.useBodyParser('urlencoded', { limit: config.maxBodyBytes, extended: true });
  app.use(translateBodyErrors(config.maxBodyBytes));
  app.use(httpMetrics);
  app.useGlobalGuards(new NulGuard());
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  // no enableShutdownHooks: main.ts stops the app and then the embedded database, in that order
  applyHttpSecurity(app, config);
  // phones on slow 4G: JS, CSS and JSON go compressed (PDFs are not compressible and keep their byte ranges)
  app.use(compression());
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useWebSocketAdapter(new HopsoIoAdapter(app, config.socketScaleOut ? databaseUrl : null, new OriginPolicy(config.allowedOrigins)));

  // the OpenAPI document is made at its first request, not at start (an idle replica's memory, issue 15)
  const openApi = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('hopso API').setDescription('Paperless council meetings').setVersion('0.1.0').addBearerAuth().addCookieAuth('hopso_session').build(),
    );
  SwaggerModule.setup('api/docs', app, openApi);

  serveWebApp(app, config.webDistDir);
  await app.init();
  // sockets open on this process, read at each scrape from the Socket.IO server's engine
  const gateway = app.get(RealtimeGateway, { strict: false }) as unknown as { server?: { engine?: { clientsCount: number } } };
  countSocketsWith(() => gateway.server?.engine?.clientsCount ?? 0);
  return {
    app,
    databaseUrl,
    embedded,
    close: async () => {
      await app.close();
      await embedded?.stop();
    },
  };
}

/** The built web app on the same origin as the API, with client-side routes falling back to index.html. */
function serveWebApp(app: NestExpressApplication, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return;
  // the build writes a brotli copy beside each script and stylesheet (web/vite.config.ts): sent as is to
  // browsers that take br; other files, and other browsers, get the compression middleware's
  app.use(
    expressStaticGzip(distDir, {
      enableBrotli: true,
      orderPreference: ['br'],
      index: false,
      serveStatic: {
        index: false,
        maxAge: '1h',
        setHeaders: (res, file) => {
          // Vite's hashed file names change with their content, so they can be kept for good
          if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          else if (file.endsWith('.html') || file.endsWith('sw.js')) res.setHeader('Cache-Control', 'no-cache');
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    // a script of an older build is gone: a 404, not index.html under a script's name
    if (req.path.startsWith('/assets/')) return res.status(404).type('text/plain').send('Not found');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
