import { Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Response } from 'express';
import { REPORT_FORMATS, commentFilters, createCommentRequest, triageCommentRequest, type Comment, type CommentFilters, type ParagraphCommentCount, type CreateCommentRequest, type ReadReceipt, type TriageCommentRequest } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody, ZodPipe } from '../common/zod';
import { CommentsService } from './comments.service';
import { RecordReportsService } from '../records/reports/record-reports.service';
import { renderRecord } from '../records/format/record-document';
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
    return this.comments.countsByParagraph(caller, documentId);
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
    const report = await this.comments.synthesisReport(caller, documentId);
    // DOCX and PDF: the records' report of this one document (counts per status and per tổ, structure labels)
    const body = format === 'csv' ? reportCsv(report) : await renderRecord(await this.records.synthesisOfDocument(caller, documentId), format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`Báo cáo tổng hợp ý kiến - ${report.documentTitle}.${format}`)}`);
    res.send(body);
  }

  @Get('documents/:id/read-receipts')
  readReceipts(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<ReadReceipt[]> {
    return this.comments.readReceipts(caller, documentId);
  }
}
