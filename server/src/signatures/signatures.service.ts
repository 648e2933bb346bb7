import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signWithCouncilCertificate } from './council-signer';
import type { SignatureDetails } from './pdf-signer';
import { SIGNING_KEY, type SigningKey } from './signing-key';

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
  signPdf(councilId: string, pdf: Buffer, details: Partial<SignatureDetails> = {}): Promise<Buffer> {
    return signWithCouncilCertificate(this.db, this.key, councilId, pdf, details);
  }
}
