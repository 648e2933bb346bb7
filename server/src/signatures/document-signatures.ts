import type { PdfSignatureInfo } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { verifyPdfSignatures } from './signature-libraries';
import { listVersionSignatures, upsertVersionSignatures } from './signatures.repository';

/** The signatures of an uploaded version, checked at ingest; a check that fails outright reads as no signatures. */
export async function checkSignatures(pdf: Buffer): Promise<PdfSignatureInfo[]> {
  try {
    return await verifyPdfSignatures(pdf);
  } catch {
    return [];
  }
}

/** Written in the transaction that makes the version ready, so a ready version always shows its signatures. */
export async function saveSignatureCheck(tx: Queryable, versionId: string, signatures: PdfSignatureInfo[]): Promise<void> {
  await upsertVersionSignatures(tx, versionId, signatures);
}

/** The checked signatures of these versions; a version missing from the map was not checked (not ingested yet, or ingested before hopso read signatures). */
export async function loadSignatureChecks(db: Queryable, versionIds: string[]): Promise<Map<string, PdfSignatureInfo[]>> {
  if (versionIds.length === 0) return new Map();
  const rows = await listVersionSignatures(db, versionIds);
  return new Map(rows.map((r) => [r.version_id, r.signatures]));
}
