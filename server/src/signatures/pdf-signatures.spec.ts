import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makeSigningP12, makeTestCa, pdfsig } from '../../test/support/certificates';
import { P12PdfSigner } from './pdf-signer';
import { verifyPdfSignatures } from './pdf-signature-verifier';
import { assertCurrentlyValid, openPkcs12 } from './pkcs12';

async function minutesPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('BIEN BAN KY HOP THU NHAT', { x: 60, y: 760, size: 14, font: await doc.embedFont(StandardFonts.TimesRoman) });
  return Buffer.from(await doc.save());
}

// an issuer named in Vietnamese (UTF8String), as the CMS must repeat it byte for byte
const ca = makeTestCa('Tổ chức chứng thực thử nghiệm');
const signer = makeSigningP12(ca, { commonName: 'Nguyễn Văn An', password: 'mật-khẩu thử' });

describe('a PDF signed with a PKCS#12 file', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await new P12PdfSigner(signer.p12, signer.password).sign(await minutesPdf(), { name: 'HĐND xã Thử Nghiệm', reason: 'Ký biên bản kỳ họp', location: 'Yên Hòa', signingTime: new Date('2026-12-01T03:00:00Z') });
  });

  it('is valid for pdfsig (poppler) and names the signer', () => {
    const report = pdfsig(signed);
    expect(report).toMatch(/Signer Certificate Common Name: Nguyễn Văn An/);
    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    expect(report).toMatch(/Total document signed/);
    expect(report).toMatch(/Signature Type: adbe\.pkcs7\.detached/);
  });

  it('is valid for hopso, with its signer, time, reason and place', async () => {
    expect(await verifyPdfSignatures(signed)).toEqual([
      expect.objectContaining({
        signerName: 'Nguyễn Văn An',
        signingTime: '2026-12-01T03:00:00.000Z',
        reason: 'Ký biên bản kỳ họp',
        location: 'Yên Hòa',
        subFilter: 'adbe.pkcs7.detached',
        coversWholeDocument: true,
        digestMatches: true,
        signatureVerified: true,
        certificateValidAtSigning: true,
        status: 'valid',
      }),
    ]);
  });

  it('fails both pdfsig and hopso once a signed byte is changed', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('BIEN BAN') >= 0 ? tampered.indexOf('BIEN BAN') : tampered.indexOf('/Type /Page');
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] ^= 0x01;
    expect(pdfsig(tampered)).not.toMatch(/Signature is Valid/);
    expect(await verifyPdfSignatures(tampered)).toEqual([expect.objectContaining({ digestMatches: false, status: 'modified' })]);
  });

  it('tells bytes added after the signed revision apart from changed ones', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% added after signing\n')]);
    expect(await verifyPdfSignatures(appended)).toEqual([expect.objectContaining({ coversWholeDocument: false, digestMatches: true, signatureVerified: true, status: 'validWithLaterChanges' })]);
    expect(pdfsig(appended)).not.toMatch(/Total document signed/);
  });

  it('reports a signature whose CMS does not verify as invalid', async () => {
    // one byte of the RSA signature value, near the end of the CMS, flipped inside /Contents
    const broken = Buffer.from(signed);
    const open = broken.indexOf('/Contents <') + '/Contents <'.length;
    const hex = broken.subarray(open, broken.indexOf('>', open)).toString('latin1').replace(/(00)+$/, '');
    const pos = open + hex.length - 10;
    broken[pos] = broken[pos] === 0x30 ? 0x31 : 0x30;
    const [result] = await verifyPdfSignatures(broken);
    expect(result).toMatchObject({ digestMatches: true, signatureVerified: false, status: 'invalid' });
  });

  it('refuses to sign a PDF twice (pdf-lib would rewrite it and break the first signature)', async () => {
    await expect(new P12PdfSigner(signer.p12, signer.password).sign(signed, { name: 'x', reason: 'x', location: 'x' })).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
  });
});

describe('an unsigned or unreadable PDF', () => {
  it('has no signatures', async () => {
    expect(await verifyPdfSignatures(await minutesPdf())).toEqual([]);
    expect(await verifyPdfSignatures(Buffer.from('%PDF-1.4 /ByteRange [0 1 2 3] garbage'))).toEqual([]);
  });
});

describe('opening a PKCS#12 file', () => {
  it('finds the certificate of the key, with its common name', () => {
    const opened = openPkcs12(signer.p12, signer.password);
    expect(opened.signerName).toBe('Nguyễn Văn An');
    expect(opened.certificate.subject).toMatch(/O=Hội đồng nhân dân xã Thử Nghiệm/);
  });

  it.each([
    ['a wrong password', () => openPkcs12(signer.p12, 'sai'), 'CERTIFICATE_WRONG_PASSWORD'],
    ['a file that is not PKCS#12', () => openPkcs12(Buffer.from('%PDF-1.7 not a certificate'), 'x'), 'CERTIFICATE_NOT_PKCS12'],
    ['a file with no key', () => openPkcs12(makeSigningP12(ca, { commonName: 'Không khóa', password: 'p', withKey: false }).p12, 'p'), 'CERTIFICATE_NO_KEY'],
    [
      'an expired certificate',
      () => assertCurrentlyValid(openPkcs12(makeSigningP12(ca, { commonName: 'Hết hạn', password: 'p', from: new Date(Date.now() - 20 * 86400_000), to: new Date(Date.now() - 86400_000) }).p12, 'p').certificate),
      'CERTIFICATE_EXPIRED',
    ],
  ])('refuses %s with its own code', (_what, attempt, code) => {
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });
});
