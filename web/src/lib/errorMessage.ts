import { isServerMessageCode, type ServerMessage } from '@hopso/shared';
import type { Dictionary } from '../i18n/vi';
import { ApiError, NetworkError } from './api-client';

/** A server's sentence (code and parameters) in the UI language; an error code falls back to its own text. */
export function serverMessageText(message: ServerMessage, t: Dictionary): string {
  if (isServerMessageCode(message.code)) return t.serverMessages[message.code](message.params ?? {});
  return t.errors[message.code] ?? t.common.unknownError;
}

/** One sentence a person can act on, in the UI language, for any error thrown by the API client. */
export function errorMessage(error: unknown, t: Dictionary): string {
  if (error instanceof ApiError) {
    if (error.body.detail) return serverMessageText(error.body.detail, t);
    return t.errors[error.code] ?? t.common.unknownError;
  }
  if (error instanceof NetworkError) return t.common.networkError;
  return t.common.unknownError;
}
