import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { P12PdfSigner, type PdfSigner, type SignatureDetails } from './pdf-signer';
import { assertCurrentlyValid, openPkcs12 } from './pkcs12';
import { sealContext, type SigningCertificateRow } from './signing-certificate-row';
import { open, requireSigningKey, SIGNING_KEY, type SigningKey } from './signing-key';

/**
 * Signs the documents a council issues (final minutes, adopted resolutions) with that council's
 * certificate. Callers are other services, which have checked the caller's right to issue the document.
 */
@Injectable()
export class SignaturesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SIGNING_KEY) private readonly key: SigningKey | null,
  ) {}

  /**
   * The PDF with the council's signature added (adbe.pkcs7.detached over the whole file). Details not
   * given default to the council's name as /Name and /Location and a generic reason. Throws
   * SIGNING_KEY_MISSING, SIGNING_CERTIFICATE_MISSING, SIGNING_KEY_CHANGED, CERTIFICATE_EXPIRED,
   * CERTIFICATE_NOT_YET_VALID or SIGNING_FAILED (not a PDF, or already signed).
   */
  async signPdf(councilId: string, pdf: Buffer, details: Partial<SignatureDetails> = {}): Promise<Buffer> {
    const { signer, councilName } = await this.signerFor(councilId);
    return signer.sign(pdf, {
      name: details.name ?? councilName,
      reason: details.reason ?? `Văn bản của ${councilName}`,
      location: details.location ?? councilName,
      contactInfo: details.contactInfo,
      signingTime: details.signingTime,
    });
  }

  /** The council's signer, its certificate checked for today. */
  async signerFor(councilId: string): Promise<{ signer: PdfSigner; councilName: string }> {
    const key = requireSigningKey(this.key);
    const [row]: (SigningCertificateRow & { council_name: string })[] = await this.db.query(
      `SELECT c.*, k.name AS council_name FROM signing_certificates c JOIN councils k ON k.id = c.council_id WHERE c.council_id = $1`,
      [councilId],
    );
    if (!row) throw new DomainError('SIGNING_CERTIFICATE_MISSING', 'This council has no signing certificate: an administrator uploads one first');
    if (row.key_id !== key.id) throw new DomainError('SIGNING_KEY_CHANGED', "The council's certificate was stored under another signing key: upload it again");
    const p12 = open(key, row.sealed_p12, sealContext(councilId, 'p12'));
    const password = open(key, row.sealed_password, sealContext(councilId, 'password')).toString('utf8');
    assertCurrentlyValid(openPkcs12(p12, password).certificate);
    return { signer: new P12PdfSigner(p12, password), councilName: row.council_name };
  }
}
