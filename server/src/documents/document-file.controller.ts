import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import rangeParser from 'range-parser';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { UuidParam, ZodPipe } from '../common/zod';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { z } from 'zod';
import { DocumentsService } from './documents.service';

const fileQuery = z.object({
  version: z.string().uuid('Unknown version').optional(),
  download: z.enum(['0', '1']).optional(),
  /** The uploaded bytes rather than the viewer's copy (downloads are always the original). */
  original: z.enum(['0', '1']).optional(),
});

/**
 * Serves a PDF with ETag and single byte ranges, so pdf.js shows page 1 of a
 * 400-page file without fetching the rest. Hand-written over the storage
 * interface rather than res.sendFile, because the file may not be on local disk.
 */
@ApiTags('documents')
@Controller('documents')
export class DocumentFileController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Get(':id/file')
  async file(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') id: string,
    @Query(new ZodPipe(fileQuery)) query: z.infer<typeof fileQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { doc, version } = await this.documents.versionForFile(caller, id, query.version);
    const download = query.download === '1';
    const viewerCopy = !download && query.original !== '1' && version.webFileKey !== null;
    const fileKey = viewerCopy ? version.webFileKey! : version.fileKey;
    const size = viewerCopy ? version.webSizeBytes! : version.sizeBytes;
    const etag = `"${viewerCopy ? version.webSha256 : version.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(version.fileName)}`);

    const rangeHeader = req.headers.range;
    const ifRange = req.headers['if-range'];
    const rangeApplies = rangeHeader !== undefined && (ifRange === undefined || ifRange === etag);
    if (!rangeApplies) {
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      // one record per opening or download; the range requests that follow are the same view, and a
      // HEAD (a client checking the size or the ETag) reads nothing
      if (req.method === 'GET') await this.audit.record({
        userId: caller.id,
        action: download ? 'document.download' : 'document.view',
        meetingId: doc.meetingId,
        targetId: doc.id,
        meta: { versionId: version.id, versionNo: version.versionNo },
      });
      res.status(200).setHeader('Content-Length', String(size));
      await pipeline(this.storage.stream(fileKey), res);
      return;
    }
    const ranges = rangeParser(size, rangeHeader, { combine: true });
    if (ranges === -1) {
      res.status(416).setHeader('Content-Range', `bytes */${size}`).end();
      return;
    }
    if (ranges === -2 || ranges.type !== 'bytes') {
      res.status(400).json({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Malformed Range header' });
      return;
    }
    // multiple ranges are answered with the first one, which RFC 9110 allows
    const { start, end } = ranges[0];
    res.status(206);
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    await pipeline(this.storage.stream(fileKey, { start, end }), res);
  }
}
