import { Controller, Get, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  closeIssueRequest,
  createIssueRequest,
  createPositionRequest,
  issueMessageRequest,
  mergeQuestionRequest,
  questionReportQuery,
  questionSettingsRequest,
  submitQuestionRequest,
  updateIssueRequest,
  updatePositionRequest,
  type CloseIssueRequest,
  type CreateIssueRequest,
  type CreatePositionRequest,
  type IssueMessageRequest,
  type MergeQuestionRequest,
  type MyQuestions,
  type OfficialDesk,
  type OfficialPosition,
  type Question,
  type QuestionIssue,
  type QuestionSettings,
  type QuestionReportQuery,
  type QuestionSettingsRequest,
  type QuestionsBoard,
  type SubmitQuestionRequest,
  type UpdateIssueRequest,
  type UpdatePositionRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { questionReportDocx, questionReportFileName, questionReportPdf } from './questions-report';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Get('meetings/:id/questions/board')
  board(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<QuestionsBoard> {
    return this.questions.board(caller, meetingId);
  }

  @Get('meetings/:id/questions/mine')
  mine(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<MyQuestions> {
    return this.questions.mine(caller, meetingId);
  }

  @Get('meetings/:id/questions/official')
  official(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<OfficialDesk> {
    return this.questions.officialDesk(caller, meetingId);
  }

  /** The list of questions by issue, or the chất vấn follow-up report, as DOCX or PDF. */
  @Get('meetings/:id/questions/report')
  async report(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodQuery(questionReportQuery) q: QuestionReportQuery, @Res() res: Response): Promise<void> {
    const report = await this.questions.report(caller, meetingId, q.kind);
    const body = q.format === 'docx' ? await questionReportDocx(report) : await questionReportPdf(report);
    res.setHeader('Content-Type', q.format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(questionReportFileName(report, q.format))}`);
    res.send(body);
  }

  /** 201 when stored, 200 for a retry with the same client id. */
  @Post('meetings/:id/questions')
  async submit(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') meetingId: string,
    @ZodBody(submitQuestionRequest) body: SubmitQuestionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Question> {
    const { question, created } = await this.questions.submit(caller, meetingId, body);
    res.status(created ? 201 : 200);
    return question;
  }

  @Put('meetings/:id/question-settings')
  settings(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(questionSettingsRequest) body: QuestionSettingsRequest): Promise<QuestionSettings> {
    return this.questions.setSettings(caller, meetingId, body);
  }

  @Post('meetings/:id/question-positions')
  createPosition(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createPositionRequest) body: CreatePositionRequest): Promise<OfficialPosition> {
    return this.questions.createPosition(caller, meetingId, body);
  }

  @Patch('question-positions/:id')
  updatePosition(@CurrentUser() caller: AuthUser, @UuidParam('id') positionId: string, @ZodBody(updatePositionRequest) body: UpdatePositionRequest): Promise<OfficialPosition> {
    return this.questions.updatePosition(caller, positionId, body);
  }

  @Post('questions/:id/merge')
  @HttpCode(200)
  merge(@CurrentUser() caller: AuthUser, @UuidParam('id') questionId: string, @ZodBody(mergeQuestionRequest) body: MergeQuestionRequest): Promise<QuestionsBoard> {
    return this.questions.merge(caller, questionId, body);
  }

  @Post('meetings/:id/question-issues')
  createIssue(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createIssueRequest) body: CreateIssueRequest): Promise<QuestionIssue> {
    return this.questions.createIssue(caller, meetingId, body);
  }

  @Patch('question-issues/:id')
  updateIssue(@CurrentUser() caller: AuthUser, @UuidParam('id') issueId: string, @ZodBody(updateIssueRequest) body: UpdateIssueRequest): Promise<QuestionIssue> {
    return this.questions.updateIssue(caller, issueId, body);
  }

  @Post('question-issues/:id/open')
  @HttpCode(200)
  open(@CurrentUser() caller: AuthUser, @UuidParam('id') issueId: string): Promise<QuestionIssue> {
    return this.questions.open(caller, issueId);
  }

  @Post('question-issues/:id/close')
  @HttpCode(200)
  close(@CurrentUser() caller: AuthUser, @UuidParam('id') issueId: string, @ZodBody(closeIssueRequest) body: CloseIssueRequest): Promise<QuestionIssue> {
    return this.questions.close(caller, issueId, body);
  }

  /** The official's written answer, or an author's follow-up (chất vấn lại). 201 when stored, 200 for a retry. */
  @Post('question-issues/:id/messages')
  async message(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') issueId: string,
    @ZodBody(issueMessageRequest) body: IssueMessageRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuestionIssue> {
    const { issue, created } = await this.questions.postMessage(caller, issueId, body);
    res.status(created ? 201 : 200);
    return issue;
  }
}
