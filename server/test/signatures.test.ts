import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiErrorBody, DocumentDetail, SigningCertificateStatus, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { verifyPdfSignatures } from '../src/signatures/pdf-signature-verifier';
import { SignaturesService } from '../src/signatures/signatures.service';
import { signingKeyOf } from '../src/signatures/signing-key';
import { blobOf, buildMeetingWorld, login, type Api, type MeetingWorld } from './support/api';
import { makeSigningP12, makeTestCa, pdfsig, type SigningIdentity } from './support/certificates';
import { startServer, type TestServer } from './support/server';

const KEY = crypto.randomBytes(32);
const DAY = 86400_000;

let server: TestServer;
let w: MeetingWorld;
let db: DataSource;
let service: SignaturesService;
const ca = makeTestCa('CA thử nghiệm của hopso');
const good: SigningIdentity = makeSigningP12(ca, { commonName: 'Trần Thị Bình', password: 'mật khẩu (đúng) \\ 2026' });

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SIGNING_KEY: KEY.toString('base64') } });
  w = await buildMeetingWorld(server);
  db = new DataSource({ type: 'postgres', url: server.databaseUrl, entities: [] });
  await db.initialize();
  service = new SignaturesService(db, signingKeyOf(KEY, 'HOPSO_SIGNING_KEY'));
});

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

/** The world's people logged in on a restarted server (the Api clients hold the old server's address). */
async function relogin(next: TestServer): Promise<Pick<MeetingWorld, 'admin' | 'secretary' | 'delegate'>> {
  return { admin: await login(next, 'w-admin'), secretary: await login(next, 'w-secretary'), delegate: await login(next, 'w-delegate') };
}

const certificatePath = () => `/councils/${w.council.id}/signing-certificate`;
function uploadCertificate(api: Api, file: Buffer | null, password: string, councilId = w.council.id) {
  const form = new FormData();
  if (file) form.append('certificate', blobOf(file, 'application/x-pkcs12'), 'hdnd.p12');
  form.append('password', password);
  return api.request<SigningCertificateStatus & ApiErrorBody>('PUT', `/councils/${councilId}/signing-certificate`, form);
}
const storedRows = async () => Number((await server.db.query('SELECT count(*) AS n FROM signing_certificates')).rows[0].n);

async function resolutionPdf(title: string): Promise<Buffer> {
  return buildDraftResolutionPdf({ title, councilName: 'Hội đồng nhân dân xã Thử Nghiệm', articles: [{ heading: 'Điều 1. Thông qua', clauses: ['Nghị quyết được thông qua tại kỳ họp.'] }] });
}

async function uploadDocument(pdf: Buffer, name: string): Promise<DocumentDetail> {
  const up = await w.secretary.upload(w.meeting.id, [{ name, data: pdf }]);
  expect(up.status).toBe(201);
  return w.secretary.waitReady((up.body as UploadResult).documents[0].id);
}

const noKey = makeSigningP12(ca, { commonName: 'Không có khóa', password: 'p', withKey: false }).p12;
const expired = makeSigningP12(ca, { commonName: 'Đã hết hạn', password: 'p', from: new Date(Date.now() - 40 * DAY), to: new Date(Date.now() - DAY) }).p12;
const notYetValid = makeSigningP12(ca, { commonName: 'Chưa hiệu lực', password: 'p', from: new Date(Date.now() + 5 * DAY), to: new Date(Date.now() + 40 * DAY) }).p12;

describe('the council signing certificate', () => {
  it.each([
    ['a wrong password', () => good.p12, 'sai mật khẩu', 422, 'CERTIFICATE_WRONG_PASSWORD'],
    ['a file that is not PKCS#12', () => Buffer.from('%PDF-1.7\nnot a certificate'), 'x', 422, 'CERTIFICATE_NOT_PKCS12'],
    ['a PKCS#12 file without a private key', () => noKey, 'p', 422, 'CERTIFICATE_NO_KEY'],
    ['an expired certificate', () => expired, 'p', 422, 'CERTIFICATE_EXPIRED'],
    ['a certificate not valid yet', () => notYetValid, 'p', 422, 'CERTIFICATE_NOT_YET_VALID'],
    ['no file at all', () => null, 'p', 400, 'VALIDATION_FAILED'],
  ])('refuses %s with its code, and stores nothing', async (_what, file, password, status, code) => {
    const res = await uploadCertificate(w.admin, file(), password);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toBeTruthy();
    expect(await storedRows()).toBe(0);
  });

  it('is managed by administrators only', async () => {
    for (const api of [w.secretary, w.chair, w.delegate, w.outsider]) {
      expect((await uploadCertificate(api, good.p12, good.password)).status).toBe(403);
      expect((await api.get(certificatePath())).status).toBe(403);
      expect((await api.delete(certificatePath())).status).toBe(403);
    }
    expect((await uploadCertificate(w.anonymous, good.p12, good.password)).status).toBe(401);
    expect(await storedRows()).toBe(0);
    expect((await uploadCertificate(w.admin, good.p12, good.password, crypto.randomUUID())).status).toBe(404);
  });

  it('is stored sealed, described by subject, issuer and validity, never its key or password', async () => {
    const res = await uploadCertificate(w.admin, good.p12, good.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      signingAvailable: true,
      certificate: expect.objectContaining({ councilId: w.council.id, signerName: 'Trần Thị Bình', issuer: expect.stringContaining('CN=CA thử nghiệm của hopso'), fingerprintSha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) }),
    });
    expect(new Date(res.body.certificate!.validTo).getTime()).toBeGreaterThan(Date.now());
    const shown = JSON.stringify((await w.admin.get(certificatePath())).body);
    expect(shown).toContain('Trần Thị Bình');
    expect(shown).not.toContain(good.password);
    expect(shown).not.toMatch(/PRIVATE KEY|sealed/i);
    const { rows } = await server.db.query('SELECT sealed_p12, sealed_password FROM signing_certificates WHERE council_id = $1', [w.council.id]);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0].sealed_password).includes(Buffer.from(good.password))).toBe(false);
    expect(Buffer.from(rows[0].sealed_p12).includes(good.p12.subarray(0, 64))).toBe(false);
  });
});

describe('signing a document of the council (SignaturesService.signPdf)', () => {
  let signed: Buffer;
  beforeAll(async () => {
    signed = await service.signPdf(w.council.id, await resolutionPdf('Nghị quyết đã thông qua'), { reason: 'Ban hành nghị quyết', location: 'Yên Hòa' });
  });

  it('makes a PDF that poppler (pdfsig) validates, signed by the council certificate', () => {
    const report = pdfsig(signed);
    expect(report).toMatch(/Signer Certificate Common Name: Trần Thị Bình/);
    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    expect(report).toMatch(/Total document signed/);
  });

  it('fails pdfsig and hopso once tampered with', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/MediaBox');
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = 'm'.charCodeAt(0);
    expect(pdfsig(tampered)).not.toMatch(/Signature is Valid/);
    expect((await verifyPdfSignatures(tampered))[0]).toMatchObject({ digestMatches: false, status: 'modified' });
  });

  it('shows the signer, the time and that the document is unchanged in the uploaded document, to every reader', async () => {
    const doc = await uploadDocument(signed, 'nghi-quyet-da-ky.pdf');
    expect(doc.currentVersion.status).toBe('ready');
    const byDelegate = (await w.delegate.get<DocumentDetail>(`/documents/${doc.id}`)).body;
    expect(byDelegate.currentVersion.signatures).toEqual([
      expect.objectContaining({ signerName: 'Trần Thị Bình', reason: 'Ban hành nghị quyết', location: 'Yên Hòa', coversWholeDocument: true, digestMatches: true, signatureVerified: true, status: 'valid' }),
    ]);
    const at = new Date(byDelegate.currentVersion.signatures![0].signingTime!).getTime();
    expect(Math.abs(at - Date.now())).toBeLessThan(10 * 60_000);
    expect(byDelegate.versions[0].signatures).toEqual(byDelegate.currentVersion.signatures);
  });

  it('shows a tampered upload as modified since signing, and an unsigned one with no signatures', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 1] = 'm'.charCodeAt(0);
    const bad = await uploadDocument(tampered, 'nghi-quyet-bi-sua.pdf');
    expect(bad.currentVersion.signatures).toEqual([expect.objectContaining({ signerName: 'Trần Thị Bình', digestMatches: false, status: 'modified' })]);
    const plain = await uploadDocument(await resolutionPdf('Dự thảo chưa ký'), 'du-thao.pdf');
    expect(plain.currentVersion.signatures).toEqual([]);
  });

  it('checks versions ingested before signatures were read once the server starts again', async () => {
    const doc = await uploadDocument(signed, 'nghi-quyet-cu.pdf');
    await server.db.query('DELETE FROM document_version_signatures WHERE version_id = $1', [doc.currentVersion.id]);
    expect((await w.secretary.get<DocumentDetail>(`/documents/${doc.id}`)).body.currentVersion.signatures).toBeUndefined();
    const databaseName = new URL(server.databaseUrl).pathname.slice(1);
    await server.stop();
    server = await startServer({ databaseName, env: { HOPSO_SIGNING_KEY: KEY.toString('base64') } });
    w = { ...w, ...(await relogin(server)) };
    const deadline = Date.now() + 30_000;
    let detail: DocumentDetail;
    do {
      detail = (await w.secretary.get<DocumentDetail>(`/documents/${doc.id}`)).body;
      if (detail.currentVersion.signatures) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    expect(detail.currentVersion.signatures).toEqual([expect.objectContaining({ signerName: 'Trần Thị Bình', status: 'valid' })]);
  });

  it('refuses with a clear code when the signing key changed, when there is no key, and once the certificate is removed', async () => {
    const pdf = await resolutionPdf('Biên bản');
    await expect(new SignaturesService(db, signingKeyOf(crypto.randomBytes(32), 'HOPSO_SIGNING_KEY')).signPdf(w.council.id, pdf)).rejects.toMatchObject({ code: 'SIGNING_KEY_CHANGED' });
    await expect(new SignaturesService(db, null).signPdf(w.council.id, pdf)).rejects.toMatchObject({ code: 'SIGNING_KEY_MISSING' });
    await expect(service.signPdf(w.council.id, Buffer.from('not a pdf'))).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
    expect((await w.admin.delete(certificatePath())).status).toBe(204);
    expect((await w.admin.get<SigningCertificateStatus>(certificatePath())).body).toEqual({ signingAvailable: true, certificate: null });
    await expect(service.signPdf(w.council.id, pdf)).rejects.toMatchObject({ code: 'SIGNING_CERTIFICATE_MISSING' });
  });
});
