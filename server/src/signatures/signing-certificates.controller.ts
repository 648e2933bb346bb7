import { Body, Controller, Delete, Get, HttpCode, Put, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { CERTIFICATE_FILE_FIELD, MAX_CERTIFICATE_BYTES, type SigningCertificateStatus } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { DeleteUploadsAfter, StreamedUploads } from '../common/upload-files';
import { UuidParam, ZodPipe } from '../common/zod';
import { AdminUploadGuard } from './admin-upload.guard';
import { SigningCertificatesService } from './signing-certificates.service';

const uploadFields = z.object({ password: z.string().max(1000, 'The password is too long').default('') });

@ApiTags('signatures')
@Controller('councils/:id/signing-certificate')
export class SigningCertificatesController {
  constructor(private readonly certificates: SigningCertificatesService) {}

  @Get()
  status(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string): Promise<SigningCertificateStatus> {
    return this.certificates.status(caller, councilId);
  }

  /** multipart: `certificate` (the .p12 / .pfx file) and `password`. */
  @Put()
  @ApiConsumes('multipart/form-data')
  @UseGuards(AdminUploadGuard)
  @UseInterceptors(DeleteUploadsAfter, StreamedUploads(CERTIFICATE_FILE_FIELD, 'single', { fileSize: MAX_CERTIFICATE_BYTES, files: 1 }))
  async upload(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') councilId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body(new ZodPipe(uploadFields)) fields: z.infer<typeof uploadFields>,
  ): Promise<SigningCertificateStatus> {
    return this.certificates.upload(caller, councilId, file ? await fs.readFile(file.path) : null, fields.password);
  }

  @Delete()
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string): Promise<void> {
    return this.certificates.remove(caller, councilId);
  }
}
