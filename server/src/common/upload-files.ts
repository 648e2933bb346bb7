import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { CallHandler, ExecutionContext, Inject, Injectable, mixin, NestInterceptor, type Type } from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { pipeline } from 'node:stream/promises';
import { finalize, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config';

/** What one upload route accepts: file size (default: the configured upload limit) and file count. */
export interface UploadLimits {
  fileSize?: number;
  files?: number;
}

/**
 * Uploads stream to a temporary file while they arrive, never into memory, and multer stops
 * reading at the size limit, so an upload costs the server disk up to the limit and no more.
 */
export function uploadInterceptorOptions(config: Pick<AppConfig, 'maxUploadBytes' | 'uploadTmpDir'>, limits: UploadLimits = {}): MulterOptions {
  return {
    storage: tempFileStorage(config.uploadTmpDir),
    limits: { fileSize: limits.fileSize ?? config.maxUploadBytes, files: limits.files ?? 50, fields: 10, fieldSize: 64 * 1024, parts: 80 },
  };
}

/**
 * Nest's FilesInterceptor (`maxCount` files in `field`) or FileInterceptor (`maxCount` omitted), with
 * the limits and the temporary folder of the injected configuration.
 */
export function StreamedUploads(field: string, maxCount: number | 'single', limits: UploadLimits = {}): Type<NestInterceptor> {
  @Injectable()
  class StreamedUploadsInterceptor implements NestInterceptor {
    private readonly inner: NestInterceptor;
    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      const options = uploadInterceptorOptions(config, limits);
      const Inner = maxCount === 'single' ? FileInterceptor(field, options) : FilesInterceptor(field, maxCount, options);
      this.inner = new Inner();
    }
    intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
      return this.inner.intercept(ctx, next);
    }
  }
  return mixin(StreamedUploadsInterceptor);
}

/** Multer's own disk storage in a few lines: multer itself is @nestjs/platform-express's dependency, not ours. */
function tempFileStorage(dir: string): StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      const target = `${dir}/${crypto.randomUUID()}.upload`;
      fsp
        .mkdir(dir, { recursive: true })
        .then(() => pipeline(file.stream, fs.createWriteStream(target)))
        .then(() => fsp.stat(target))
        .then(
          (stat) => cb(null, { path: target, size: stat.size }),
          (e: Error) => fsp.rm(target, { force: true }).finally(() => cb(e)),
        );
    },
    _removeFile(_req, file, cb) {
      fsp.rm(file.path, { force: true }).then(() => cb(null), cb);
    },
  };
}

/** Removes the request's temporary upload files once it is answered, whatever the answer. */
@Injectable()
export class DeleteUploadsAfter implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      finalize(() => {
        const files = [...(Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat()), ...(req.file ? [req.file] : [])];
        for (const f of files) if (f.path) void fsp.rm(f.path, { force: true }).catch(() => undefined);
      }),
    );
  }
}
