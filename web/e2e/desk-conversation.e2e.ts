import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText, waitUntilLive } from './support/browser';
import { demoWorld } from './support/demo';
import { expectNoSeriousA11yViolations } from './support/axe';

const world = demoWorld();

/** The delegate comments on a paragraph of a released document through the API (as the outbox would). */
async function comment(delegate: Page, meetingId: string, body: string): Promise<{ id: string }> {
  const posted = await delegate.evaluate(
    async ({ id, text }) => {
      const docs = await (await fetch(`/api/meetings/${id}/documents`)).json();
      const doc = docs[0];
      const paragraphs = await (await fetch(`/api/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).json();
      const paragraph = paragraphs.find((p: { text: string }) => p.text.length > 40) ?? paragraphs[0];
      const res = await fetch(`/api/documents/${doc.id}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          clientId: crypto.randomUUID(),
          anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text.slice(0, 60), prefix: '', suffix: '' }, rects: paragraph.rects },
          body: text,
        }),
      });
      return { status: res.status, comment: await res.json() };
    },
    { id: meetingId, text: body },
  );
  expect(posted.status).toBe(201);
  return posted.comment;
}

const feedBodies = (desk: Page) => desk.locator('[data-testid="desk-comment-body"]').allTextContents();

it('searches the desk without diacritics, on the server and for comments arriving live, with filters in a third of a 1366×768 screen', async () => {
  const { server, browser, meetingId } = world;
  const secretaryContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const delegateContext = await phoneContext(browser, server.url);
  const desk = await logIn(secretaryContext, 'thuky1');
  const delegate = await logIn(delegateContext, 'daibieu03');
  try {
    await comment(delegate, meetingId, 'Đề nghị tăng kinh phí dự phòng cho xã.');
    await comment(delegate, meetingId, 'Nhất trí với tờ trình.');
    await desk.goto(`/meetings/${meetingId}/desk`);
    await desk.locator('[data-testid="desk-feed"]').waitFor();
    await waitUntilLive(desk);
    // the filters leave two thirds of the first screen to the comments
    const filters = await desk.locator('[data-testid="desk-filters"]').boundingBox();
    expect(filters!.height).toBeLessThan(768 / 3);
    const firstCard = await desk.locator('[data-testid="desk-comment"]').first().boundingBox();
    expect(firstCard!.y).toBeLessThan(768);

    await desk.locator('[data-testid="desk-search"]').fill('du phong');
    await desk.waitForFunction(() => {
      const bodies = [...document.querySelectorAll('[data-testid="desk-comment-body"]')].map((e) => e.textContent);
      return bodies.length === 1 && bodies[0] === 'Đề nghị tăng kinh phí dự phòng cho xã.';
    });
    expect(desk.url()).toContain('q=du+phong');
    // live: one that matches joins the searched list, one that does not stays out
    await comment(delegate, meetingId, 'Nguồn DỰ PHÒNG ngân sách cần rõ hơn.');
    await comment(delegate, meetingId, 'Không có ý kiến khác.');
    await desk.locator('[data-testid="desk-comment-body"]', { hasText: 'Nguồn DỰ PHÒNG ngân sách cần rõ hơn.' }).waitFor({ timeout: 15_000 });
    // the unmatched one arrived before or with it (events come in order): it is not shown
    expect((await feedBodies(desk)).sort()).toEqual(['Nguồn DỰ PHÒNG ngân sách cần rõ hơn.', 'Đề nghị tăng kinh phí dự phòng cho xã.']);
    await desk.locator('[data-testid="clear-filters"]').click();
    await desk.waitForFunction(() => document.querySelectorAll('[data-testid="desk-comment"]').length === 4);
  } catch (e) {
    await screenshotOnFailure(desk, 'desk-search');
    throw e;
  } finally {
    await secretaryContext.close();
    await delegateContext.close();
  }
});

it('counts the comments that arrive while the tab is not looked at in its title, and clears it when seen', async () => {
  const { server, browser, meetingId } = world;
  const secretaryContext = await desktopContext(browser, server.url);
  const delegateContext = await phoneContext(browser, server.url);
  const desk = await logIn(secretaryContext, 'thuky1');
  const delegate = await logIn(delegateContext, 'daibieu04');
  try {
    await desk.goto(`/meetings/${meetingId}/desk`);
    await desk.locator('[data-testid="desk-page"]').waitFor();
    await waitUntilLive(desk);
    await desk.waitForFunction(() => document.title.startsWith('Theo dõi góp ý'));
    // the secretary switches to another window
    await desk.evaluate(() => {
      document.hasFocus = () => false;
      window.dispatchEvent(new Event('blur'));
    });
    await comment(delegate, meetingId, 'Góp ý thứ nhất khi thư ký vắng.');
    await comment(delegate, meetingId, 'Góp ý thứ hai khi thư ký vắng.');
    await desk.waitForFunction(() => document.title.startsWith('(2) Theo dõi góp ý'), undefined, { timeout: 15_000 });
    // back at the desk: seen, the count goes
    await desk.evaluate(() => {
      document.hasFocus = () => true;
      window.dispatchEvent(new Event('focus'));
    });
    await desk.waitForFunction(() => document.title.startsWith('Theo dõi góp ý'));
    // one that arrives while the secretary looks is seen at once
    await comment(delegate, meetingId, 'Góp ý khi thư ký đang xem.');
    await desk.locator('[data-testid="desk-comment-body"]', { hasText: 'Góp ý khi thư ký đang xem.' }).waitFor({ timeout: 15_000 });
    expect(await desk.title()).toMatch(/^Theo dõi góp ý/);
  } catch (e) {
    await screenshotOnFailure(desk, 'desk-title');
    throw e;
  } finally {
    await secretaryContext.close();
    await delegateContext.close();
  }
});

it('holds a short conversation between the desk and the delegate, live on both sides, until the secretary marks it resolved', async () => {
  const { server, browser, meetingId } = world;
  // axe-core is injected as a script: the app's CSP is bypassed for that alone
  const secretaryContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, locale: 'vi-VN', bypassCSP: true });
  const delegateContext = await phoneContext(browser, server.url);
  const desk = await logIn(secretaryContext, 'thuky1');
  const delegate = await logIn(delegateContext, 'daibieu05');
  try {
    const c = await comment(delegate, meetingId, 'Đề nghị làm rõ chỉ tiêu thu ngân sách.');
    await delegate.goto(`/meetings/${meetingId}/my-comments`);
    const mine = delegate.locator(`[data-testid="my-comment"][data-comment-id="${c.id}"]`);
    await mine.waitFor();
    // followed live: what the desk writes from now on arrives without a reload
    await delegate.locator('[data-testid="my-comments-page"][data-live="true"]').waitFor({ timeout: 20_000 });
    // nothing to answer yet
    expect(await mine.locator('[data-testid="thread-form"]').count()).toBe(0);

    await desk.goto(`/meetings/${meetingId}/desk`);
    const card = desk.locator(`[data-testid="desk-comment"][data-comment-id="${c.id}"]`);
    await card.waitFor();
    await waitUntilLive(desk);
    await card.locator('[data-testid="thread-input"]').fill('Đại biểu muốn làm rõ chỉ tiêu của năm nào?');
    await card.locator('[data-testid="thread-send"]').click();
    await card.locator('[data-testid="thread-message"][data-from="staff"]').waitFor();

    // the delegate sees it live, and answers
    await waitForText(mine.locator('[data-testid="thread-message"][data-from="staff"]'), 'Đại biểu muốn làm rõ chỉ tiêu của năm nào?', 15_000);
    await mine.locator('[data-testid="thread-input"]').fill('Năm 2026, thưa tổ thư ký.');
    await mine.locator('[data-testid="thread-send"]').click();
    await mine.locator('[data-testid="thread-message"][data-from="author"]').waitFor();

    // the desk sees the answer live, replies again
    await waitForText(card.locator('[data-testid="thread-message"][data-from="author"]'), 'Năm 2026, thưa tổ thư ký.', 15_000);
    await card.locator('[data-testid="thread-input"]').fill('Đã ghi nhận, sẽ trình bày tại kỳ họp.');
    await card.locator('[data-testid="thread-send"]').click();
    await mine.locator('[data-testid="thread-message"]').nth(2).waitFor({ timeout: 15_000 });
    expect(await mine.locator('[data-testid="thread-message"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-from')))).toEqual(['staff', 'author', 'staff']);
    await expectNoSeriousA11yViolations(desk, 'desk with a conversation');

    // the delegate's document panel holds the same thread
    const bell = delegate.locator('[data-testid="notifications-button"][data-loaded="true"]');
    await delegate.waitForFunction(() => Number(document.querySelector('[data-testid="notifications-button"]')?.getAttribute('data-unread')) >= 1, undefined, { timeout: 30_000 });
    await bell.click();
    expect(await delegate.locator('[data-testid="notification-item"][data-kind="comment.replied"]').count()).toBeGreaterThanOrEqual(1);
    await delegate.keyboard.press('Escape');

    // resolved: the badge on both sides, and no more writing
    await card.locator('[data-testid="comment-resolve"]').click();
    await desk.locator(`[data-testid="desk-comment"][data-comment-id="${c.id}"][data-resolved="true"]`).waitFor();
    await mine.locator('[data-testid="comment-resolved"]').waitFor({ timeout: 15_000 });
    expect(await mine.locator('[data-testid="thread-form"]').count()).toBe(0);
    expect(await card.locator('[data-testid="thread-form"]').count()).toBe(0);
    // opened again, the delegate may write once more
    await card.locator('[data-testid="comment-reopen"]').click();
    await mine.locator('[data-testid="thread-form"]').waitFor({ timeout: 15_000 });
  } catch (e) {
    await screenshotOnFailure(desk, 'desk-conversation-secretary');
    await screenshotOnFailure(delegate, 'desk-conversation-delegate');
    throw e;
  } finally {
    await secretaryContext.close();
    await delegateContext.close();
  }
});
