import { DomainError } from '../common/domain-error';
import type { PdfSigner, SignatureDetails } from './pdf-signer';
import { assertCurrentlyValid, openPkcs12, P12PdfSigner } from './signature-libraries';
import { findCertificateWithCouncilName, sealContext, type SqlRunner } from './signatures.repository';
import { open, requireSigningKey, type SigningKey } from './signing-key';

/** The council's signer, its certificate opened with the server's key and checked for today. */
export async function councilSigner(db: SqlRunner, key: SigningKey | null, councilId: string): Promise<{ signer: PdfSigner; councilName: string }> {
  const signingKey = requireSigningKey(key);
  const row = await findCertificateWithCouncilName(db, councilId);
  if (!row) throw new DomainError('SIGNING_CERTIFICATE_MISSING', 'This council has no signing certificate: an administrator uploads one first');
  if (row.key_id !== signingKey.id) throw new DomainError('SIGNING_KEY_CHANGED', "The council's certificate was stored under another signing key: upload it again");
  const p12 = open(signingKey, row.sealed_p12, sealContext(councilId, 'p12'));
  const password = open(signingKey, row.sealed_password, sealContext(councilId, 'password')).toString('utf8');
  assertCurrentlyValid(openPkcs12(p12, password).certificate);
  return { signer: new P12PdfSigner(p12, password), councilName: row.council_name };
}

/** The PDF signed with the council's certificate; details not given default to the council's name and a generic reason. */
export async function signWithCouncilCertificate(db: SqlRunner, key: SigningKey | null, councilId: string, pdf: Buffer, details: Partial<SignatureDetails> = {}): Promise<Buffer> {
  const { signer, councilName } = await councilSigner(db, key, councilId);
  return signer.sign(pdf, {
    name: details.name ?? councilName,
    reason: details.reason ?? `Văn bản của ${councilName}`,
    location: details.location ?? councilName,
    contactInfo: details.contactInfo,
    signingTime: details.signingTime,
  });
}
