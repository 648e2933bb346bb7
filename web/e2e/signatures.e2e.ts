import crypto from 'node:crypto';
import type { UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { signWithCouncilCertificate } from '../../server/src/signatures/council-signer';
import { signingKeyOf } from '../../server/src/signatures/signing-key';
import { login } from '../../server/test/support/api';
import { makeSigningP12, makeTestCa } from '../../server/test/support/certificates';
import type { TestServer } from '../../server/test/support/server';
import { DEMO_PASSWORD, desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

const KEY = crypto.randomBytes(32);
/** The test's pg client answers with a result object; the signer wants the rows, as TypeORM gives them. */
const rowsOf = (s: TestServer) => ({ query: async (sql: string, params?: unknown[]) => (await s.db.query(sql, params)).rows });

const world = demoWorld({ env: { HOPSO_SIGNING_KEY: KEY.toString('base64') } });

it('lets the administrator store the council certificate, and shows a delegate the signature of a signed resolution', async () => {
  const identity = makeSigningP12(makeTestCa('Tổ chức chứng thực thử nghiệm'), { commonName: 'Nguyễn Văn Thắng', password: 'mật-khẩu-p12' });
  const councilId: string = (await world.server.db.query('SELECT id FROM councils LIMIT 1')).rows[0].id;
  const meetingId: string = (await world.server.db.query('SELECT id FROM meetings LIMIT 1')).rows[0].id;

  const admin = await desktopContext(world.browser, world.server.url);
  const page = await logIn(admin, 'admin');
  try {
    await page.goto('/admin/councils');
    await page.locator(`[data-council-id="${councilId}"] [data-testid="council-signing"]`).click();
    const card = page.locator('[data-testid="signing-certificate"]');
    await card.waitFor();
    await page.setInputFiles('[data-testid="certificate-file"]', { name: 'hdnd.p12', mimeType: 'application/x-pkcs12', buffer: identity.p12 });
    await page.fill('[data-testid="certificate-password"]', 'sai mật khẩu');
    await page.click('[data-testid="certificate-upload"]');
    await waitForText(card.locator('[data-testid="certificate-error"]'), 'Mật khẩu của tệp chứng thư số không đúng');
    await page.fill('[data-testid="certificate-password"]', identity.password);
    await page.click('[data-testid="certificate-upload"]');
    await waitForText(card.locator('[data-testid="certificate-signer"]'), 'Nguyễn Văn Thắng');
  } catch (e) {
    await screenshotOnFailure(page, 'signatures-admin');
    throw e;
  } finally {
    await admin.close();
  }

  // what SignaturesService.signPdf does, against the server's database with the server's key
  const pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết về kế hoạch đầu tư công năm 2027',
    councilName: 'Hội đồng nhân dân xã Yên Hòa',
    articles: [{ heading: 'Điều 1. Thông qua kế hoạch', clauses: ['Thông qua kế hoạch đầu tư công năm 2027.'] }],
  });
  const signed = await signWithCouncilCertificate(rowsOf(world.server), signingKeyOf(KEY, 'HOPSO_SIGNING_KEY'), councilId, pdf, { reason: 'Nghị quyết đã được thông qua' });
  const secretary = await login(world.server, 'thuky1', DEMO_PASSWORD);
  const up = await secretary.upload(meetingId, [{ name: 'nghi-quyet-da-ky.pdf', data: signed }]);
  expect(up.status).toBe(201);
  const documentId = (up.body as UploadResult).documents[0].id;
  await secretary.waitReady(documentId);

  const phone = await phoneContext(world.browser, world.server.url);
  const reader = await logIn(phone, 'daibieu01');
  try {
    await reader.goto(`/documents/${documentId}`);
    const panel = reader.locator('[data-testid="signature-panel"]');
    await waitForText(panel, 'Hợp lệ — tài liệu không thay đổi kể từ khi ký');
    await panel.locator('summary').click();
    await waitForText(panel.locator('[data-testid="signature-signer"]'), 'Nguyễn Văn Thắng');
    await waitForText(panel, 'Nghị quyết đã được thông qua');
    // the panel fits the phone: nothing wider than the screen
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  } catch (e) {
    await screenshotOnFailure(reader, 'signatures-reader');
    throw e;
  } finally {
    await phone.close();
  }
});
