import type { ErrorCode } from '@hopso/shared';
import { DomainError } from '../common/domain-error';
import type { SignatureDetails } from '../signatures/pdf-signer';
import type { SignaturesService } from '../signatures/signatures.service';

/** Reasons a document of record is served without the council's signature rather than not at all. */
const UNSIGNED_FALLBACK = new Set<ErrorCode>(['SIGNING_KEY_MISSING', 'SIGNING_CERTIFICATE_MISSING', 'SIGNING_KEY_CHANGED', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_NOT_YET_VALID']);

/**
 * The PDF signed (PAdES) with the council's certificate; unsigned when the council has no usable
 * certificate (none stored, no signing key, expired): the record is still served. `alreadySigned`
 * keeps a PDF that carries signatures of its own as it is (signing it again would break them).
 */
export async function signRecord(signatures: SignaturesService, councilId: string, pdf: Buffer, details: Partial<SignatureDetails>, opts: { keepIfSigned?: boolean } = {}): Promise<Buffer> {
  try {
    return await signatures.signPdf(councilId, pdf, details);
  } catch (e) {
    if (e instanceof DomainError && (UNSIGNED_FALLBACK.has(e.code) || (opts.keepIfSigned && e.code === 'SIGNING_FAILED'))) return pdf;
    throw e;
  }
}
