import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SigningCertificateStatus } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { assertCurrentlyValid, openPkcs12 } from './signature-libraries';
import { sealContext, toCertificateInfo, type SigningCertificateRow } from './signing-certificate-row';
import { requireSigningKey, seal, SIGNING_KEY, type SigningKey } from './signing-key';

/** A council's signing certificate, managed by administrators: uploaded, described, removed; never shown. */
@Injectable()
export class SigningCertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SIGNING_KEY) private readonly key: SigningKey | null,
    private readonly audit: AuditService,
  ) {}

  async status(caller: AuthUser, councilId: string): Promise<SigningCertificateStatus> {
    await this.requireAdminOfCouncil(caller, councilId);
    const [row]: SigningCertificateRow[] = await this.db.query('SELECT * FROM signing_certificates WHERE council_id = $1', [councilId]);
    return { signingAvailable: this.key !== null, certificate: row ? toCertificateInfo(row) : null };
  }

  /** Checks that the password opens the file, that it holds a key with its certificate and that the certificate is valid today; then replaces the council's certificate. */
  async upload(caller: AuthUser, councilId: string, p12: Buffer | null, password: string): Promise<SigningCertificateStatus> {
    await this.requireAdminOfCouncil(caller, councilId);
    const key = requireSigningKey(this.key);
    if (!p12 || p12.length === 0) throw new DomainError('VALIDATION_FAILED', 'Choose the certificate file (.p12, .pfx)', [{ path: 'certificate', message: 'Choose the certificate file' }]);
    const { certificate, signerName } = openPkcs12(p12, password);
    assertCurrentlyValid(certificate);
    await this.db.transaction(async (tx) => {
      await tx.query(
      `INSERT INTO signing_certificates (council_id, sealed_p12, sealed_password, key_id, signer_name, subject, issuer, serial_number, valid_from, valid_to, fingerprint_sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (council_id) DO UPDATE SET sealed_p12 = EXCLUDED.sealed_p12, sealed_password = EXCLUDED.sealed_password, key_id = EXCLUDED.key_id,
         signer_name = EXCLUDED.signer_name, subject = EXCLUDED.subject, issuer = EXCLUDED.issuer, serial_number = EXCLUDED.serial_number,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, fingerprint_sha256 = EXCLUDED.fingerprint_sha256, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
      [
        councilId,
        seal(key, p12, sealContext(councilId, 'p12')),
        seal(key, Buffer.from(password, 'utf8'), sealContext(councilId, 'password')),
        key.id,
        signerName,
        certificate.subject,
        certificate.issuer,
        certificate.serialNumber,
        new Date(certificate.validFrom),
        new Date(certificate.validTo),
        certificate.fingerprint256,
        caller.id,
      ],
      );
      await this.audit.record({ userId: caller.id, action: 'signingCertificate.upload', targetId: councilId, meta: { subject: certificate.subject, fingerprint: certificate.fingerprint256 } }, tx);
    });
    return this.status(caller, councilId);
  }

  async remove(caller: AuthUser, councilId: string): Promise<void> {
    await this.requireAdminOfCouncil(caller, councilId);
    await this.db.transaction(async (tx) => {
      const removed: unknown[] = await tx.query('DELETE FROM signing_certificates WHERE council_id = $1 RETURNING council_id', [councilId]);
      if (removed.length > 0) await this.audit.record({ userId: caller.id, action: 'signingCertificate.remove', targetId: councilId }, tx);
    });
  }

  /** Administrators only, checked before the council's existence, so others learn nothing of it. */
  private async requireAdminOfCouncil(caller: AuthUser, councilId: string): Promise<void> {
    if (!caller.isAdmin) throw forbidden('Only an administrator manages signing certificates');
    const [council] = await this.db.query('SELECT 1 FROM councils WHERE id = $1', [councilId]);
    if (!council) throw notFound('Council');
  }
}
