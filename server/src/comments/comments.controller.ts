import { Controller, Get, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Response } from 'express';
import {
  REPORT_FORMATS,
  commentFilters,
  commentMessageRequest,
  commentResolutionRequest,
  createCommentRequest,
  triageCommentRequest,
  type Comment,
  type CommentFilters,
  type CommentMessageRequest,
  type CommentResolutionRequest,
  type ParagraphCommentCount,
  type CreateCommentRequest,
  type ReadReceipt,
  type TriageCommentRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody, ZodPipe } from '../common/zod';
import { CommentReportsService } from './comment-reports.service';
import { CommentThreadsService } from './comment-threads.service';
import { CommentsService } from './comments.service';
import { RecordReportsService } from '../records/reports/record-reports.service';
import { renderRecord } from '../records/format/record-document';
import { ReadReceiptsService } from './read-receipts.service';
import { reportCsv } from './synthesis-report';

const reportQuery = z.object({ format: z.enum(REPORT_FORMATS, { message: 'format must be csv, docx or pdf' }) });
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly threads: CommentThreadsService,
    private readonly reports: CommentReportsService,
    private readonly receipts: ReadReceiptsService,
    private readonly records: RecordReportsService,
  ) {}

  @Get('documents/:id/comments')
  listForDocument(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<Comment[]> {
    return this.comments.listForDocument(caller, documentId);
  }

  /** 201 when created, 200 when this client id was already stored (a retry). */
  @Post('documents/:id/comments')
  async create(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') documentId: string,
    @ZodBody(createCommentRequest) body: CreateCommentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Comment> {
    const { comment, created } = await this.comments.create(caller, documentId, body);
    res.status(created ? 201 : 200);
    return comment;
  }

  @Get('meetings/:id/comments')
  listForMeeting(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @Query(new ZodPipe(commentFilters)) filters: CommentFilters): Promise<Comment[]> {
    return this.comments.listForMeeting(caller, meetingId, filters);
  }

  @Get('documents/:id/comment-counts')
  counts(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<ParagraphCommentCount[]> {
    return this.reports.countsByParagraph(caller, documentId);
  }

  @Patch('comments/:id')
  triage(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(triageCommentRequest) body: TriageCommentRequest): Promise<Comment> {
    return this.comments.triage(caller, id, body);
  }

  /** Báo cáo tổng hợp ý kiến: comments by paragraph in document order, as CSV, DOCX or PDF. */
  @Get('documents/:id/report')
  async report(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') documentId: string,
    @Query(new ZodPipe(reportQuery)) { format }: z.infer<typeof reportQuery>,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.reports.synthesisReport(caller, documentId);
    // DOCX and PDF: the records' report of this one document (counts per status and per tổ, structure labels)
    const body = format === 'csv' ? reportCsv(report) : await renderRecord(await this.records.synthesisOfDocument(caller, documentId), format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`Báo cáo tổng hợp ý kiến - ${report.documentTitle}.${format}`)}`);
    res.send(body);
  }

  @Get('documents/:id/read-receipts')
  readReceipts(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<ReadReceipt[]> {
    return this.receipts.readReceipts(caller, documentId);
  }

  /** A message in the comment's conversation (staff or its author); 201 when stored, 200 for a retry of one stored. */
  @Post('comments/:id/messages')
  async postMessage(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') id: string,
    @ZodBody(commentMessageRequest) body: CommentMessageRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Comment> {
    const { comment, created } = await this.threads.post(caller, id, body);
    res.status(created ? 201 : 200);
    return comment;
  }

  /** Staff: mark the comment resolved (đã giải quyết), or open it again. */
  @Put('comments/:id/resolution')
  resolve(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(commentResolutionRequest) body: CommentResolutionRequest): Promise<Comment> {
    return this.threads.resolve(caller, id, body);
  }
}
