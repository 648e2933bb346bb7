import { Controller, Get, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createCommentRequest, triageCommentRequest, type Comment, type CreateCommentRequest, type ReadReceipt, type TriageCommentRequest } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

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
  listForMeeting(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<Comment[]> {
    return this.comments.listForMeeting(caller, meetingId);
  }

  @Patch('comments/:id')
  triage(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(triageCommentRequest) body: TriageCommentRequest): Promise<Comment> {
    return this.comments.triage(caller, id, body);
  }

  @Get('documents/:id/read-receipts')
  readReceipts(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<ReadReceipt[]> {
    return this.comments.readReceipts(caller, documentId);
  }
}
