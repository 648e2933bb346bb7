import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  createMinutesRequest,
  recordFileQuery,
  returnMinutesRequest,
  synthesisQuery,
  updateMinutesRequest,
  type AdoptedResolution,
  type CreateMinutesRequest,
  type Minutes,
  type MinutesSummary,
  type MinutesVersion,
  type PdfSignatureInfo,
  type RecordFileQuery,
  type ReturnMinutesRequest,
  type SynthesisQuery,
  type UpdateMinutesRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { renderRecord, sendFile } from './format/record-document';
import { MinutesService } from './minutes/minutes.service';
import { RecordReportsService } from './reports/record-reports.service';
import { AdoptedResolutionsService } from './resolutions/adopted-resolutions.service';

@ApiTags('records')
@Controller()
export class RecordsController {
  constructor(
    private readonly reports: RecordReportsService,
    private readonly minutes: MinutesService,
    private readonly resolutions: AdoptedResolutionsService,
  ) {}

  /** Báo cáo tổng hợp ý kiến for the whole meeting (or one of its documents), named or anonymised. */
  @Get('meetings/:id/records/synthesis')
  async synthesis(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodQuery(synthesisQuery) q: SynthesisQuery, @Res() res: Response): Promise<void> {
    const doc = await this.reports.synthesis(caller, meetingId, { documentId: q.documentId, anonymous: q.anonymous === 'true' });
    sendFile(res, await renderRecord(doc, q.format), q.format, `Báo cáo tổng hợp ý kiến - ${doc.summary}`);
  }

  /** Báo cáo tiếp thu, giải trình of a draft, from the triage replies. */
  @Get('documents/:id/records/explanation')
  async explanation(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string, @ZodQuery(synthesisQuery) q: SynthesisQuery, @Res() res: Response): Promise<void> {
    const { doc, title } = await this.reports.explanation(caller, documentId, q.anonymous === 'true');
    sendFile(res, await renderRecord(doc, q.format), q.format, `Báo cáo tiếp thu, giải trình - ${title}`);
  }

  @Get('meetings/:id/minutes')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<MinutesSummary[]> {
    return this.minutes.list(caller, meetingId);
  }

  @Post('meetings/:id/minutes')
  create(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createMinutesRequest) body: CreateMinutesRequest): Promise<Minutes> {
    return this.minutes.create(caller, meetingId, body);
  }

  @Get('meetings/:id/adopted-resolutions')
  adopted(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<AdoptedResolution[]> {
    return this.minutes.adopted(caller, meetingId);
  }

  @Get('minutes/:id')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<Minutes> {
    return this.minutes.get(caller, id);
  }

  @Put('minutes/:id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateMinutesRequest) body: UpdateMinutesRequest): Promise<Minutes> {
    return this.minutes.update(caller, id, body);
  }

  @Post('minutes/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<Minutes> {
    return this.minutes.submit(caller, id);
  }

  @Post('minutes/:id/return')
  @HttpCode(200)
  giveBack(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(returnMinutesRequest) body: ReturnMinutesRequest): Promise<Minutes> {
    return this.minutes.returnToSecretariat(caller, id, body);
  }

  @Post('minutes/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<Minutes> {
    return this.minutes.approve(caller, id);
  }

  @Get('minutes/:id/versions')
  versions(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<MinutesVersion[]> {
    return this.minutes.versions(caller, id);
  }

  @Get('minutes/:id/file')
  async file(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodQuery(recordFileQuery) q: RecordFileQuery, @Res() res: Response): Promise<void> {
    const { body, fileName } = await this.minutes.file(caller, id, q.format);
    sendFile(res, body, q.format, fileName);
  }

  /** The signatures of the final minutes' PDF (signer, time, unchanged since signing); none while a draft. */
  @Get('minutes/:id/signatures')
  finalSignatures(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<PdfSignatureInfo[]> {
    return this.minutes.finalSignatures(caller, id);
  }

  /** The version a passed vote adopted, as a PDF signed with the council's certificate. */
  @Get('adopted-resolutions/:versionId/file')
  async adoptedFile(@CurrentUser() caller: AuthUser, @UuidParam('versionId') versionId: string, @Res() res: Response): Promise<void> {
    const { body, fileName } = await this.resolutions.signedFile(caller, versionId);
    sendFile(res, body, 'pdf', fileName);
  }
}
