import forge from 'node-forge';
import { Signer } from '@signpdf/utils';

/**
 * The CMS of a PKCS#12 signature: @signpdf/signer-p12's own steps, with one fix. Hand-written because
 * that signer hands node-forge the certificate's issuer as forge parsed it (UTF-8 bytes) and forge
 * encodes UTF8String values once more when it writes the SignerInfo: with an issuer named in
 * Vietnamese, validators (pdfsig, hopso) then cannot find the signer certificate.
 */
export class P12CmsSigner extends Signer {
  constructor(
    private readonly p12: Buffer,
    private readonly password: string,
  ) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(this.p12.toString('binary')), false), false, this.password);
    const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
    const key = (parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []).find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new Error('the PKCS#12 file holds no private key');
    const certificate = certificates.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.equals(key.n) && pub.e.equals(key.e);
    });
    if (!certificate) throw new Error('no certificate of the PKCS#12 file matches its private key');

    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    for (const c of certificates) p7.addCertificate(c);
    p7.addSigner({
      key,
      // the issuer with its UTF8String values decoded, so forge writes their bytes once (see above)
      issuer: certificate.issuer.attributes.map((a) => (a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a)),
      serialNumber: certificate.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      // this order, as @signpdf/signer-p12 keeps it for EU validators
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
