import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A phone the size delegates use: 360 px wide, touch. */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
}

export async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
}

export async function screenshotOnFailure(page: Page, name: string): Promise<void> {
  fs.mkdirSync('.test-data/screenshots', { recursive: true });
  await page.screenshot({ path: `.test-data/screenshots/${name}.png`, fullPage: true }).catch(() => undefined);
}

/** Waits until the element's text contains `expected` (pdf.js fills text layers asynchronously). */
export async function waitForText(locator: Locator, expected: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent().catch(() => '')) ?? '';
    if (last.includes(expected)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`text "${expected}" did not appear; last text: "${last.slice(0, 300)}"`);
}

export const DEMO_PASSWORD = 'hopso2026';

/** Logs a demo user in through the login form (on a new page when given a context) and waits for the app header. */
export async function logIn(target: Page | BrowserContext, username: string): Promise<Page> {
  const page = 'newPage' in target ? await target.newPage() : target;
  await page.goto('/login');
  await page.fill('input[name="login"]', username);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.locator('[data-testid="current-user"]').waitFor();
  return page;
}

/** Waits until the page's live indicator says the meeting is followed live. */
export async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-state="live"]').first().waitFor({ timeout: 20_000 });
}
