import type { Browser } from 'playwright-core';
import type { DocumentDetail, UploadResult } from '@hopso/shared';
import { pdfWithDamagedPage, pdfWithPages } from '../../fixtures';
import { blobOf, login, type Api } from '../../server/test/support/api';
import { startServer, type TestServer } from '../../server/test/support/server';
import { DEMO_PASSWORD, desktopContext, launchBrowser, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { waitForDemoIngest } from './support/demo';

let server: TestServer;
let browser: Browser;
let secretary: Api;
let meetingId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seedDemo: true }), launchBrowser()]);
  await waitForDemoIngest(server);
  meetingId = (await server.db.query('SELECT id FROM meetings LIMIT 1')).rows[0].id;
  secretary = await login(server, 'thuky1', DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function uploaded(name: string, data: Buffer): Promise<DocumentDetail> {
  const up = await secretary.upload(meetingId, [{ name, data }]);
  expect(up.status).toBe(201);
  return secretary.waitReady((up.body as UploadResult).documents[0].id);
}

it('shows a delegate on a phone which page could not be read, and draws the others', async () => {
  const doc = await uploaded('phu-luc-trang-hong.pdf', await pdfWithDamagedPage(3, 2));
  expect(doc.currentVersion).toMatchObject({ status: 'ready', damagedPages: [2] });
  const phone = await phoneContext(browser, server.url);
  const reader = await logIn(phone, 'daibieu01');
  try {
    await reader.goto(`/documents/${doc.id}`);
    await reader.locator('[data-testid="pdf-page"][data-page-number="1"][data-rendered="true"]').waitFor();
    const page2 = reader.locator('[data-testid="pdf-page"][data-page-number="2"]');
    await page2.scrollIntoViewIfNeeded();
    await waitForText(page2.locator('[data-testid="page-problem"]'), 'Trang 2 bị hỏng, không đọc được nội dung.');
    expect(await reader.locator('[data-testid="pdf-page"][data-page-number="1"] [data-testid="page-problem"]').count()).toBe(0);
  } catch (e) {
    await screenshotOnFailure(reader, 'readable-pages-damaged');
    throw e;
  } finally {
    await phone.close();
  }
});

it('a failed new version: delegates read version 1; the secretary sees the failure, the version delegates read, and deletes the failed one', async () => {
  const doc = await uploaded('ke-hoach-von.pdf', await pdfWithPages(2));
  const v1 = doc.currentVersion;
  const form = new FormData();
  form.append('files', blobOf(await pdfWithDamagedPage(1, 1), 'application/pdf'), 'ke-hoach-von-v2.pdf');
  expect((await secretary.request('POST', `/documents/${doc.id}/versions`, form)).status).toBe(201);
  expect((await secretary.waitReady(doc.id)).currentVersion).toMatchObject({ versionNo: 2, status: 'failed' });

  const phone = await phoneContext(browser, server.url);
  const reader = await logIn(phone, 'daibieu01');
  try {
    await reader.goto(`/documents/${doc.id}`);
    await reader.locator('[data-testid="pdf-page"][data-page-number="1"][data-rendered="true"]').waitFor();
    expect(await reader.locator('[data-testid="viewer-pages"]').getAttribute('data-num-pages')).toBe('2');
    expect(await reader.getByText('Xử lý thất bại').count()).toBe(0);
  } catch (e) {
    await screenshotOnFailure(reader, 'readable-pages-delegate');
    throw e;
  } finally {
    await phone.close();
  }

  const desk = await desktopContext(browser, server.url);
  const page = await logIn(desk, 'thuky1');
  try {
    await page.goto(`/meetings/${meetingId}/setup/documents`);
    const row = page.locator(`[data-testid="managed-document"][data-document-id="${doc.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    await waitForText(row.locator('[data-testid="readable-version-note"]'), `Đại biểu đang đọc phiên bản ${v1.versionNo} (bản đọc được mới nhất).`);
    await row.locator('[data-testid="retry-version"]').waitFor();
    await row.locator('[data-testid="delete-version"]').click();
    await page.locator(`[data-testid="managed-document"][data-document-id="${doc.id}"][data-status="ready"]`).waitFor();
    expect(await row.locator('[data-testid="readable-version-note"]').count()).toBe(0);
    const stored = await server.db.query('SELECT version_no, status FROM document_versions WHERE document_id = $1', [doc.id]);
    expect(stored.rows).toEqual([{ version_no: 1, status: 'ready' }]);
  } catch (e) {
    await screenshotOnFailure(page, 'readable-pages-staff');
    throw e;
  } finally {
    await desk.close();
  }
});
