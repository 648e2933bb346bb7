import type { PdfSignatureInfo, SigningCertificateInfo } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

/**
 * The signatures domain's data access: the councils' signing certificates (sealed), the signatures
 * found in uploaded versions, the background check's lock. Typed queries on `db` (the data source
 * outside a transaction, the transaction's manager inside) and the certificate's presenter.
 */

/** A row of signing_certificates as read back (raw SQL: bytea comes as Buffer, timestamptz as Date). */
export interface SigningCertificateRow {
  council_id: string;
  sealed_p12: Buffer;
  sealed_password: Buffer;
  key_id: string;
  signer_name: string | null;
  subject: string;
  issuer: string;
  serial_number: string;
  valid_from: Date;
  valid_to: Date;
  fingerprint_sha256: string;
  uploaded_at: Date;
}

/** What each sealed value is bound to (AES-GCM associated data): its council and its purpose. */
export const sealContext = (councilId: string, what: 'p12' | 'password') => `hopso signing certificate ${what} of council ${councilId}`;

export const toCertificateInfo = (r: SigningCertificateRow): SigningCertificateInfo => ({
  councilId: r.council_id,
  signerName: r.signer_name,
  subject: r.subject,
  issuer: r.issuer,
  serialNumber: r.serial_number,
  validFrom: r.valid_from.toISOString(),
  validTo: r.valid_to.toISOString(),
  fingerprintSha256: r.fingerprint_sha256,
  uploadedAt: r.uploaded_at.toISOString(),
});

// ── signing certificates ──

export async function councilExists(db: Queryable, councilId: string): Promise<boolean> {
  const [council] = await db.query('SELECT 1 FROM councils WHERE id = $1', [councilId]);
  return Boolean(council);
}

export async function findCertificate(db: Queryable, councilId: string): Promise<SigningCertificateRow | undefined> {
  const [row]: SigningCertificateRow[] = await db.query('SELECT * FROM signing_certificates WHERE council_id = $1', [councilId]);
  return row;
}

/** What council signing reads on: the app's DataSource, a transaction, or a test's own connection answering rows (looser than Queryable). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The council's certificate with the council's name, for signing. */
export async function findCertificateWithCouncilName(db: SqlRunner, councilId: string): Promise<(SigningCertificateRow & { council_name: string }) | undefined> {
  const [row] = (await db.query(`SELECT c.*, k.name AS council_name FROM signing_certificates c JOIN councils k ON k.id = c.council_id WHERE c.council_id = $1`, [councilId])) as (SigningCertificateRow & {
    council_name: string;
  })[];
  return row;
}

export interface NewCertificate {
  councilId: string;
  sealedP12: Buffer;
  sealedPassword: Buffer;
  keyId: string;
  signerName: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  fingerprintSha256: string;
  uploadedBy: string;
}

/** Stores the council's certificate, replacing the one it had. */
export async function upsertCertificate(db: Queryable, c: NewCertificate): Promise<void> {
  await db.query(
    `INSERT INTO signing_certificates (council_id, sealed_p12, sealed_password, key_id, signer_name, subject, issuer, serial_number, valid_from, valid_to, fingerprint_sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (council_id) DO UPDATE SET sealed_p12 = EXCLUDED.sealed_p12, sealed_password = EXCLUDED.sealed_password, key_id = EXCLUDED.key_id,
         signer_name = EXCLUDED.signer_name, subject = EXCLUDED.subject, issuer = EXCLUDED.issuer, serial_number = EXCLUDED.serial_number,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, fingerprint_sha256 = EXCLUDED.fingerprint_sha256, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
    [c.councilId, c.sealedP12, c.sealedPassword, c.keyId, c.signerName, c.subject, c.issuer, c.serialNumber, c.validFrom, c.validTo, c.fingerprintSha256, c.uploadedBy],
  );
}

/** true when the council had a certificate. */
export async function deleteCertificate(db: Queryable, councilId: string): Promise<boolean> {
  const removed: unknown[] = await db.query('DELETE FROM signing_certificates WHERE council_id = $1 RETURNING council_id', [councilId]);
  return removed.length > 0;
}

// ── the signatures of uploaded versions ──

export async function upsertVersionSignatures(db: Queryable, versionId: string, signatures: PdfSignatureInfo[]): Promise<void> {
  await db.query(
    `INSERT INTO document_version_signatures (version_id, signatures) VALUES ($1, $2::jsonb)
     ON CONFLICT (version_id) DO UPDATE SET signatures = EXCLUDED.signatures, checked_at = now()`,
    [versionId, JSON.stringify(signatures)],
  );
}

export async function listVersionSignatures(db: Queryable, versionIds: string[]): Promise<{ version_id: string; signatures: PdfSignatureInfo[] }[]> {
  return db.query('SELECT version_id, signatures FROM document_version_signatures WHERE version_id = ANY($1::uuid[])', [versionIds]);
}

/** Ready versions whose signatures were never checked, oldest first. */
export async function listUncheckedReadyVersions(db: Queryable): Promise<{ id: string; file_key: string }[]> {
  return db.query(
    `SELECT v.id, v.file_key FROM document_versions v WHERE v.status = 'ready' AND NOT EXISTS (SELECT 1 FROM document_version_signatures s WHERE s.version_id = v.id) ORDER BY v.created_at`,
  );
}

/** The background check's advisory lock, on the session of `db` (one connection): true when this one took it. */
export async function tryBackfillLock(db: Queryable): Promise<boolean> {
  const [{ locked }]: { locked: boolean }[] = await db.query(`SELECT pg_try_advisory_lock(hashtextextended('hopso signature backfill', 0)) AS locked`);
  return locked;
}

export async function releaseBackfillLock(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_advisory_unlock(hashtextextended('hopso signature backfill', 0))`);
}
