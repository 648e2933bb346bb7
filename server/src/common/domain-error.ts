import { NOT_FOUND_MESSAGE, type ApiIssue, type ErrorCode, type ServerMessage } from '@hopso/shared';

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
  MINUTES_FINAL: 409,
  MINUTES_SUBMITTED: 409,
  MINUTES_NOT_SUBMITTED: 409,
  INGEST_TOO_COMPLEX: 422,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIGNING_KEY_MISSING: 409,
  SIGNING_KEY_CHANGED: 409,
  SIGNING_CERTIFICATE_MISSING: 409,
  CERTIFICATE_NOT_PKCS12: 422,
  CERTIFICATE_WRONG_PASSWORD: 422,
  CERTIFICATE_NO_KEY: 422,
  CERTIFICATE_EXPIRED: 422,
  CERTIFICATE_NOT_YET_VALID: 422,
  SIGNING_FAILED: 422,
  // never answered to a request: a scan's outcome, shown on its version
  OCR_UNAVAILABLE: 422,
  OCR_TIMEOUT: 422,
  OCR_FAILED: 422,
  VOTE_NOT_DRAFT: 409,
  FOLLOWUP_CLOSED: 409,
  DOCUMENT_ADOPTED: 409,
  DOCUMENT_HAS_COMMENTS: 409,
  VERSION_HAS_COMMENTS: 409,
  VERSION_ONLY_ONE: 409,
  VERSION_NOT_FAILED: 409,
  COMMENT_RESOLVED: 409,
  COMMENT_THREAD_NOT_OPEN: 409,
  COMMENT_THREAD_FULL: 409,
  VOTE_DOCUMENT_NOT_RELEASED: 409,
  TV_CODE_INVALID: 404,
  TV_CODE_RATE_LIMITED: 429,
};

/** An error a person can act on: a stable code for the UI plus a plain message. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    /** The precise sentence for the person (which line, which limit); `message` stays English for logs. */
    readonly detail?: ServerMessage,
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
