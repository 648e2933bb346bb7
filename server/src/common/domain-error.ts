import type { ErrorCode } from '@hopso/shared';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NOT_RELEASED: 403,
  FILE_MISSING: 400,
  FILE_NOT_PDF: 415,
  FILE_CORRUPT: 422,
  FILE_ENCRYPTED: 422,
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  FILE_TOO_MANY_PAGES: 422,
  IMPORT_UNREADABLE: 422,
  COMMENTS_NOT_OPEN: 403,
  COMMENTS_CLOSED: 403,
  INVALID_ANCHOR: 422,
  BREAKOUT_NOT_RUNNING: 409,
  SPEAKER_ALREADY_SPEAKING: 409,
  SPEAKERS_LIST_CHANGED: 409,
  SPEECH_NOT_WAITING: 409,
  QUESTIONS_CLOSED: 403,
  NO_OFFICIAL_ASSIGNED: 422,
  SPEAKERS_LIST_CLOSED: 409,
  INTERNAL: 500,
};

/** An error a person can act on: a stable code for the UI plus a plain message. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new DomainError('FORBIDDEN', message);
