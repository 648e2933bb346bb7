import crypto from 'node:crypto';
import forge from 'node-forge';
import { DomainError } from '../common/domain-error';

/** A PKCS#12 file opened with its password: the signing certificate that matches its private key. */
export interface OpenedPkcs12 {
  certificate: crypto.X509Certificate;
  signerName: string | null;
}

/**
 * Opens a PKCS#12 file (node-forge reads PKCS#12; Node's crypto does not) and finds the certificate
 * whose public key is the private key's. Each way a file can be wrong has its own code.
 */
export function openPkcs12(p12: Buffer, password: string): OpenedPkcs12 {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')), false);
  } catch {
    throw notPkcs12();
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/MAC could not be verified|Invalid password/i.test(message)) throw new DomainError('CERTIFICATE_WRONG_PASSWORD', "The certificate file's password is wrong");
    throw notPkcs12();
  }
  const keyBags = [...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []), ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])];
  const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  // the PDF signer (@signpdf/signer-p12) signs with RSA keys in a shrouded key bag, the usual shape
  if (!key || !('n' in key)) throw noKey();
  const match = certBags.find((b) => {
    const pub = b.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return pub && 'n' in pub && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!match?.cert) throw noKey();
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(match.cert)).getBytes(), 'binary');
  const certificate = new crypto.X509Certificate(der);
  return { certificate, signerName: commonName(certificate) };
}

/** The certificate can sign now: not expired, already valid. */
export function assertCurrentlyValid(certificate: crypto.X509Certificate, now = new Date()): void {
  if (new Date(certificate.validTo) < now) throw new DomainError('CERTIFICATE_EXPIRED', `The certificate expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}`);
  if (new Date(certificate.validFrom) > now) throw new DomainError('CERTIFICATE_NOT_YET_VALID', `The certificate is valid only from ${new Date(certificate.validFrom).toISOString().slice(0, 10)}`);
}

/** The CN of a subject as Node prints it ("CN=Nguyễn Văn A\nO=…"); quoted values keep their commas. */
export function commonName(certificate: crypto.X509Certificate): string | null {
  for (const line of certificate.subject.split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3).replace(/^"(.*)"$/, '$1');
  }
  return null;
}

const notPkcs12 = () => new DomainError('CERTIFICATE_NOT_PKCS12', 'This file is not a PKCS#12 certificate (.p12, .pfx)');
const noKey = () => new DomainError('CERTIFICATE_NO_KEY', 'The certificate file does not hold a private key with its matching certificate');
