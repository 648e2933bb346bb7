import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

/** A certificate authority made for one test run: nothing here is trusted anywhere else. */
export interface TestCa {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
}

const DAY = 86400_000;
/** Node's own key generation (forge's is pure JavaScript and takes seconds on a loaded machine), handed to forge. */
function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey };
}

function certificate(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey, opts: { from: Date; to: Date; ca: boolean }) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = opts.from;
  cert.validity.notAfter = opts.to;
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(
    opts.ca
      ? [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }],
  );
  return cert;
}

/** Tagged UTF8String, which forge encodes itself: Vietnamese names as a real issuer writes them. */
const name = (fields: Record<string, string>): forge.pki.CertificateField[] =>
  Object.entries(fields).map(([shortName, value]) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }));

export function makeTestCa(commonName = 'hopso Test CA'): TestCa {
  const keys = keyPair();
  const subject = name({ CN: commonName, O: 'hopso tests' });
  const cert = certificate(subject, subject, keys.publicKey, { from: new Date(Date.now() - DAY), to: new Date(Date.now() + 365 * DAY), ca: true });
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert };
}

export interface SigningIdentity {
  p12: Buffer;
  password: string;
  commonName: string;
  certPem: string;
}

/** A signing certificate issued by `ca`, packed with its key and the CA into a PKCS#12 file. */
export function makeSigningP12(ca: TestCa, opts: { commonName: string; password: string; from?: Date; to?: Date; withKey?: boolean }): SigningIdentity {
  const keys = keyPair();
  const cert = certificate(name({ CN: opts.commonName, O: 'Hội đồng nhân dân xã Thử Nghiệm' }), ca.cert.subject.attributes, keys.publicKey, {
    from: opts.from ?? new Date(Date.now() - DAY),
    to: opts.to ?? new Date(Date.now() + 30 * DAY),
    ca: false,
  });
  cert.sign(ca.key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(opts.withKey === false ? null : keys.privateKey, [cert, ca.cert], opts.password, { algorithm: 'aes256' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), password: opts.password, commonName: opts.commonName, certPem: forge.pki.certificateToPem(cert) };
}

/** What Debian's poppler-utils says of a PDF's signatures (`pdfsig`), independently of hopso. */
export function pdfsig(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hopso-pdfsig-'));
  const file = path.join(dir, 'signed.pdf');
  try {
    fs.writeFileSync(file, pdf);
    try {
      return execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
    } catch (e) {
      // pdfsig exits non-zero when a signature does not validate; its report is what the test reads
      const err = e as { stdout?: string; stderr?: string };
      return `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
