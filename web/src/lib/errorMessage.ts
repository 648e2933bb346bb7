import type { Dictionary } from '../i18n/vi';
import { ApiError, NetworkError } from './api-client';

/** One sentence a person can act on, in the UI language, for any error thrown by the API client. */
export function errorMessage(error: unknown, t: Dictionary): string {
  if (error instanceof ApiError) return t.errors[error.code] ?? error.message;
  if (error instanceof NetworkError) return t.common.networkError;
  return t.common.unknownError;
}
