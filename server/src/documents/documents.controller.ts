import { Body, Controller, Get, Patch, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DOCUMENT_STATES, releaseDocumentRequest, UPLOAD_FIELD, type ReleaseDocumentRequest, type DocumentDetail, type DocumentSummary, type Paragraph, type UploadResult } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody, ZodPipe } from '../common/zod';
import { UploadRequires } from '../meetings/upload-access.guard';
import { DocumentsService } from './documents.service';
import { DeleteUploadsAfter, StreamedUploads } from '../common/upload-files';

const uploadFields = z.object({
  agendaItemId: z.union([z.string().uuid('Unknown agenda item'), z.literal('')]).optional(),
  title: z.string().trim().max(300).optional(),
  /** draft or released; by default a draft into a published meeting, released into a draft one. */
  state: z.enum(DOCUMENT_STATES).optional(),
});
const updateDocumentRequest = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(300).optional(),
  agendaItemId: z.string().uuid().nullable().optional(),
});

/** Multer hands file names over as latin1; browsers send UTF-8. */
function decodeFileName(raw: string): string {
  if ([...raw].some((ch) => ch.charCodeAt(0) > 0xff)) return raw;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? raw : utf8;
}

const toUploadedPdf = (f: Express.Multer.File) => ({ originalName: decodeFileName(f.originalname), path: f.path, size: f.size });

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('meetings/:id/documents')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<DocumentSummary[]> {
    return this.documents.list(caller, meetingId);
  }

  @Post('meetings/:id/documents')
  @ApiConsumes('multipart/form-data')
  @UploadRequires('documents.write')
  @UseInterceptors(DeleteUploadsAfter, StreamedUploads(UPLOAD_FIELD, 50))
  async upload(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') meetingId: string,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body(new ZodPipe(uploadFields)) fields: z.infer<typeof uploadFields>,
  ): Promise<UploadResult> {
    const docs = await this.documents.upload(
      caller,
      meetingId,
      (files ?? []).map(toUploadedPdf),
      fields.agendaItemId || null,
      fields.title || null,
      fields.state,
    );
    return { documents: docs };
  }

  @Get('documents/:id')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<DocumentDetail> {
    return this.documents.get(caller, id);
  }

  @Patch('documents/:id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateDocumentRequest) body: z.infer<typeof updateDocumentRequest>): Promise<DocumentDetail> {
    return this.documents.update(caller, id, body);
  }

  /** Phát hành: delegates read it from its release time (the meeting's unless given). */
  @Post('documents/:id/release')
  release(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(releaseDocumentRequest) body: ReleaseDocumentRequest): Promise<DocumentDetail> {
    return this.documents.release(caller, id, body.releaseAt ?? null);
  }

  @Post('documents/:id/versions')
  @ApiConsumes('multipart/form-data')
  @UploadRequires('documents.write', 'document')
  @UseInterceptors(DeleteUploadsAfter, StreamedUploads(UPLOAD_FIELD, 1, { files: 1 }))
  addVersion(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UploadedFiles() files: Express.Multer.File[] | undefined): Promise<DocumentDetail> {
    return this.documents.addVersion(caller, id, (files ?? []).map(toUploadedPdf));
  }

  @Get('documents/:id/versions/:versionId/paragraphs')
  paragraphs(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UuidParam('versionId') versionId: string): Promise<Paragraph[]> {
    return this.documents.paragraphsOf(caller, id, versionId);
  }
}
