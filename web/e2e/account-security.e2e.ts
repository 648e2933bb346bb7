import type { Page } from 'playwright-core';
import { dictionaries } from '../src/i18n/dictionaries';
import { DEMO_PASSWORD, desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

const vi = dictionaries.vi;
const TITLE = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';
const world = demoWorld();

/** Every CSP violation the page reports, from the document and from its workers' consoles. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const listen = (text: string) => {
    if (/CSP violation|Content Security Policy/i.test(text)) violations.push(text);
  };
  page.on('console', (m) => listen(m.text()));
  page.on('worker', (worker) => worker.on('console', (m) => listen(m.text())));
  return violations;
}

it('runs the viewer (pdf.js in its worker), the service worker and the built app under the CSP without a violation', async () => {
  const context = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  const violations = await recordViolations(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  try {
    const first = await page.goto('/login');
    expect(first?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await logIn(page, 'daibieu02');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    await page.locator('[data-testid="meeting-card-link"]').first().click();
    await page.locator('[data-testid="document-link"]', { hasText: TITLE }).click();
    const textLayer = page.locator('[data-testid="pdf-page"]').first().locator('[data-testid="text-layer"]');
    await waitForText(textLayer, 'HỘI ĐỒNG NHÂN DÂN');
    // pdf.js parsed the file in its own worker, not in the fake worker it falls back to when one is refused
    expect(workers.some((url) => /pdf\.worker/.test(url))).toBe(true);
    expect(violations).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(page, 'csp-viewer');
    throw e;
  } finally {
    await context.close();
  }
});

it("runs the secretary's screens and the hall screen under the CSP, and the app's own writes pass the Origin check", async () => {
  const { rows } = await world.server.db.query("SELECT id FROM meetings WHERE status <> 'draft' ORDER BY starts_at LIMIT 1");
  const meetingId: string = rows[0].id;
  const context = await desktopContext(world.browser, world.server.url);
  const page = await context.newPage();
  const violations = await recordViolations(page);
  try {
    await logIn(page, 'thuky1');
    await page.goto(`/meetings/${meetingId}`);
    await page.locator('[data-testid="meeting-setup-link"]').click();
    await page.locator('form').first().waitFor();
    await page.goto(`/meetings/${meetingId}/desk`);
    await page.locator('[data-testid="desk-page"]').waitFor();
    // a write from the page itself, with the browser's own Origin and the session cookie
    const link = await page.evaluate(async (id) => {
      const res = await fetch(`/api/meetings/${id}/display-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: 'TV' }) });
      return { status: res.status, url: ((await res.json()) as { url: string }).url };
    }, meetingId);
    expect(link.status).toBe(201);
    await page.goto(link.url);
    await page.locator('[data-testid="hall-agenda"]').waitFor();
    expect(violations).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(page, 'csp-secretary');
    throw e;
  } finally {
    await context.close();
  }
});

it('shows the API documentation under the CSP', async () => {
  const context = await desktopContext(world.browser, world.server.url);
  const page = await context.newPage();
  const violations = await recordViolations(page);
  try {
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info .title', { hasText: 'hopso API' }).waitFor();
    await page.locator('.opblock-summary-path', { hasText: '/api/auth/password' }).first().waitFor();
    expect(violations).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(page, 'csp-api-docs');
    throw e;
  } finally {
    await context.close();
  }
});

it('lets a delegate on a phone change their password in Vietnamese, and signs their other devices out', async () => {
  const context = await phoneContext(world.browser, world.server.url);
  const otherDevice = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    const other = await logIn(otherDevice, 'daibieu03');
    await logIn(page, 'daibieu03');
    // on a phone the account's links wait behind the header's menu button
    await page.click('[data-testid="app-menu-toggle"]');
    await page.click('[data-testid="change-password-link"]');
    await page.locator('[data-testid="change-password-page"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe(vi.account.passwordTitle);

    const fill = async (current: string, next: string, again = next) => {
      await page.fill('[data-testid="password-currentPassword"]', current);
      await page.fill('[data-testid="password-newPassword"]', next);
      await page.fill('[data-testid="password-confirmPassword"]', again);
      await page.click('[data-testid="password-submit"]');
    };
    await fill(DEMO_PASSWORD, 'matkhau123');
    await page.getByText(vi.validation.commonPassword).waitFor();
    await fill(DEMO_PASSWORD, 'lúa chín vàng đồng', 'lúa chín vàng');
    await page.getByText(vi.validation.passwordsDiffer).waitFor();
    await fill('khong-phai-mat-khau', 'lúa chín vàng đồng');
    await page.getByText(vi.errors.WRONG_PASSWORD).waitFor();
    await fill(DEMO_PASSWORD, 'lúa chín vàng đồng');
    await page.locator('[data-testid="password-changed"]').waitFor();
    expect(await page.locator('[data-testid="password-changed"]').textContent()).toBe(vi.account.done);

    // the page fits the phone's width, with touch-sized controls
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    expect((await page.locator('[data-testid="password-submit"]').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // this device stays signed in; the other one is signed out
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(200);
    expect(await other.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
  } catch (e) {
    await screenshotOnFailure(page, 'change-password');
    throw e;
  } finally {
    await context.close();
    await otherDevice.close();
  }
});
