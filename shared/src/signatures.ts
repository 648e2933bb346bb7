/**
 * Digital signatures (chữ ký số): the council's signing certificate, kept by the server, and what
 * hopso reads from the signatures inside any uploaded PDF.
 */

/** How a signature in a PDF stands, checked by hopso itself. */
export const PDF_SIGNATURE_STATUSES = ['valid', 'validWithLaterChanges', 'modified', 'invalid'] as const;
/**
 * - valid: the signature covers the whole file except itself, the digest matches and the CMS signature verifies
 * - validWithLaterChanges: the signed revision is unchanged, but bytes were added after it (an incremental update, such as a later signature)
 * - modified: the signed bytes are not those that were signed
 * - invalid: the signature does not verify against its certificate, or cannot be read
 */
export type PdfSignatureStatus = (typeof PDF_SIGNATURE_STATUSES)[number];

export interface PdfSignatureInfo {
  /** The PDF form field holding the signature ("Signature1"). */
  fieldName: string | null;
  /** The signer certificate's common name, else the signature's /Name. */
  signerName: string | null;
  /** The signer certificate's subject and issuer (one attribute per line, as in "CN=…\nO=…"). */
  signerSubject: string | null;
  issuer: string | null;
  /** When it was signed, as the signature says (the signed signing-time attribute, else the dictionary's /M), ISO 8601. */
  signingTime: string | null;
  /** The signature format (/SubFilter): adbe.pkcs7.detached, ETSI.CAdES.detached, … */
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  /** The byte range covers the whole file except the signature value itself. */
  coversWholeDocument: boolean;
  /** The digest of the signed bytes equals the one the signature carries. */
  digestMatches: boolean;
  /** The CMS signature verifies against the signer certificate it carries. */
  signatureVerified: boolean;
  /** The signer certificate was within its validity at the signing time (null when no time is given). */
  certificateValidAtSigning: boolean | null;
  status: PdfSignatureStatus;
}

/** The council's signing certificate as an administrator sees it: never the key, never the password. */
export interface SigningCertificateInfo {
  councilId: string;
  /** The certificate's common name, the one signatures will show. */
  signerName: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 of the certificate, colon-separated hex, to compare with what the issuer gave. */
  fingerprintSha256: string;
  uploadedAt: string;
}

export interface SigningCertificateStatus {
  /** False when the server has no signing key configured (HOPSO_SIGNING_KEY): certificates cannot be stored or used. */
  signingAvailable: boolean;
  certificate: SigningCertificateInfo | null;
}

/** Multipart field names of the certificate upload. */
export const CERTIFICATE_FILE_FIELD = 'certificate';
export const CERTIFICATE_PASSWORD_FIELD = 'password';
/** A PKCS#12 file with its chain is a few kilobytes; anything near this is not one. */
export const MAX_CERTIFICATE_BYTES = 256 * 1024;
