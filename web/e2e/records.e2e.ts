import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { pdfText } from '../../server/test/support/read-back';
import { blobOf, login } from '../../server/test/support/api';
import { makeSigningP12, makeTestCa, pdfsig } from '../../server/test/support/certificates';
import { DEMO_PASSWORD, desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

// made first, when the file loads: generating the key blocks the event loop for a while, long enough for a pooled connection to the started server to go stale
const identity = makeSigningP12(makeTestCa('CA thử nghiệm biên bản'), { commonName: 'Thường trực HĐND xã Yên Hòa', password: 'mật-khẩu' });
const world = demoWorld({ env: { HOPSO_SIGNING_KEY: crypto.randomBytes(32).toString('base64') }, waitForIngest: false });
beforeAll(async () => {
  // the council's certificate, stored by its administrator (the browser side of that is signatures.e2e.ts)
  const councilId: string = (await world.server.db.query('SELECT council_id FROM meetings WHERE id = $1', [world.meetingId])).rows[0].council_id;
  const form = new FormData();
  form.append('certificate', blobOf(identity.p12, 'application/x-pkcs12'), 'hdnd.p12');
  form.append('password', identity.password);
  const admin = await login(world.server, 'admin', DEMO_PASSWORD);
  const stored = await admin.request('PUT', `/councils/${councilId}/signing-certificate`, form);
  if (stored.status !== 200) throw new Error(`store the certificate: ${stored.status} ${JSON.stringify(stored.body)}`);
});

const SUMMARY = 'Đại biểu thống nhất thông qua chương trình kỳ họp.';

async function download(page: Page, selector: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(selector)]);
  const path = await (file as Download).path();
  return { name: (file as Download).suggestedFilename(), body: fs.readFileSync(path) };
}

/** Today on the council's clock (Asia/Ho_Chi_Minh), as the UI writes dates: 01/12/2026. */
const todayInVietnam = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

it('lets the secretary draft the meeting report and the minutes, the chair approve them live, and the final PDF show its signature', async () => {
  const secretaryContext = await desktopContext(world.browser, world.server.url);
  const chairContext = await phoneContext(world.browser, world.server.url);
  const secretary = await logIn(secretaryContext, 'thuky1');
  const chair = await logIn(chairContext, 'chutoa');
  try {
    // the chair waits on the records page: the submission arrives without a reload
    await chair.goto(`/meetings/${world.meetingId}/records`);
    await chair.locator('[data-testid="minutes-list"] .empty-state').waitFor();

    await secretary.goto(`/meetings/${world.meetingId}`);
    await secretary.click('[data-testid="meeting-records-link"]');
    await secretary.locator('[data-testid="records-reports"]').waitFor();

    // the meeting-wide synthesis report, as a Word document
    const report = await download(secretary, '[data-testid="records-synthesis-docx"]');
    expect(report.name).toMatch(/^Báo cáo tổng hợp ý kiến.*\.docx$/);
    expect(report.body.subarray(0, 2).toString()).toBe('PK');

    // the minutes draft of the session, with a summary written for the first agenda item
    await secretary.click('[data-testid="minutes-new-session"]');
    await secretary.locator('[data-testid="minutes-editor"][data-status="draft"]').waitFor();
    await waitForText(chair.locator('[data-testid="minutes-row"]'), 'Dự thảo');
    await secretary.locator('[data-testid="minutes-summary"]').first().fill(SUMMARY);
    await secretary.click('[data-testid="minutes-save"]');
    await secretary.locator('[data-testid="minutes-editor"]', { hasText: 'Phiên bản 2' }).waitFor();
    await secretary.click('[data-testid="minutes-submit"]');
    await secretary.locator('[data-testid="minutes-editor"][data-status="submitted"]').waitFor();

    // the chair, on a phone, sees the submission live and approves
    await waitForText(chair.locator('[data-testid="minutes-row"]'), 'Chờ chủ tọa duyệt');
    await chair.click('[data-testid="minutes-open"]');
    await chair.locator('[data-testid="minutes-editor"][data-status="submitted"]').waitFor();
    expect(await chair.locator('[data-testid="minutes-summary"]').first().inputValue()).toBe(SUMMARY);
    await chair.click('[data-testid="minutes-approve"]');
    await chair.locator('[data-testid="minutes-editor"][data-status="final"]').waitFor();
    // the secretary's open minutes follow, locked
    await secretary.locator('[data-testid="minutes-editor"][data-status="final"]').waitFor();
    expect(await secretary.locator('[data-testid="minutes-save"]').count()).toBe(0);

    // the final minutes show their signature: signer, time on the council's clock, unchanged since signing
    const panel = chair.locator('[data-testid="minutes-editor"] [data-testid="signature-panel"]');
    await waitForText(panel, 'Hợp lệ — tài liệu không thay đổi kể từ khi ký');
    await panel.locator('summary').click();
    await waitForText(panel.locator('[data-testid="signature-signer"]'), 'Thường trực HĐND xã Yên Hòa');
    await waitForText(panel.locator('[data-testid="signature-time"]'), todayInVietnam());
    expect(await chair.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // the final PDF downloads, signed (poppler validates it), with the summary and the approval
    const pdf = await download(chair, '[data-testid="minutes-file-pdf"]');
    expect(pdf.name).toMatch(/^Biên bản .*\.pdf$/);
    const check = pdfsig(pdf.body);
    expect(check).toMatch(/Signature Validation: Signature is Valid/);
    expect(check).toMatch(/Thường trực HĐND xã Yên Hòa/);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(SUMMARY);
    expect(text).toContain('Biên bản đã được chủ tọa thông qua.');
  } catch (e) {
    await screenshotOnFailure(secretary, 'records-secretary');
    await screenshotOnFailure(chair, 'records-chair');
    throw e;
  } finally {
    await secretaryContext.close();
    await chairContext.close();
  }
});
