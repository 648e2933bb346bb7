import type { BrowserContext, Page } from 'playwright-core';
import type { DocumentDetail, Paragraph } from '@hopso/shared';
import { login } from '../../server/test/support/api';
import { renderPdf } from '../../server/src/seed/demo-pdfs';
import { expectNoSeriousA11yViolations } from './support/axe';
import { DEMO_PASSWORD, logIn, screenshotOnFailure, waitForText } from './support/browser';
import { demoDocument, demoWorld } from './support/demo';

// A delegate on a cheap 360 × 640 phone: what fits on the first screen, and what covers what.
const world = demoWorld();
const DRAFT = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function phone(): Promise<BrowserContext> {
  return world.browser.newContext({ baseURL: world.server.url, viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', bypassCSP: true });
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`no box for ${selector}`);
  return found;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The text layer's words of the pages now drawn, and the margin buttons, in screen pixels. */
async function pageGeometry(page: Page) {
  return page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const words = [...document.querySelectorAll('[data-testid="text-layer"] span')]
      .filter((s) => s.children.length === 0 && (s.textContent ?? '').trim() !== '')
      .map((s) => ({ text: s.textContent ?? '', ...rect(s) }));
    const buttons = [...document.querySelectorAll('[data-testid="margin-comment"]')].map((b) => {
      const count = b.querySelector('.margin-button-count');
      const label = b.querySelector('.margin-button-label') as HTMLElement | null;
      return {
        ids: (b.getAttribute('data-paragraph-ids') ?? '').split(' '),
        page: Number(b.closest('[data-testid="pdf-page"]')?.getAttribute('data-page-number')),
        ...rect(b),
        count: count ? rect(count) : null,
        label: label ? { ...rect(label), overflows: label.scrollWidth > label.clientWidth + 0.5 } : null,
      };
    });
    return { words, buttons };
  });
}

async function openDocument(page: Page, documentId: string, firstWords: string): Promise<void> {
  await page.goto(`/documents/${documentId}`);
  await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), firstWords);
  await page.locator('[data-testid="margin-comment"]').first().waitFor();
}

it('fits the header in one row, keeps "Mở cuộc họp" on the first screen and shows one offline banner', async () => {
  const context = await phone();
  const page = await logIn(context, 'daibieu01');
  try {
    await page.locator('[data-testid="meeting-card"]').first().waitFor();
    const header = await box(page, '[data-testid="app-header"]');
    expect(header.height).toBeLessThanOrEqual(64);
    // account and language wait behind the menu button, each a finger wide
    expect(await page.locator('[data-testid="logout-button"]').isVisible()).toBe(false);
    const toggle = await box(page, '[data-testid="app-menu-toggle"]');
    expect(toggle.height).toBeGreaterThanOrEqual(44);
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(360);
    expect(await page.locator('[data-testid="current-user"]').textContent()).toBe('Nguyễn Văn An');
    const open = await box(page, '[data-testid="meeting-card"] .button-primary');
    expect(open.y + open.height).toBeLessThanOrEqual(640);
    expect(open.height).toBeGreaterThanOrEqual(44);
    await expectNoSeriousA11yViolations(page, 'home on a phone');

    await page.locator('[data-testid="app-menu-toggle"]').tap();
    await page.locator('[data-testid="app-menu"]').waitFor();
    for (const id of ['logout-button', 'language-switch', 'change-password-link']) {
      const b = await box(page, `[data-testid="app-menu"] [data-testid="${id}"]`);
      expect([id, b.height >= 44]).toEqual([id, true]);
    }
    expect(await page.locator('[data-testid="app-menu"] [data-testid="language-switch"]').innerText()).toBe('English');
    await expectNoSeriousA11yViolations(page, 'home with the menu open');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="app-menu"]').waitFor({ state: 'hidden' });

    // live on the meeting page, then the network drops: one yellow banner says so, not two
    await page.locator('[data-testid="meeting-card-link"]').first().tap();
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    await page.locator('[data-testid="offline-banner"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="live-status"][data-state="reconnecting"]').waitFor({ timeout: 60_000 });
    // boxes on the warning colour that speak of the connection
    const yellow = await page.evaluate(() => {
      const warning = getComputedStyle(document.querySelector('[data-testid="offline-banner"]')!).backgroundColor;
      return [...document.querySelectorAll('main *')]
        .filter((e) => getComputedStyle(e).backgroundColor === warning && e.getBoundingClientRect().height > 0 && /mạng|kết nối/i.test(e.textContent ?? ''))
        .map((e) => `${e.className}: ${e.textContent}`);
    });
    expect(yellow).toHaveLength(1);
    const banner = await box(page, '[data-testid="offline-banner"]');
    expect(banner.height).toBeLessThanOrEqual(96);
    expect(await page.locator('[data-testid="live-status"]').textContent()).toBe('Đang kết nối lại…');
    await context.setOffline(false);
    await page.locator('[data-testid="offline-banner"]').waitFor({ state: 'detached', timeout: 30_000 });
  } catch (e) {
    await screenshotOnFailure(page, 'phone-home');
    throw e;
  } finally {
    await context.close();
  }
}, 180_000);

it('lines each margin button up with the paragraphs it stands for, its count on itself, clear of the page bar', async () => {
  const { documentId, versionId } = await demoDocument(world.server, DRAFT);
  const context = await phone();
  const page = await logIn(context, 'daibieu04');
  try {
    // one comment on "3. Tổng chi ngân sách xã", so its button shows a count
    await openDocument(page, documentId, 'QUYẾT NGHỊ');
    const target = (await world.server.db.query("SELECT id FROM paragraphs WHERE version_id = $1 AND text LIKE '3. Tổng chi ngân sách xã%'", [versionId])).rows[0].id as string;
    await page.locator(`[data-testid="margin-comment"][data-paragraph-ids~="${target}"]`).tap();
    if (await page.locator('[data-testid="paragraph-chooser"]').count()) await page.locator(`[data-testid="paragraph-choice"][data-paragraph-id="${target}"]`).tap();
    const compose = page.locator('[data-testid="compose-sheet"]');
    await compose.waitFor();
    await compose.locator('[data-testid="comment-body-input"]').fill('Đề nghị nêu rõ tổng chi tăng bao nhiêu so với năm 2026.');
    await compose.locator('[data-testid="comment-submit"]').tap();
    await compose.waitFor({ state: 'detached' });
    await page.locator('[data-testid="margin-comment"].has-comments').waitFor();

    const { words, buttons } = await pageGeometry(page);
    const onPage1 = buttons.filter((b) => b.page === 1);
    // where each paragraph's first line is on the screen, from the stored rects through the page's own scale
    const starts = await page.evaluate(async ({ documentId, versionId }) => {
      const res = await fetch(`/api/documents/${documentId}/versions/${versionId}/paragraphs`);
      const list = (await res.json()) as { id: string; rects: { page: number; x: number; y: number; w: number; h: number }[] }[];
      const pageEl = document.querySelector('[data-testid="pdf-page"][data-page-number="1"]')!.getBoundingClientRect();
      const scale = pageEl.width / 595.28;
      return list.filter((p) => p.rects[0]?.page === 1).map((p) => ({ id: p.id, top: pageEl.y + (841.89 - p.rects[0].y - p.rects[0].h) * scale }));
    }, { documentId, versionId });
    expect(starts.length).toBeGreaterThan(10);
    for (const b of onPage1) {
      for (const s of starts) {
        // a paragraph starts beside a button exactly when the button stands for it
        const beside = s.top >= b.y - 2 && s.top < b.y + b.height - 2;
        if (beside !== b.ids.includes(s.id)) throw new Error(`paragraph ${s.id} starts at ${s.top.toFixed(1)}, button [${b.ids.join(',')}] spans ${b.y.toFixed(1)}–${(b.y + b.height).toFixed(1)}`);
      }
    }
    // the count sits on its own button, clear of the neighbours
    const counted = buttons.filter((b) => b.count);
    expect(counted.length).toBe(1);
    expect(counted[0].ids).toContain(target);
    const c = counted[0].count!;
    expect(c.x).toBeGreaterThanOrEqual(counted[0].x);
    expect(c.y).toBeGreaterThanOrEqual(counted[0].y);
    expect(c.x + c.width).toBeLessThanOrEqual(counted[0].x + counted[0].width);
    expect(c.y + c.height).toBeLessThanOrEqual(counted[0].y + counted[0].height);
    for (const other of buttons) if (other !== counted[0]) expect(overlaps(c, other)).toBe(false);
    // no button covers a word
    for (const b of buttons) for (const w of words) if (overlaps(b, w)) throw new Error(`button [${b.ids.join(',')}] covers "${w.text}"`);

    // the page bar below the pages covers neither text nor buttons, at any scroll
    const bar = await box(page, '.viewer-page-nav');
    const scroll = await box(page, '[data-testid="viewer-scroll"]');
    expect(scroll.y + scroll.height).toBeLessThanOrEqual(bar.y + 0.5);
    await page.locator('[data-testid="viewer-scroll"]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="viewer-scroll"]')!;
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    });
    const after = await pageGeometry(page);
    for (const item of [...after.buttons, ...after.words]) if (overlaps(item, bar)) throw new Error(`the page bar covers ${JSON.stringify(item)}`);
    await expectNoSeriousA11yViolations(page, 'viewer on a phone');
  } catch (e) {
    await screenshotOnFailure(page, 'phone-margin');
    throw e;
  } finally {
    await context.close();
  }
}, 180_000);

/** A page of paragraphs 10 mm from the left edge, and a page of two columns with the same margin. */
function narrowMarginPdf(): Promise<Buffer> {
  const sentence = 'Nội dung thử nghiệm về ngân sách xã, lề trái chỉ mười milimét như một bài báo hai cột. ';
  return renderPdf((doc) => {
    let y = 40;
    for (let i = 1; i <= 8; i++) {
      doc.text(`Đoạn ${i}. ${sentence.repeat(3)}`, 28, y, { width: 540 });
      y = doc.y + 14;
    }
    doc.addPage();
    for (const [x, label] of [
      [28, 'Cột trái'],
      [310, 'Cột phải'],
    ] as const) {
      y = 40;
      for (let i = 1; i <= 6; i++) {
        doc.text(`${label} ${i}. ${sentence.repeat(2)}`, x, y, { width: 240 });
        y = doc.y + 14;
      }
    }
  });
}

it('keeps the comment buttons off the text of a page with a 10 mm margin and of a two-column page, in Vietnamese and in English', async () => {
  const secretary = await login(world.server, 'thuky1', DEMO_PASSWORD);
  const up = await secretary.upload(world.meetingId, [{ name: 'le-hep.pdf', data: await narrowMarginPdf() }]);
  expect(up.status).toBe(201);
  const doc: DocumentDetail = await secretary.waitReady(up.body.documents[0].id);
  expect((await secretary.post(`/documents/${doc.id}/release`, {})).status).toBeLessThan(300);
  const paragraphs = (await secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
  expect(paragraphs.filter((p) => p.text.startsWith('Đoạn ')).length).toBe(8);
  expect(paragraphs.filter((p) => p.page === 2).length).toBeGreaterThanOrEqual(6);
  const context = await phone();
  const page = await logIn(context, 'daibieu05');
  try {
    for (const language of ['vi', 'en'] as const) {
      await openDocument(page, doc.id, 'Đoạn 1');
      for (const pageNumber of [1, 2]) {
        await page.locator(`[data-testid="pdf-page"][data-page-number="${pageNumber}"]`).scrollIntoViewIfNeeded();
        await waitForText(page.locator(`[data-testid="text-layer"][data-page-number="${pageNumber}"]`), pageNumber === 1 ? 'Đoạn 8' : 'Cột phải 6');
        await page.locator(`[data-testid="pdf-page"][data-page-number="${pageNumber}"] [data-testid="margin-comment"]`).first().waitFor();
        const { words, buttons } = await pageGeometry(page);
        const here = buttons.filter((b) => b.page === pageNumber);
        expect(here.length).toBeGreaterThan(2);
        for (const b of here) {
          expect(b.width).toBeGreaterThanOrEqual(44);
          expect(b.height).toBeGreaterThanOrEqual(44);
          expect(b.x).toBeGreaterThanOrEqual(0);
          if (!b.label || b.label.overflows) throw new Error(`${language}: the label of button [${b.ids.join(',')}] spills out: ${JSON.stringify(b)}`);
          expect(b.label!.x).toBeGreaterThanOrEqual(b.x);
          expect(b.label!.x + b.label!.width).toBeLessThanOrEqual(b.x + b.width);
          for (const w of words) if (overlaps(b, w)) throw new Error(`${language}: button [${b.ids.join(',')}] on page ${pageNumber} covers "${w.text}"`);
        }
      }
      // the page still takes nearly the whole width, and nothing scrolls sideways
      const pageBox = await box(page, '[data-testid="pdf-page"][data-page-number="1"]');
      expect(pageBox.width).toBeGreaterThan(280);
      expect(await page.locator('[data-testid="viewer-scroll"]').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await page.locator('[data-testid="margin-comment"] .margin-button-label').first().textContent()).toBe(language === 'vi' ? 'Góp ý' : 'Comment');
      if (language === 'vi') {
        // the language switch is in the viewer itself
        await page.locator('[data-testid="viewer"] [data-testid="language-switch"]').tap();
        await page.locator('html[lang="en"]').waitFor();
        await expectNoSeriousA11yViolations(page, 'viewer in English');
      }
    }
  } catch (e) {
    await screenshotOnFailure(page, 'phone-narrow-margin');
    throw e;
  } finally {
    await context.close();
  }
}, 240_000);

it('closes "Của tôi" with Escape and keeps the compose sheet\'s tabs in view when its text box takes the focus', async () => {
  const { documentId } = await demoDocument(world.server, DRAFT);
  const context = await phone();
  const page = await logIn(context, 'daibieu06');
  try {
    await openDocument(page, documentId, 'QUYẾT NGHỊ');
    await page.locator('[data-testid="my-panel-toggle"]').tap();
    await page.locator('[data-testid="my-panel"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="my-panel"]').waitFor({ state: 'detached' });

    await page.locator('[data-testid="margin-comment"]').nth(3).tap();
    if (await page.locator('[data-testid="paragraph-chooser"]').count()) await page.locator('[data-testid="paragraph-choice"]').first().tap();
    const compose = page.locator('[data-testid="compose-sheet"]');
    await compose.waitFor();
    // a phone's keyboard takes the lower half of the screen
    await page.setViewportSize({ width: 360, height: 330 });
    await compose.locator('[data-testid="comment-body-input"]').focus();
    // the sheet's body scrolled to show the text box
    await page.waitForFunction(() => document.querySelector('[data-testid="compose-sheet"] .sheet-body')!.scrollTop > 0);
    const head = await box(page, '[data-testid="compose-sheet"] .sheet-head');
    const tabs = await box(page, '[data-testid="compose-sheet"] .segmented');
    const input = await box(page, '[data-testid="compose-sheet"] [data-testid="comment-body-input"]');
    expect(tabs.y).toBeGreaterThanOrEqual(head.y + head.height - 0.5);
    expect(tabs.y).toBeLessThan(head.y + head.height + 20);
    expect(input.y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 0.5);
    expect(await compose.locator('[data-testid="comment-body-input"]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize({ width: 360, height: 640 });
  } catch (e) {
    await screenshotOnFailure(page, 'phone-compose');
    throw e;
  } finally {
    await context.close();
  }
}, 180_000);
