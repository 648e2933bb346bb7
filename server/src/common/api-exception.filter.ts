import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody, ErrorCode } from '@hopso/shared';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError } from './domain-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'FILE_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
};

/** Maps every error to ApiErrorBody; anything unexpected is logged and answered without internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'maxUploadBytes'>) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ApiErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: error.status, code: error.code, message: error.message, ...(error.issues && { issues: error.issues }), ...(error.detail && { detail: error.detail }) };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : error.message;
      if (status === 429) return { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts. Wait a minute and try again.' };
      if (status === 413) return { statusCode: 413, code: 'FILE_TOO_LARGE', message: `The file is larger than the upload limit (${Math.round(this.config.maxUploadBytes / 1024 / 1024)} MB)` };
      if (status < 500) return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED', message };
    }
    if (isPgError(error)) {
      // invalid input syntax (e.g. a malformed uuid that slipped past validation) is the caller's fault
      if (error.code === '22P02') return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Malformed identifier' };
      if (error.code === '23505') return { statusCode: 409, code: 'CONFLICT', message: 'This already exists' };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on the server. Please try again.' };
  }
}

function isPgError(e: unknown): e is { code: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && 'severity' in e;
}
