import type { EntityManager } from 'typeorm';
import type { PdfSignatureInfo } from '@hopso/shared';
import { verifyPdfSignatures } from './signature-libraries';

/** The signatures of an uploaded version, checked at ingest; a check that fails outright reads as no signatures. */
export async function checkSignatures(pdf: Buffer): Promise<PdfSignatureInfo[]> {
  try {
    return await verifyPdfSignatures(pdf);
  } catch {
    return [];
  }
}

/** Written in the transaction that makes the version ready, so a ready version always shows its signatures. */
export async function saveSignatureCheck(tx: EntityManager, versionId: string, signatures: PdfSignatureInfo[]): Promise<void> {
  await tx.query(
    `INSERT INTO document_version_signatures (version_id, signatures) VALUES ($1, $2::jsonb)
     ON CONFLICT (version_id) DO UPDATE SET signatures = EXCLUDED.signatures, checked_at = now()`,
    [versionId, JSON.stringify(signatures)],
  );
}

/** The checked signatures of these versions; a version missing from the map was not checked (not ingested yet, or ingested before hopso read signatures). */
export async function loadSignatureChecks(db: EntityManager, versionIds: string[]): Promise<Map<string, PdfSignatureInfo[]>> {
  if (versionIds.length === 0) return new Map();
  const rows: { version_id: string; signatures: PdfSignatureInfo[] }[] = await db.query('SELECT version_id, signatures FROM document_version_signatures WHERE version_id = ANY($1::uuid[])', [versionIds]);
  return new Map(rows.map((r) => [r.version_id, r.signatures]));
}
