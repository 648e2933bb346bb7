import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DocumentDetail } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam } from '../common/zod';
import { DocumentVersionsService } from './document-versions.service';

/** Retrying and deleting versions, deleting documents: the secretariat's and the chair's. */
@ApiTags('documents')
@Controller('documents')
export class DocumentVersionsController {
  constructor(private readonly versions: DocumentVersionsService) {}

  @Delete(':id')
  @HttpCode(204)
  async deleteDocument(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.versions.deleteDocument(caller, id);
  }

  @Delete(':id/versions/:versionId')
  deleteVersion(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UuidParam('versionId') versionId: string): Promise<DocumentDetail> {
    return this.versions.deleteVersion(caller, id, versionId);
  }

  @Post(':id/versions/:versionId/retry')
  @HttpCode(200)
  retry(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UuidParam('versionId') versionId: string): Promise<DocumentDetail> {
    return this.versions.retry(caller, id, versionId);
  }
}
