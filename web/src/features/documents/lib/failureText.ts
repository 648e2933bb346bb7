import type { DocumentVersionInfo } from '@hopso/shared';
import type { Dictionary } from '../../../i18n/vi';

/** Why a version failed to ingest, in the UI language (the server's English sentence only when it sent no code). */
export function failureText(version: Pick<DocumentVersionInfo, 'failureCode' | 'failureReason'>, t: Dictionary): string | null {
  if (version.failureCode) return t.errors[version.failureCode] ?? version.failureReason;
  return version.failureReason;
}
