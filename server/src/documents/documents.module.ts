import { Module } from '@nestjs/common';
import { AnchoringModule } from '../anchoring/anchoring.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { DocumentFileController } from './document-file.controller';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentVersionsController } from './document-versions.controller';
import { DocumentVersionsService } from './document-versions.service';
import { IngestQueue } from './ingest-queue';
import { IngestService } from './ingest.service';
import { TextRecognizer } from './ingest/ocr';
import { PdfWorkers } from './ingest/pdf-workers';
import { StartUpRecoveryService } from './start-up-recovery.service';

@Module({
  imports: [MeetingsModule, AnchoringModule],
  controllers: [DocumentsController, DocumentFileController, DocumentVersionsController],
  providers: [DocumentsService, IngestService, IngestQueue, PdfWorkers, TextRecognizer, StartUpRecoveryService, DocumentVersionsService],
  exports: [DocumentsService, IngestQueue],
})
export class DocumentsModule {}
