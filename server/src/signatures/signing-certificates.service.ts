import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SigningCertificateStatus } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { assertCurrentlyValid, openPkcs12 } from './signature-libraries';
import { councilExists, deleteCertificate, findCertificate, sealContext, toCertificateInfo, upsertCertificate } from './signatures.repository';
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
    const row = await findCertificate(this.db, councilId);
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
      await upsertCertificate(tx, {
        councilId,
        sealedP12: seal(key, p12, sealContext(councilId, 'p12')),
        sealedPassword: seal(key, Buffer.from(password, 'utf8'), sealContext(councilId, 'password')),
        keyId: key.id,
        signerName,
        subject: certificate.subject,
        issuer: certificate.issuer,
        serialNumber: certificate.serialNumber,
        validFrom: new Date(certificate.validFrom),
        validTo: new Date(certificate.validTo),
        fingerprintSha256: certificate.fingerprint256,
        uploadedBy: caller.id,
      });
      await this.audit.record({ userId: caller.id, action: 'signingCertificate.upload', targetId: councilId, meta: { subject: certificate.subject, fingerprint: certificate.fingerprint256 } }, tx);
    });
    return this.status(caller, councilId);
  }

  async remove(caller: AuthUser, councilId: string): Promise<void> {
    await this.requireAdminOfCouncil(caller, councilId);
    await this.db.transaction(async (tx) => {
      if (await deleteCertificate(tx, councilId)) await this.audit.record({ userId: caller.id, action: 'signingCertificate.remove', targetId: councilId }, tx);
    });
  }

  /** Administrators only, checked before the council's existence, so others learn nothing of it. */
  private async requireAdminOfCouncil(caller: AuthUser, councilId: string): Promise<void> {
    if (!caller.isAdmin) throw forbidden('Only an administrator manages signing certificates');
    if (!(await councilExists(this.db, councilId))) throw notFound('Council');
  }
}
