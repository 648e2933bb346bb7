import type { ServerMessage } from './server-messages';
/** Stable error codes: the web client maps them to Vietnamese / English messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_RELEASED',
  'FILE_MISSING',
  'FILE_NOT_PDF',
  'FILE_CORRUPT',
  'FILE_ENCRYPTED',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TOO_MANY_PAGES',
  'IMPORT_UNREADABLE',
  'COMMENTS_NOT_OPEN',
  'COMMENTS_CLOSED',
  'INVALID_ANCHOR',
  'BREAKOUT_NOT_RUNNING',
  'SITTING_NOT_OPEN',
  'SITTING_CLOSED',
  'CHECKIN_CODE_WRONG',
  'NO_VOTING_RIGHT',
  'NOT_PRESENT',
  'VOTE_NOT_OPEN',
  'VOTE_CLOSED',
  'BALLOT_FINAL',
  'SPEAKER_ALREADY_SPEAKING',
  'SPEAKERS_LIST_CHANGED',
  'SPEECH_NOT_WAITING',
  'QUESTIONS_CLOSED',
  'NO_OFFICIAL_ASSIGNED',
  'SPEAKERS_LIST_CLOSED',
  'INTERNAL',
  // robustness: bounded inputs, failed ingests
  'BODY_TOO_LARGE',
  'NUL_CHARACTER',
  'IMPORT_TOO_LARGE',
  'INGEST_FAILED',
  'INGEST_TOO_LARGE',
  'INGEST_TIMEOUT',
  'CROSS_ORIGIN',
  'WRONG_PASSWORD',
  // live layer
  'RATE_LIMITED',
  // documents of record
  'MINUTES_FINAL',
  'MINUTES_SUBMITTED',
  'MINUTES_NOT_SUBMITTED',
  // bounded inputs: whole-document PDF budget, unreadable request bodies
  'INGEST_TOO_COMPLEX',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  // digital signatures
  'SIGNING_KEY_MISSING',
  'SIGNING_KEY_CHANGED',
  'SIGNING_CERTIFICATE_MISSING',
  'CERTIFICATE_NOT_PKCS12',
  'CERTIFICATE_WRONG_PASSWORD',
  'CERTIFICATE_NO_KEY',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'SIGNING_FAILED',
  // scanned documents (OCR)
  'OCR_UNAVAILABLE',
  'OCR_TIMEOUT',
  'OCR_FAILED',
  // session day: drafts, follow-ups
  'VOTE_NOT_DRAFT',
  'FOLLOWUP_CLOSED',
  // documents of record: an adopted resolution is locked
  'DOCUMENT_ADOPTED',
  // ingest that keeps what can be read: deleting and retrying versions
  'DOCUMENT_HAS_COMMENTS',
  'VERSION_HAS_COMMENTS',
  'VERSION_ONLY_ONE',
  'VERSION_NOT_FAILED',
  // comment conversations at the desk
  'COMMENT_RESOLVED',
  'COMMENT_THREAD_NOT_OPEN',
  'COMMENT_THREAD_FULL',
  // chair and hall: votes on unreleased documents, the TV's short code
  'VOTE_DOCUMENT_NOT_RELEASED',
  'TV_CODE_INVALID',
  'TV_CODE_RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Body of every 4xx/5xx response from /api. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** Human-readable, in English; the UI shows its own Vietnamese text for `code`. */
  message: string;
  /** Field-level problems for VALIDATION_FAILED: the zod issue's code and bounds let the UI word them. */
  issues?: ApiIssue[];
  /** A more precise sentence than `code` alone (which line, which limit), worded by the UI. */
  detail?: ServerMessage;
}

/** One field problem: `message` in English; the rest is what the UI needs to say it in the person's language. */
export interface ApiIssue {
  path: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
  format?: string;
  expected?: string;
  /** The field was absent or empty. */
  missing?: boolean;
  /** A custom refinement's reason (e.g. "commonPassword"). */
  reason?: string;
}

/** The message of every NOT_FOUND: the same whether the thing exists out of the caller's reach or not at all. */
export const NOT_FOUND_MESSAGE = 'Not found, or not yours to see';
