import { logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

it('lets a delegate on a phone log in, open a released document and read its first page', async () => {
  const context = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    await page.goto('/');
    await page.fill('input[name="login"]', 'daibieu01');
    await page.fill('input[name="password"]', 'hopso2026');
    await page.click('[data-testid="login-submit"]');

    const card = page.locator('[data-testid="meeting-card"]').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Kỳ họp thứ mười hai');
    await card.locator('[data-testid="meeting-card-link"]').click();

    await page.locator('[data-testid="meeting-page"]').waitFor();
    const link = page.locator('[data-testid="document-link"]', { hasText: 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027' });
    await link.click();

    const firstPage = page.locator('[data-testid="pdf-page"]').first();
    await firstPage.waitFor();
    const textLayer = firstPage.locator('[data-testid="text-layer"]');
    await waitForText(textLayer, 'HỘI ĐỒNG NHÂN DÂN');
    const text = (await textLayer.textContent()) ?? '';
    expect(text).toContain('QUYẾT NGHỊ');
    // the page fits the phone's width: no sideways scrolling
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  } catch (e) {
    await screenshotOnFailure(page, 'delegate-reads');
    throw e;
  } finally {
    await context.close();
  }
});

it('opens a meeting from a link with the first reads index.html started before the app loaded', async () => {
  const { rows } = await world.server.db.query("SELECT id, title FROM meetings WHERE status <> 'draft' ORDER BY starts_at LIMIT 1");
  const context = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    await logIn(page, 'daibieu01');
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });

    await page.goto(`/meetings/${rows[0].id}`);
    await page.locator('[data-testid="agenda-list"]').waitFor();
    expect(await page.locator('h1').textContent()).toContain(rows[0].title);
    // (the meeting's own reads may be asked again once the live connection joins: only the session is counted)
    expect(asked.filter((x) => x === '/api/auth/me')).toHaveLength(1);
    // index.html asked (window.__hopsoEarly) and the app took every one of those answers
    expect(
      await page.evaluate(() => {
        const early = (window as { __hopsoEarly?: Record<string, unknown> }).__hopsoEarly;
        return early && Object.keys(early);
      }),
    ).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(page, 'delegate-opens-link');
    throw e;
  } finally {
    await context.close();
  }
});

it('shows nothing of the meeting to someone not invited', async () => {
  const { rows } = await world.server.db.query('SELECT id FROM meetings LIMIT 1');
  const context = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    await logIn(page, 'admin');
    // an administrator is not a participant: the documents stay closed
    const status = await page.evaluate(async (id) => (await fetch(`/api/meetings/${id}/documents`)).status, rows[0].id);
    expect(status).toBe(404);
  } finally {
    await context.close();
  }
});
