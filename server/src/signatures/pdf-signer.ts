import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED, type Signer as CmsSigner } from '@signpdf/utils';
import { DomainError } from '../common/domain-error';
import { P12CmsSigner } from './p12-cms-signer';

/** What a signature says about itself, written into the PDF's signature dictionary. */
export interface SignatureDetails {
  /** Who signs, as the dictionary's /Name (the certificate's name is what validators show). */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime?: Date;
}

/**
 * Signs a PDF as a whole: the PDF in, the PDF with one more signature (PAdES-style, a detached CMS
 * over the byte ranges) out. One implementation per way a council holds its key: a PKCS#12 file
 * (below); a USB token through PKCS#11 or a remote signing service only need to produce the CMS and
 * can reuse signWithCms.
 */
export interface PdfSigner {
  sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer>;
}

/**
 * Adds an invisible signature field with a placeholder (pdf-lib, which rewrites the file, so an
 * already signed PDF is refused rather than its signatures broken), then lets `cms` sign the byte
 * ranges. `cmsBytes` is the room kept for the CMS: it must hold the signer's certificates.
 */
export async function signWithCms(pdf: Buffer, details: SignatureDetails, cms: CmsSigner, cmsBytes: number): Promise<Buffer> {
  if (pdf.includes('/ByteRange')) throw new DomainError('SIGNING_FAILED', 'This PDF is already signed; signing it again here would break that signature');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new DomainError('SIGNING_FAILED', 'This file is not a PDF that can be signed');
  }
  const signingTime = details.signingTime ?? new Date();
  pdflibAddPlaceholder({
    pdfDoc: doc,
    name: pdfText(details.name),
    reason: pdfText(details.reason),
    location: pdfText(details.location),
    contactInfo: pdfText(details.contactInfo ?? ''),
    signingTime,
    signatureLength: cmsBytes,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'hopso',
  });
    const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, cms, signingTime);
}

/** The council's PKCS#12 file, opened with its password only while signing. */
export class P12PdfSigner implements PdfSigner {
  constructor(
    private readonly p12: Buffer,
    private readonly password: string,
  ) {}

  sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    // the CMS carries every certificate of the file, and the file is little more than them
    return signWithCms(pdf, details, new P12CmsSigner(this.p12, this.password), Math.max(8192, this.p12.length + 4096));
  }
}

/**
 * The placeholder writes /Name, /Reason, /Location as literal strings of the characters it is given,
 * one byte each, so "ễ" would not survive: it is given the UTF-16BE text string (with its byte order
 * mark) as those bytes, with the literal string's own escapes.
 */
function pdfText(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return [...utf16].map((b) => (b === 0x5c ? '\\\\' : b === 0x28 ? '\\(' : b === 0x29 ? '\\)' : b === 0x0d ? '\\r' : b === 0x0a ? '\\n' : String.fromCharCode(b))).join('');
}
