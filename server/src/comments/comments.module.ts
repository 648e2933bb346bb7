import { Module } from '@nestjs/common';
import { AnchoringModule } from '../anchoring/anchoring.module';
import { DocumentsModule } from '../documents/documents.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RecordsModule } from '../records/records.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [AnchoringModule, DocumentsModule, MeetingsModule, RecordsModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
