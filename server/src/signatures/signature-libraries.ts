import type crypto from 'node:crypto';
import type { PdfSignatureInfo } from '@hopso/shared';
import type { OpenedPkcs12 } from './pkcs12';
import type { PdfSigner, SignatureDetails } from './pdf-signer';

// pdf-lib, @signpdf, node-forge, pkijs and asn1js load at the first signature checked or made, not at
// start: an idle process does neither (issue 15: a replica's idle memory, bench/scale/idle.mjs)
type Verifier = typeof import('./pdf-signature-verifier');
type Pkcs12 = typeof import('./pkcs12');
type Signer = typeof import('./pdf-signer');

/** verifyPdfSignatures of pdf-signature-verifier.ts, loaded at its first use. */
export const verifyPdfSignatures = (pdf: Buffer): Promise<PdfSignatureInfo[]> => (require('./pdf-signature-verifier') as Verifier).verifyPdfSignatures(pdf);

/** openPkcs12 of pkcs12.ts, loaded at its first use. */
export const openPkcs12 = (p12: Buffer, password: string): OpenedPkcs12 => (require('./pkcs12') as Pkcs12).openPkcs12(p12, password);

/** assertCurrentlyValid of pkcs12.ts, loaded at its first use. */
export const assertCurrentlyValid = (certificate: crypto.X509Certificate, now?: Date): void => (require('./pkcs12') as Pkcs12).assertCurrentlyValid(certificate, now);

/** P12PdfSigner of pdf-signer.ts, its libraries loaded at its first signature. */
export class P12PdfSigner implements PdfSigner {
  constructor(
    private readonly p12: Buffer,
    private readonly password: string,
  ) {}

  sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    return new (require('./pdf-signer') as Signer).P12PdfSigner(this.p12, this.password).sign(pdf, details);
  }
}
