import type { DocumentDetail, UploadResult } from '@hopso/shared';
import { pdfWithDamagedPage, pdfWithPages } from '../../fixtures';
import { blobOf, login, type Api } from '../../server/test/support/api';
import { DEMO_PASSWORD, desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

let secretary: Api;

const world = demoWorld();
beforeAll(async () => {
  secretary = await login(world.server, 'thuky1', DEMO_PASSWORD);
}, 180_000);

async function uploaded(name: string, data: Buffer): Promise<DocumentDetail> {
  const up = await secretary.upload(world.meetingId, [{ name, data }]);
  expect(up.status).toBe(201);
  return secretary.waitReady((up.body as UploadResult).documents[0].id);
}

it('shows a delegate on a phone which page could not be read, and draws the others', async () => {
  const doc = await uploaded('phu-luc-trang-hong.pdf', await pdfWithDamagedPage(3, 2));
  expect(doc.currentVersion).toMatchObject({ status: 'ready', damagedPages: [2] });
  const phone = await phoneContext(world.browser, world.server.url);
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

  const phone = await phoneContext(world.browser, world.server.url);
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

  const desk = await desktopContext(world.browser, world.server.url);
  const page = await logIn(desk, 'thuky1');
  try {
    await page.goto(`/meetings/${world.meetingId}/setup/documents`);
    const row = page.locator(`[data-testid="managed-document"][data-document-id="${doc.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    await waitForText(row.locator('[data-testid="readable-version-note"]'), `Đại biểu đang đọc phiên bản ${v1.versionNo} (bản đọc được mới nhất).`);
    await row.locator('[data-testid="retry-version"]').waitFor();
    await row.locator('[data-testid="delete-version"]').click();
    await page.locator(`[data-testid="managed-document"][data-document-id="${doc.id}"][data-status="ready"]`).waitFor();
    expect(await row.locator('[data-testid="readable-version-note"]').count()).toBe(0);
    const stored = await world.server.db.query('SELECT version_no, status FROM document_versions WHERE document_id = $1', [doc.id]);
    expect(stored.rows).toEqual([{ version_no: 1, status: 'ready' }]);
  } catch (e) {
    await screenshotOnFailure(page, 'readable-pages-staff');
    throw e;
  } finally {
    await desk.close();
  }
});
