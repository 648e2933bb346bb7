import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { pipeline } from 'node:stream/promises';
import { finalize, type Observable } from 'rxjs';
import { loadConfig } from '../config';

/**
 * Uploads stream to a temporary file while they arrive, never into memory, and multer stops
 * reading at the size limit, so an upload costs the server disk up to the limit and no more.
 */
export function uploadInterceptorOptions(limits: { fileSize?: number; files?: number } = {}): MulterOptions {
  const { maxUploadBytes, uploadTmpDir } = loadConfig();
  return {
    storage: tempFileStorage(uploadTmpDir),
    limits: { fileSize: limits.fileSize ?? maxUploadBytes, files: limits.files ?? 50, fields: 10, fieldSize: 64 * 1024, parts: 80 },
  };
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
