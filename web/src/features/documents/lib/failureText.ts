import type { DocumentVersionInfo } from '@hopso/shared';
import type { Dictionary } from '../../../i18n/vi';

/** Why a version failed to ingest, in the UI language (never the server's English sentence). */
export function failureText(version: Pick<DocumentVersionInfo, 'failureCode' | 'failureReason'>, t: Dictionary): string | null {
  if (version.failureCode) return t.errors[version.failureCode] ?? t.errors.INGEST_FAILED;
  return version.failureReason ? t.errors.INGEST_FAILED : null;
}
