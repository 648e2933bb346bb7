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
  'SPEAKER_ALREADY_SPEAKING',
  'SPEAKERS_LIST_CHANGED',
  'SPEECH_NOT_WAITING',
  'QUESTIONS_CLOSED',
  'NO_OFFICIAL_ASSIGNED',
  'SPEAKERS_LIST_CLOSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Body of every 4xx/5xx response from /api. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** Human-readable, in English; the UI shows its own Vietnamese text for `code`. */
  message: string;
  /** Field-level problems for VALIDATION_FAILED. */
  issues?: { path: string; message: string }[];
}
