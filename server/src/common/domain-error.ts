import { NOT_FOUND_MESSAGE, type ErrorCode } from '@hopso/shared';

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
  SITTING_NOT_OPEN: 409,
  SITTING_CLOSED: 409,
  CHECKIN_CODE_WRONG: 422,
  NO_VOTING_RIGHT: 403,
  NOT_PRESENT: 403,
  VOTE_NOT_OPEN: 409,
  VOTE_CLOSED: 409,
  BALLOT_FINAL: 409,
  SPEAKER_ALREADY_SPEAKING: 409,
  SPEAKERS_LIST_CHANGED: 409,
  SPEECH_NOT_WAITING: 409,
  QUESTIONS_CLOSED: 403,
  NO_OFFICIAL_ASSIGNED: 422,
  SPEAKERS_LIST_CLOSED: 409,
  INTERNAL: 500,
  BODY_TOO_LARGE: 413,
  NUL_CHARACTER: 400,
  IMPORT_TOO_LARGE: 413,
  INGEST_FAILED: 422,
  INGEST_TOO_LARGE: 422,
  INGEST_TIMEOUT: 422,
  CROSS_ORIGIN: 403,
  WRONG_PASSWORD: 400,
  RATE_LIMITED: 429,
  VOTE_NOT_DRAFT: 409,
  FOLLOWUP_CLOSED: 409,
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

/**
 * The one answer for anything outside the caller's reach, whether it exists elsewhere or not: the same
 * code and the same words for a meeting, a document, a group, a comment or a link, so that probing ids
 * tells nothing. `what` only documents the call site.
 */
export const notFound = (_what?: string) => new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
export const forbidden = (message = 'You do not have permission to do this') => new DomainError('FORBIDDEN', message);
