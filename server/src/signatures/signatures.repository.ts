import type { SigningCertificateInfo } from '@hopso/shared';

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
