import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { loadConfig } from '../config';

/** Multer stops reading at the size limit, so an oversized upload is refused before it fills memory. */
export function uploadInterceptorOptions(): MulterOptions {
  const { maxUploadBytes } = loadConfig();
  return { limits: { fileSize: maxUploadBytes, files: 50, fields: 10 } };
}
