import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import pino from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { requestLogOptions } from './security/log-redaction';
import { prettyLogStream } from './logging/pretty-log-stream';

const PROBES = new Set(['/api/health', '/api/ready', '/api/metrics']);
import { dataSourceOptions } from './database/data-source';
import { DATABASE_URL } from './database/database-url';
import { AnnotationsModule } from './annotations/annotations.module';
import { AuditModule } from './audit/audit.module';
import { BreakoutsModule } from './breakouts/breakouts.module';
import { CommentsModule } from './comments/comments.module';
import { DisplayModule } from './display/display.module';
import { EventsModule } from './events/events.module';
import { RealtimeModule } from './realtime/realtime.module';
import { AuthModule } from './auth/auth.module';
import { CouncilsModule } from './councils/councils.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthController } from './health/health.controller';
import { ObservabilityController } from './observability/observability.controller';
import { MeetingsModule } from './meetings/meetings.module';
import { createFileStorage, FILE_STORAGE } from './storage/file-storage';
import { UsersModule } from './users/users.module';
import { SessionsModule } from './auth/sessions.service';
import { AttendanceModule } from './attendance/attendance.module';
import { VotesModule } from './votes/votes.module';
import { SpeakersModule } from './speakers/speakers.module';
import { QuestionsModule } from './questions/questions.module';
import { RecordsModule } from './records/records.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AccountSlipsModule } from './account-slips/account-slips.module';
import { SignaturesModule } from './signatures/signatures.module';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: FILE_STORAGE, useValue: createFileStorage(config) },
      ],
      exports: [APP_CONFIG, DATABASE_URL, FILE_STORAGE],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, databaseUrl),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              // health, readiness and metrics probes every few seconds would drown the log
              autoLogging: { ignore: (req) => PROBES.has((req.url ?? '').split('?')[0]) },
              ...requestLogOptions,
            },
            config.logFormat === 'pretty' ? prettyLogStream() : pino.destination(1),
          ],
          // Nest 11's own wildcard syntax (a bare '*' draws a LegacyRouteConverter warning per start)
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AuditModule,
        EventsModule,
        AuthModule,
        UsersModule,
        CouncilsModule,
        MeetingsModule,
        DocumentsModule,
        AnnotationsModule,
        CommentsModule,
        DisplayModule,
        BreakoutsModule,
        RealtimeModule,
        SessionsModule,
        AttendanceModule,
        VotesModule,
        SpeakersModule,
        QuestionsModule,
        RecordsModule,
        NotificationsModule,
        AccountSlipsModule,
        SignaturesModule,
      ],
      controllers: [HealthController, ObservabilityController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
