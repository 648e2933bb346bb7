import crypto from 'node:crypto';
import type { Comment, DocumentSummary, Paragraph } from '@hopso/shared';
import { dictionaries } from '../src/i18n/dictionaries';
import { login } from '../../server/test/support/api';
import { pdfWithPages } from '../../fixtures';
import { DEMO_PASSWORD, desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoDocument, demoWorld } from './support/demo';

const vi = dictionaries.vi;
const TITLE = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';
const world = demoWorld();

it('shows a delegate on the phone that the secretariat replied, with a badge, and opens the reply in "Góp ý của tôi"', async () => {
  const { server } = world;
  const delegate = await login(server, 'daibieu04', DEMO_PASSWORD);
  const secretary = await login(server, 'thuky1', DEMO_PASSWORD);
  const context = await phoneContext(world.browser, server.url);
  const page = await logIn(context, 'daibieu04');
  try {
    const bell = page.locator('[data-testid="notifications-button"][data-loaded="true"]');
    await bell.waitFor();
    const before = Number(await bell.getAttribute('data-unread'));
    // a comment of theirs, answered by the secretariat while the page is open
    const { documentId, versionId } = await demoDocument(server, TITLE);
    const paragraphs = (await delegate.get<Paragraph[]>(`/documents/${documentId}/versions/${versionId}/paragraphs`)).body;
    const p = paragraphs.find((x) => x.kind === 'body')!;
    const comment = await delegate.post<Comment>(`/documents/${documentId}/comments`, {
      clientId: crypto.randomUUID(),
      anchor: { versionId, paragraphId: p.id, quote: { exact: p.text }, rects: p.rects },
      body: 'Đề nghị nêu rõ nguồn kinh phí dự phòng',
    });
    expect(comment.status).toBe(201);
    expect((await secretary.patch(`/comments/${comment.body.id}`, { status: 'answered', reply: 'Tổ thư ký đã bổ sung nguồn kinh phí vào Điều 2' })).status).toBe(200);
    // the badge counts it, live
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notifications-button"]')?.getAttribute('data-unread')) === n, before + 1, { timeout: 30_000 });
    await waitForText(page.locator('[data-testid="notifications-badge"]'), String(before + 1));
    await bell.click();
    const item = page.locator('[data-testid="notification-item"][data-kind="comment.replied"]').first();
    await waitForText(item, 'Tổ thư ký đã trả lời góp ý của bạn');
    await item.click();
    // opened: "Góp ý của tôi" with the reply; the notification is read
    const mine = page.locator(`[data-testid="my-comment"][data-comment-id="${comment.body.id}"]`);
    await waitForText(mine.locator('[data-testid="my-comment-reply"]'), 'Tổ thư ký đã bổ sung nguồn kinh phí vào Điều 2');
    await waitForText(mine, vi.commentStatus.answered);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notifications-button"]')?.getAttribute('data-unread')) === n, before, { timeout: 30_000 });
    // reachable from the meeting page too
    await page.goto(`/meetings/${world.meetingId}`);
    await page.locator('[data-testid="my-comments-link"]').click();
    await page.locator('[data-testid="my-comments-page"]').waitFor();
  } catch (e) {
    await screenshotOnFailure(page, 'notifications-reply');
    throw e;
  } finally {
    await context.close();
  }
});

it('uploads into the published meeting as a draft, and releases it to delegates only after the app asks', async () => {
  const { server } = world;
  const delegate = await login(server, 'daibieu05', DEMO_PASSWORD);
  const context = await desktopContext(world.browser, server.url);
  const page = await logIn(context, 'thuky1');
  try {
    await page.goto(`/meetings/${world.meetingId}/setup/documents`);
    await page.locator('[data-testid="upload-panel"]').waitFor();
    await page.setInputFiles('[data-testid="upload-input"]', [{ name: 'phu-luc-phat-hanh.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(1) }]);
    await page.locator('[data-testid="upload-title-input"][data-reading="false"]').waitFor();
    await page.fill('[data-testid="upload-title-input"]', 'Phụ lục phát hành riêng');
    await page.click('[data-testid="upload-start"]');
    const row = page.locator('[data-testid="managed-document"]', { hasText: 'Phụ lục phát hành riêng' });
    await row.waitFor({ timeout: 60_000 });
    await row.locator('[data-testid="document-state"][data-state="draft"]').waitFor();
    const documentId = (await row.getAttribute('data-document-id'))!;
    const seen = async () => (await delegate.get<DocumentSummary[]>(`/meetings/${world.meetingId}/documents`)).body.some((d) => d.id === documentId);
    expect(await seen()).toBe(false);
    // the app's own dialog (a native confirm() would block here): cancel first, nothing happens
    page.on('dialog', () => {
      throw new Error('the browser confirm() was used');
    });
    await row.locator('[data-testid="release-document"]').click();
    const dialog = page.locator('[data-testid="release-dialog"]');
    await waitForText(dialog, 'đại biểu sẽ thấy');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await seen()).toBe(false);
    await row.locator('[data-testid="release-document"]').click();
    await dialog.locator('[data-testid="confirm-dialog-ok"]').click();
    await row.locator('[data-testid="document-state"][data-state="released"]').waitFor();
    expect(await seen()).toBe(true);
  } catch (e) {
    await screenshotOnFailure(page, 'release-document');
    throw e;
  } finally {
    await context.close();
  }
});

it("lets the secretariat reset a delegate's password and print the account slip, which signs them in", async () => {
  const { server } = world;
  const context = await desktopContext(world.browser, server.url);
  const page = await logIn(context, 'thuky1');
  const { rows } = await server.db.query("SELECT id FROM users WHERE username = 'daibieu06'");
  const userId: string = rows[0].id;
  try {
    await page.goto(`/meetings/${world.meetingId}/setup/participants`);
    const panel = page.locator('[data-testid="account-slips-panel"]');
    await panel.waitFor();
    // the staff are not offered
    const { rows: staff } = await server.db.query("SELECT id FROM users WHERE username IN ('thuky1', 'chutoa')");
    for (const s of staff) expect(await panel.locator(`[data-testid="slip-choose"][data-user-id="${s.id}"]`).count()).toBe(0);
    await panel.locator(`[data-testid="slip-choose"][data-user-id="${userId}"]`).check();
    await panel.locator('[data-testid="reset-passwords"]').click();
    await page.locator('[data-testid="reset-passwords-dialog"] [data-testid="confirm-dialog-ok"]').click();
    const slip = panel.locator(`[data-testid="account-slip"][data-user-id="${userId}"]`);
    await waitForText(slip.locator('[data-testid="slip-login"]'), 'daibieu06');
    const password = (await slip.locator('[data-testid="slip-password"]').innerText()).trim();
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    // printed, only the slips show
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.classList.add('printing-slips'));
    expect(await page.locator('[data-testid="participants-table"]').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await slip.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await page.emulateMedia({ media: 'screen' });
    // the old password is gone; the slip's works
    expect((await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'daibieu06', password: DEMO_PASSWORD }) })).status).toBe(401);
    const phone = await phoneContext(world.browser, server.url);
    const delegatePage = await phone.newPage();
    await delegatePage.goto('/login');
    await delegatePage.fill('input[name="login"]', 'daibieu06');
    await delegatePage.fill('input[name="password"]', password);
    await delegatePage.click('[data-testid="login-submit"]');
    await delegatePage.locator('[data-testid="current-user"]').waitFor();
    await phone.close();
  } catch (e) {
    await screenshotOnFailure(page, 'account-slips');
    throw e;
  } finally {
    await context.close();
  }
});
