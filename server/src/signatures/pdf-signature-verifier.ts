import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFObject } from 'pdf-lib';
import type { PdfSignatureInfo, PdfSignatureStatus } from '@hopso/shared';

/** pkijs on Node's WebCrypto, passed to each call rather than set globally. */
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: crypto.webcrypto as unknown as Crypto });

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
};
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** A signature field as the PDF holds it, before any check. */
interface SignatureField {
  fieldName: string | null;
  byteRange: number[] | null;
  contents: Uint8Array | null;
  subFilter: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  time: Date | null;
}

/**
 * The signatures of a PDF, each checked in-process: the byte range covers the whole file but the
 * signature value, the digest of those bytes is the one signed, the CMS signature verifies against the
 * signer certificate it carries. The chain is not checked against a trust list. Never throws for
 * anything in the file: a signature that cannot be read is reported as invalid.
 */
export async function verifyPdfSignatures(pdf: Buffer): Promise<PdfSignatureInfo[]> {
  // a signature dictionary is never inside a compressed stream (its offsets must be in the file): most files stop here
  if (!pdf.includes('/ByteRange')) return [];
  let fields: SignatureField[];
  try {
    fields = signatureFields(await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }));
  } catch {
    return [];
  }
  const out: PdfSignatureInfo[] = [];
  for (const field of fields) out.push(await checkSignature(pdf, field));
  return out;
}

function signatureFields(doc: PDFDocument): SignatureField[] {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const roots = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!roots) return [];
  const found: SignatureField[] = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict, inheritedType: string | null, parentName: string | null) => {
    if (seen.has(node) || seen.size > 10_000) return;
    seen.add(node);
    const type = nameOf(node.lookup(PDFName.of('FT'))) ?? inheritedType;
    const partial = textOf(node.lookup(PDFName.of('T')));
    const fullName = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, type, fullName);
    }
    if (type !== 'Sig') return;
    const value = node.lookup(PDFName.of('V'));
    if (!(value instanceof PDFDict)) return;
    const range = value.lookup(PDFName.of('ByteRange'));
    const contents = value.lookup(PDFName.of('Contents'));
    found.push({
      fieldName: fullName,
      byteRange: range instanceof PDFArray ? range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : null,
      contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : null,
      subFilter: nameOf(value.lookup(PDFName.of('SubFilter'))),
      name: textOf(value.lookup(PDFName.of('Name'))),
      reason: textOf(value.lookup(PDFName.of('Reason'))),
      location: textOf(value.lookup(PDFName.of('Location'))),
      time: dateOf(value.lookup(PDFName.of('M'))),
    });
  };
  for (let i = 0; i < roots.size(); i++) {
    const root = roots.lookup(i);
    if (root instanceof PDFDict) walk(root, null, null);
  }
  return found;
}

async function checkSignature(pdf: Buffer, field: SignatureField): Promise<PdfSignatureInfo> {
  const info: PdfSignatureInfo = {
    fieldName: field.fieldName,
    signerName: field.name,
    signerSubject: null,
    issuer: null,
    signingTime: field.time?.toISOString() ?? null,
    subFilter: field.subFilter,
    reason: field.reason,
    location: field.location,
    coversWholeDocument: false,
    digestMatches: false,
    signatureVerified: false,
    certificateValidAtSigning: null,
    status: 'invalid',
  };
  const ranges = byteRanges(field.byteRange, pdf.length);
  if (!ranges || !field.contents) return info;
  const [[start1, len1], [start2, len2]] = ranges;
  // the only unsigned bytes are the hex string of the signature itself, and the signed bytes run to the end
  const gap = pdf.subarray(start1 + len1, start2);
  const gapIsContents = gap.length >= 2 && gap[0] === 0x3c && gap[gap.length - 1] === 0x3e && /^[0-9a-fA-F\s]*$/.test(gap.subarray(1, -1).toString('latin1'));
  info.coversWholeDocument = start1 === 0 && gapIsContents && start2 + len2 === pdf.length;
  const signed = Buffer.concat([pdf.subarray(start1, start1 + len1), pdf.subarray(start2, start2 + len2)]);

  let signedData: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(trimTrailingZeros(field.contents));
    if (parsed.offset === -1) return info;
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) return info;
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return info;
  }
  const signer = signedData.signerInfos[0];
  if (!signer) return info;
  const certificate = signerCertificate(signedData, signer);
  if (certificate) {
    const x509 = new crypto.X509Certificate(Buffer.from(certificate.toSchema().toBER(false)));
    info.signerName = commonNameOf(certificate) ?? info.signerName;
    info.signerSubject = x509.subject;
    info.issuer = x509.issuer;
  }
  const attributes = signer.signedAttrs?.attributes ?? [];
  const signingTime = attributes.find((a) => a.type === OID.signingTime)?.values[0];
  if (signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime) info.signingTime = signingTime.toDate().toISOString();
  if (certificate && info.signingTime) {
    const at = new Date(info.signingTime);
    info.certificateValidAtSigning = certificate.notBefore.value <= at && at <= certificate.notAfter.value;
  }

  const digestName = DIGESTS[signer.digestAlgorithm.algorithmId];
  const messageDigest = attributes.find((a) => a.type === OID.messageDigest)?.values[0];
  if (field.subFilter === 'adbe.pkcs7.sha1') {
    // the signed content is the SHA-1 of the byte ranges, carried inside the CMS
    const eContent = signedData.encapContentInfo.eContent;
    info.digestMatches = !!eContent && Buffer.from(eContent.getValue()).equals(crypto.createHash('sha1').update(signed).digest());
  } else if (messageDigest instanceof asn1js.OctetString && digestName) {
    info.digestMatches = Buffer.from(messageDigest.getValue()).equals(crypto.createHash(digestName).update(signed).digest());
  }
  if (info.digestMatches || (!messageDigest && field.subFilter !== 'adbe.pkcs7.sha1')) {
    try {
      const result = await signedData.verify({ signer: 0, data: field.subFilter === 'adbe.pkcs7.sha1' ? undefined : toArrayBuffer(signed), extendedMode: true, checkChain: false }, engine);
      info.signatureVerified = result.signatureVerified === true;
    } catch {
      info.signatureVerified = false;
    }
    // without signed attributes the signature is over the bytes themselves
    if (!messageDigest && field.subFilter !== 'adbe.pkcs7.sha1') info.digestMatches = info.signatureVerified;
  }
  info.status = statusOf(info);
  return info;
}

function statusOf(s: Pick<PdfSignatureInfo, 'coversWholeDocument' | 'digestMatches' | 'signatureVerified'>): PdfSignatureStatus {
  if (!s.digestMatches) return 'modified';
  if (!s.signatureVerified) return 'invalid';
  return s.coversWholeDocument ? 'valid' : 'validWithLaterChanges';
}

/** Two ranges in order, inside the file, not overlapping; anything else is not a PDF signature's byte range. */
function byteRanges(range: number[] | null, fileLength: number): [[number, number], [number, number]] | null {
  if (!range || range.length !== 4 || range.some((n) => !Number.isSafeInteger(n) || n < 0)) return null;
  const [a, b, c, d] = range;
  if (a + b > c || c + d > fileLength) return null;
  return [
    [a, b],
    [c, d],
  ];
}

function signerCertificate(signedData: pkijs.SignedData, signer: pkijs.SignerInfo): pkijs.Certificate | null {
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (signer.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = signer.sid;
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  return certificates[0] ?? null;
}

function commonNameOf(certificate: pkijs.Certificate): string | null {
  const cn = certificate.subject.typesAndValues.find((t) => t.type === OID.commonName);
  const value = (cn?.value.valueBlock as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : null;
}

/** The placeholder is zero-padded after the CMS. */
function trimTrailingZeros(bytes: Uint8Array): ArrayBuffer {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return toArrayBuffer(bytes.subarray(0, end));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

const nameOf = (o: PDFObject | undefined): string | null => (o instanceof PDFName ? o.decodeText() : null);
const textOf = (o: PDFObject | undefined): string | null => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null);
function dateOf(o: PDFObject | undefined): Date | null {
  if (!(o instanceof PDFString || o instanceof PDFHexString)) return null;
  try {
    const d = o.decodeDate();
    return Number.isNaN(d.getTime()) ? null : d;
  } catch {
    return null;
  }
}
