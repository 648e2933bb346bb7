import { Module } from '@nestjs/common';
import { AnchoringModule } from '../anchoring/anchoring.module';
import { DocumentsModule } from '../documents/documents.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RecordsModule } from '../records/records.module';
import { CommentsController } from './comments.controller';
import { CommentAccessService } from './comment-access.service';
import { CommentReportsService } from './comment-reports.service';
import { CommentThreadsService } from './comment-threads.service';
import { CommentsService } from './comments.service';
import { ReadReceiptsService } from './read-receipts.service';

@Module({
  imports: [AnchoringModule, DocumentsModule, MeetingsModule, RecordsModule],
  controllers: [CommentsController],
  providers: [CommentAccessService, CommentsService, CommentThreadsService, CommentReportsService, ReadReceiptsService],
})
export class CommentsModule {}
