import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoDocument, demoWorld } from './support/demo';

let documentId: string;
let versionId: string;
let meetingId: string;

const TITLE = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';
const SENTENCE = 'Tổng chi ngân sách xã: 15.250 triệu đồng';
const PDF_PHRASE = 'Dự phòng ngân sách';
const COMMENT = 'Đề nghị giao rõ thời hạn báo cáo kết quả thực hiện.';

const world = demoWorld();
beforeAll(async () => {
  ({ documentId, versionId, meetingId } = await demoDocument(world.server, TITLE));
});

/** Selects `phrase` inside the reading view's paragraph that contains it, as a finger would. */
async function selectInReadingView(page: Page, phrase: string): Promise<void> {
  await page.evaluate((phrase) => {
    const text = Array.from(document.querySelectorAll('[data-testid="reading-paragraph"] .reading-text')).find((el) => el.textContent?.includes(phrase));
    const node = text?.firstChild?.firstChild as Text | undefined;
    if (!node || !node.data.includes(phrase)) throw new Error(`no reading paragraph with "${phrase}"`);
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(phrase));
    range.setEnd(node, node.data.indexOf(phrase) + phrase.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  }, phrase);
}

const fontSizeOf = (page: Page) => page.locator('[data-testid="reading-view"]').evaluate((el) => getComputedStyle(el).fontSize);

it(
  'reads a document reflowed on a 360 px phone: text size kept, a highlight made there is on the PDF pages, a comment on "Điều 2" reaches the desk by that name',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    const deskContext = await desktopContext(world.browser, world.server.url);
    const desk = await logIn(deskContext, 'thuky1');
    try {
      expect(page.viewportSize()?.width).toBe(360);
      await logIn(page, 'daibieu01');
      await page.goto(`/documents/${documentId}`);
      await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), 'QUYẾT NGHỊ');

      // 1. one tap to the reading view: headings set apart, labels from the ingest
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      const view = page.locator('[data-testid="reading-view"]');
      await view.waitFor();
      const article2 = view.locator('[data-testid="reading-paragraph"][data-label="Điều 2"]');
      await article2.waitFor();
      expect(await article2.locator('h3.reading-text').textContent()).toBe('Điều 2. Tổ chức thực hiện');
      expect(await page.locator('[data-testid="viewer-scroll"]').isHidden()).toBe(true);
      // no line wider than the screen
      expect(await view.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

      // 2. the text size, remembered on the device
      const before = Number(await view.getAttribute('data-text-size'));
      expect(await fontSizeOf(page)).toBe(`${before}px`);
      await page.locator('[data-testid="reading-larger"]').tap();
      await page.locator('[data-testid="reading-larger"]').tap();
      await page.locator(`[data-testid="reading-view"][data-text-size="${before + 4}"]`).waitFor();
      expect(await fontSizeOf(page)).toBe(`${before + 4}px`);
      await page.reload();
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      await page.locator(`[data-testid="reading-view"][data-text-size="${before + 4}"]`).waitFor();
      expect(await page.locator('[data-testid="reading-size"]').textContent()).toBe(`${before + 4} px`);
      await page.locator('[data-testid="reading-paragraph"][data-label="Điều 2"]').waitFor();

      // 3. highlight a sentence in the reading view …
      await selectInReadingView(page, SENTENCE);
      const bar = page.locator('[data-testid="selection-actions"][data-anchored="true"]');
      await bar.waitFor();
      await bar.locator('[data-testid="highlight-color-yellow"]').tap();
      await waitForText(page.locator('[data-testid="reading-highlight"]').first(), SENTENCE);
      await waitForText(page.locator('[data-testid="viewer-toast"]'), 'Đã đánh dấu');
      const { rows } = await world.server.db.query(
        `SELECT a.quote_exact, a.rects, p.label FROM annotations a JOIN users u ON u.id = a.author_id JOIN paragraphs p ON p.id = a.paragraph_id
          WHERE a.document_id = $1 AND u.username = 'daibieu01'`,
        [documentId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].quote_exact).toBe(SENTENCE);
      expect(rows[0].label).toBe('Điều 1, khoản 3');
      // … and see it on the PDF pages, over the line that holds the sentence
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      await page.locator('[data-testid="viewer-scroll"]').waitFor({ state: 'visible' });
      const drawn = page.locator('[data-testid="highlight"][data-color="yellow"]').first();
      await drawn.waitFor();
      // the text layer and the scroll to the kept reading position settle after the highlight appears: wait until they agree
      const overlaps = await page.waitForFunction((sentence) => {
        const el = document.querySelector('[data-testid="highlight"][data-color="yellow"]');
        if (!el) return false;
        const mark = el.getBoundingClientRect();
        const spans = Array.from(document.querySelectorAll('[data-testid="text-layer"] span')).filter((s) => s.textContent?.includes(sentence.slice(0, 12)));
        return spans.some((s) => {
          const r = s.getBoundingClientRect();
          return r.top < mark.bottom && mark.top < r.bottom && r.left < mark.right && mark.left < r.right;
        });
      }, SENTENCE, { timeout: 20_000 }).then(() => true, () => false);
      expect(overlaps).toBe(true);

      // 4. and the other way round: a highlight made on the PDF pages shows in the reading view
      await page.evaluate((phrase) => {
        const span = Array.from(document.querySelectorAll('[data-testid="text-layer"] span')).find((el) => el.textContent?.includes(phrase));
        const node = span?.firstChild as Text | undefined;
        if (!node) throw new Error(`no text-layer span with "${phrase}"`);
        // the reader has scrolled the pages to this line
        span!.scrollIntoView({ block: 'start' });
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(phrase));
        range.setEnd(node, node.data.indexOf(phrase) + phrase.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        document.dispatchEvent(new Event('selectionchange'));
      }, PDF_PHRASE);
      await bar.waitFor();
      await bar.locator('[data-testid="highlight-color-green"]').tap();
      await page.locator('[data-testid="highlight"][data-color="green"]').first().waitFor();

      // back in the reading view: both highlights, opened at the line the reader was at on the pages
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      await waitForText(page.locator('[data-testid="reading-highlight"].highlight-green'), PDF_PHRASE);
      await waitForText(page.locator('[data-testid="reading-highlight"].highlight-yellow'), SENTENCE);
      const inView = await page.evaluate((phrase) => {
        const mark = Array.from(document.querySelectorAll('[data-testid="reading-highlight"]')).find((m) => m.textContent === phrase)!.getBoundingClientRect();
        const view = document.querySelector('[data-testid="reading-view"]')!.getBoundingClientRect();
        return mark.top >= view.top && mark.bottom <= window.innerHeight;
      }, PDF_PHRASE);
      expect(inView).toBe(true);

      // 5. comment on Điều 2 from its button
      await page.locator('[data-testid="reading-paragraph"][data-label="Điều 2"] [data-testid="reading-comment"]').tap();
      const compose = page.locator('[data-testid="compose-sheet"]');
      await compose.waitFor();
      expect(await compose.textContent()).toContain('Cả Điều 2, trang');
      await compose.locator('[data-testid="comment-body-input"]').fill(COMMENT);
      await compose.locator('[data-testid="comment-submit"]').tap();
      await compose.waitFor({ state: 'detached', timeout: 20_000 });

      // 6. the desk names the paragraph "Điều 2"
      await desk.goto(`/meetings/${meetingId}/desk`);
      const card = desk.locator('[data-testid="desk-comment"]', { hasText: COMMENT });
      await card.waitFor();
      await waitForText(card.locator('[data-testid="desk-comment-where"]'), 'Điều 2');
      const stored = await world.server.db.query('SELECT p.label FROM comments c JOIN paragraphs p ON p.id = c.paragraph_id WHERE c.body = $1 AND c.version_id = $2', [COMMENT, versionId]);
      expect(stored.rows).toEqual([{ label: 'Điều 2' }]);
    } catch (e) {
      await screenshotOnFailure(page, 'reading-mode-delegate');
      await screenshotOnFailure(desk, 'reading-mode-desk');
      throw e;
    } finally {
      await context.close();
      await deskContext.close();
    }
  },
  180_000,
);

/** Replaces the platform's speech engine: records each utterance, ends one when the test says so. */
function fakeSpeech(voices: { lang: string; name: string }[]) {
  return `(() => {
    const voices = ${JSON.stringify(voices)}.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false }));
    window.__spoken = [];
    window.__calls = [];
    let current = null;
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    const synth = {
      getVoices: () => voices,
      addEventListener: () => {},
      removeEventListener: () => {},
      speak: (u) => { current = u; window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); },
      cancel: () => { window.__calls.push('cancel'); const was = current; current = null; if (was && was.onerror) was.onerror({ error: 'interrupted' }); },
      pause: () => window.__calls.push('pause'),
      resume: () => window.__calls.push('resume'),
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    window.__finishUtterance = () => { const was = current; if (was && was.onend) was.onend(); };
  })();`;
}

it(
  'reads aloud paragraph by paragraph with the Vietnamese voice, the paragraph read marked; says so plainly without one',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    await context.addInitScript({ content: fakeSpeech([{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Tiếng Việt' }]) });
    const page = await context.newPage();
    const noVoice = await phoneContext(world.browser, world.server.url);
    await noVoice.addInitScript({ content: fakeSpeech([{ lang: 'en-US', name: 'English' }]) });
    const other = await noVoice.newPage();
    try {
      await logIn(page, 'daibieu02');
      await page.goto(`/documents/${documentId}`);
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      await page.locator('[data-testid="reading-paragraph"][data-label="Điều 2"]').waitFor();
      const paragraphs = await page.locator('[data-testid="reading-paragraph"]').evaluateAll((els) =>
        els.map((el) => ({ index: Number((el as HTMLElement).dataset.readingIndex), text: el.querySelector('.reading-text')!.textContent! })),
      );
      const spoken = () => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; voice: string }[] }).__spoken);
      const speaking = page.locator('[data-testid="reading-paragraph"].is-speaking');

      await page.locator('[data-testid="read-aloud-start"]').tap();
      await page.locator(`[data-testid="reading-paragraph"].is-speaking[data-reading-index="${paragraphs[0].index}"]`).waitFor();
      expect(await spoken()).toEqual([{ text: paragraphs[0].text, lang: 'vi-VN', voice: 'Tiếng Việt' }]);

      // the engine finishes a paragraph: the next is read and marked, one at a time
      await page.evaluate(() => (window as unknown as { __finishUtterance: () => void }).__finishUtterance());
      await page.locator(`[data-testid="reading-paragraph"].is-speaking[data-reading-index="${paragraphs[1].index}"]`).waitFor();
      expect(await speaking.count()).toBe(1);
      // skip: exactly one on, although the engine reports the cut utterance
      await page.locator('[data-testid="read-aloud-skip"]').tap();
      await page.locator(`[data-testid="reading-paragraph"].is-speaking[data-reading-index="${paragraphs[2].index}"]`).waitFor();
      expect((await spoken()).map((u) => u.text)).toEqual(paragraphs.slice(0, 3).map((p) => p.text));
      // pause and resume
      await page.locator('[data-testid="read-aloud-pause"]').tap();
      await page.locator('[data-testid="read-aloud"][data-status="paused"]').waitFor();
      await page.locator('[data-testid="read-aloud-resume"]').tap();
      await page.locator('[data-testid="read-aloud"][data-status="speaking"]').waitFor();
      expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.filter((c) => c !== 'cancel'))).toEqual(['pause', 'resume']);
      // the marked paragraph is kept in view
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="reading-paragraph"].is-speaking')!.getBoundingClientRect();
        return el.top >= 0 && el.top < window.innerHeight;
      });
      await page.locator('[data-testid="read-aloud-stop"]').tap();
      await page.locator('[data-testid="read-aloud-start"]').waitFor();
      expect(await speaking.count()).toBe(0);

      // a device with no Vietnamese voice says so, and reads nothing in English
      await logIn(other, 'daibieu03');
      await other.goto(`/documents/${documentId}`);
      await other.locator('[data-testid="reading-mode-toggle"]').tap();
      await other.locator('[data-testid="reading-paragraph"]').first().waitFor();
      await other.locator('[data-testid="read-aloud-start"]:not([disabled])').tap();
      await waitForText(other.locator('[data-testid="read-aloud-no-voice"]'), 'chưa có giọng đọc tiếng Việt');
      expect(await other.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([]);
    } catch (e) {
      await screenshotOnFailure(page, 'read-aloud');
      await screenshotOnFailure(other, 'read-aloud-no-voice');
      throw e;
    } finally {
      await context.close();
      await noVoice.close();
    }
  },
  120_000,
);

it(
  'opens the reading view offline, from the saved copy',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    try {
      await logIn(page, 'daibieu04');
      await page.goto(`/meetings/${meetingId}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.locator('[data-testid="offline-save"]').tap();
      await page.locator('[data-testid="offline-panel"][data-saved="true"]').waitFor({ timeout: 60_000 });
      await context.setOffline(true);
      await page.reload();
      await page.locator('[data-testid="offline-banner"]').waitFor();
      await page.locator(`[data-testid="document-link"][data-document-id="${documentId}"]`).tap();
      await page.locator('[data-testid="reading-mode-toggle"]').tap();
      const article = page.locator('[data-testid="reading-paragraph"][data-label="Điều 2"]');
      await article.waitFor();
      expect(await article.locator('.reading-text').textContent()).toBe('Điều 2. Tổ chức thực hiện');
    } catch (e) {
      await screenshotOnFailure(page, 'reading-mode-offline');
      throw e;
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  },
  120_000,
);
