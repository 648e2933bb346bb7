import type { ErrorCode } from './errors';

/**
 * Codes of the sentences the server says to a person beyond an error's own code: each has its
 * parameters, and the web client words it in the person's language. The English `message` beside
 * it stays for logs and API clients.
 */
export const SERVER_MESSAGE_CODES = [
  // one line of a delegate list
  'IMPORT_NAME_MISSING',
  'IMPORT_NAME_TOO_LONG',
  'IMPORT_PHONE_MISSING',
  'IMPORT_PHONE_INVALID',
  'IMPORT_PHONE_TWICE',
  'IMPORT_ROLE_UNKNOWN',
  'IMPORT_ADMIN_SELF',
  // a change of participants, by hand or by a list
  'ALREADY_PARTICIPANT',
  'LAST_SECRETARY',
  // a delegate list that cannot be read as a whole
  'IMPORT_NOT_UTF8',
  'IMPORT_XLSX_UNREADABLE',
  'IMPORT_XLSX_NO_SHEET',
  'IMPORT_EMPTY',
  'IMPORT_NO_HEADER',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_TOO_MANY_CELLS',
  'IMPORT_INFLATES_TOO_MUCH',
  'IMPORT_TOO_SLOW',
  'IMPORT_TOO_BIG_TO_READ',
  'NUL_IN_LINE',
] as const;
export type ServerMessageCode = (typeof SERVER_MESSAGE_CODES)[number];

export type ServerMessageParams = Record<string, string | number>;

/** A sentence for a person as a code and its parameters; `code` may also be an error code. */
export interface ServerMessage {
  code: ServerMessageCode | ErrorCode;
  params?: ServerMessageParams;
}

export function isServerMessageCode(value: unknown): value is ServerMessageCode {
  return typeof value === 'string' && (SERVER_MESSAGE_CODES as readonly string[]).includes(value);
}
