import type { Page } from 'playwright-core';
import { logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

let documentId: string;
let versionId: string;

const TITLE = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';
const NOTE = 'Ghi chú riêng: hỏi Ban Kinh tế – Xã hội về số liệu thẩm tra';
const COMMENT = 'Đề nghị nêu rõ tổng chi ngân sách xã tăng bao nhiêu so với năm 2026.';
/** The passage runs over a line break of the text layer: "…Báo cáo thẩm tra của" | "Ban Kinh tế – Xã hội…". */
const QUOTE = 'Báo cáo thẩm tra của Ban Kinh tế';

const world = demoWorld();
beforeAll(async () => {
  const { rows } = await world.server.db.query(
    `SELECT d.id AS document_id, v.id AS version_id FROM documents d JOIN document_versions v ON v.document_id = d.id
      WHERE d.title = $1 ORDER BY v.version_no DESC LIMIT 1`,
    [TITLE],
  );
  documentId = rows[0].document_id;
  versionId = rows[0].version_id;
});

/** Opens the draft resolution and waits until page 1's text layer and its margin buttons are there. */
async function openDraft(page: Page): Promise<void> {
  await page.goto(`/documents/${documentId}`);
  await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), 'QUYẾT NGHỊ');
  await page.locator('[data-testid="margin-comment"]').first().waitFor();
}

/**
 * Selects text in the text layer as a finger would: a DOM Range from the start of `start` (in a
 * span of page `startPage`) to the end of `end` (in a span of page `endPage`), then the
 * `selectionchange` event the viewer listens to (the browser fires it too).
 */
async function selectText(page: Page, startPage: number, start: string, endPage: number, end: string): Promise<void> {
  await page.evaluate(
    ({ startPage, start, endPage, end }) => {
      const textOf = (pageNumber: number, phrase: string): Text => {
        const layer = document.querySelector(`[data-testid="text-layer"][data-page-number="${pageNumber}"]`);
        const span = Array.from(layer?.querySelectorAll('span') ?? []).find((s) => s.textContent?.includes(phrase));
        if (!span?.firstChild) throw new Error(`no text-layer span with "${phrase}" on page ${pageNumber}`);
        return span.firstChild as Text;
      };
      const from = textOf(startPage, start);
      const to = textOf(endPage, end);
      const range = document.createRange();
      range.setStart(from, from.data.indexOf(start));
      range.setEnd(to, to.data.indexOf(end) + end.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    },
    { startPage, start, endPage, end },
  );
}

/** Taps the middle of the first drawn line of a highlight, as a finger on the page would. */
async function tapHighlight(page: Page, color: string): Promise<void> {
  const line = page.locator(`[data-testid="highlight"][data-color="${color}"]`).first();
  await line.waitFor();
  const box = (await line.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function paragraphId(startsWith: string): Promise<string> {
  const { rows } = await world.server.db.query('SELECT id FROM paragraphs WHERE version_id = $1 AND text LIKE $2', [versionId, `${startsWith}%`]);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

it(
  "lets a delegate highlight, note and comment on a phone, keeps all three, and shows nobody else the note",
  async () => {
    const targetParagraph = await paragraphId('3. Tổng chi ngân sách xã');
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    try {
      await logIn(page, 'daibieu01');
      await openDraft(page);

      // 1. highlight a passage selected across a line break of the text layer
      await selectText(page, 1, 'Báo cáo thẩm tra của', 1, 'Ban Kinh tế');
      const bar = page.locator('[data-testid="selection-actions"][data-anchored="true"]');
      await bar.waitFor();
      await bar.locator('[data-testid="highlight-color-yellow"]').tap();
      await page.locator('[data-testid="highlight"][data-color="yellow"]').first().waitFor();
      await waitForText(page.locator('[data-testid="viewer-toast"]'), 'Đã đánh dấu');

      // 2. tap the highlight on the page, write a private note
      await tapHighlight(page, 'yellow');
      const sheet = page.locator('[data-testid="annotation-sheet"]');
      await sheet.waitFor();
      expect(await sheet.locator('[data-testid="quote-text"]').textContent()).toBe(QUOTE);
      await sheet.locator('[data-testid="annotation-note"]').fill(NOTE);
      await sheet.locator('[data-testid="annotation-save"]').tap();
      await sheet.waitFor({ state: 'detached' });

      // 3. comment on a whole paragraph from its margin button; the first answer is lost on the way
      //    back, and the automatic retry must carry the same client id
      const sentClientIds: string[] = [];
      await page.route('**/api/documents/*/comments', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        sentClientIds.push((JSON.parse(route.request().postData() ?? '{}') as { clientId: string }).clientId);
        if (sentClientIds.length === 1) {
          await route.fetch(); // the server stores it…
          return route.abort('failed'); // …but the phone never hears back
        }
        return route.continue();
      });
      await page.locator(`[data-testid="margin-comment"][data-paragraph-ids~="${targetParagraph}"]`).tap();
      const chooserOrSheet = page.locator('[data-testid="paragraph-chooser"], [data-testid="compose-sheet"]');
      await chooserOrSheet.first().waitFor();
      // at the phone's fit-width zoom, neighbouring short paragraphs share one button
      if (await page.locator('[data-testid="paragraph-chooser"]').count()) {
        await page.locator(`[data-testid="paragraph-choice"][data-paragraph-id="${targetParagraph}"]`).tap();
      }
      const compose = page.locator('[data-testid="compose-sheet"]');
      await compose.waitFor();
      expect(await compose.locator('[data-testid="comment-destination"]').textContent()).toContain('Gửi tới Tổ thư ký và Chủ tọa');
      expect(await compose.locator('[data-testid="comment-deadline"]').textContent()).toContain('Hạn góp ý');
      await compose.locator('[data-testid="comment-body-input"]').fill(COMMENT);
      await compose.locator('[data-testid="comment-submit"]').tap();
      await compose.waitFor({ state: 'detached', timeout: 20_000 });
      expect(sentClientIds).toHaveLength(2);
      expect(sentClientIds[1]).toBe(sentClientIds[0]);
      await page.unroute('**/api/documents/*/comments');

      // 4. after a reload all three are still there
      await page.reload();
      await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), 'QUYẾT NGHỊ');
      await page.locator('[data-testid="highlight"][data-color="yellow"]').first().waitFor();
      await page.locator('[data-testid="overlay-note"]').first().waitFor();
      await page.locator('[data-testid="overlay-comment"]').first().waitFor();
      await page.locator('[data-testid="my-panel-toggle"]').tap();
      const panel = page.locator('[data-testid="my-panel"]');
      await panel.waitFor();
      const mine = panel.locator('[data-testid="my-annotation"]');
      expect(await mine.count()).toBe(1);
      expect(await mine.locator('[data-testid="my-annotation-note"]').textContent()).toBe(NOTE);
      await panel.locator('[data-testid="my-tab-comments"]').tap();
      const comment = panel.locator('[data-testid="my-comment"]');
      expect(await comment.count()).toBe(1);
      expect(await comment.locator('[data-testid="comment-status"]').textContent()).toBe('Đã gửi');
      expect(await comment.locator('[data-testid="comment-body"]').textContent()).toBe(COMMENT);
      await page.screenshot({ path: '.test-data/screenshots/reading-room-delegate.png' });

      // 5. exactly one annotation with the note and one comment were stored
      const annotations = await world.server.db.query(
        `SELECT a.quote_exact, a.note, a.color, a.rects, a.paragraph_id FROM annotations a JOIN users u ON u.id = a.author_id
          WHERE a.document_id = $1 AND u.username = 'daibieu01'`,
        [documentId],
      );
      expect(annotations.rows).toHaveLength(1);
      expect(annotations.rows[0]).toMatchObject({ quote_exact: QUOTE, note: NOTE, color: 'yellow', paragraph_id: await paragraphId('Xét Tờ trình') });
      expect((annotations.rows[0].rects as { page: number }[]).map((r) => r.page)).toEqual([1, 1]);
      expect((await world.server.db.query('SELECT count(*)::int AS n FROM annotations WHERE note = $1', [NOTE])).rows[0].n).toBe(1);
      const comments = await world.server.db.query('SELECT client_id, body, status, paragraph_id FROM comments WHERE document_id = $1', [documentId]);
      expect(comments.rows).toEqual([{ client_id: sentClientIds[0], body: COMMENT, status: 'sent', paragraph_id: targetParagraph }]);
    } catch (e) {
      await screenshotOnFailure(page, 'reading-room-delegate');
      throw e;
    } finally {
      await context.close();
    }

    // another delegate sees none of it
    const other = await phoneContext(world.browser, world.server.url);
    const otherPage = await other.newPage();
    try {
      await logIn(otherPage, 'daibieu02');
      await openDraft(otherPage);
      const seen = await otherPage.evaluate(async (id) => {
        const get = async (path: string) => (await fetch(path)).json();
        return { annotations: await get(`/api/documents/${id}/annotations`), comments: await get(`/api/documents/${id}/comments`) };
      }, documentId);
      expect(seen).toEqual({ annotations: [], comments: [] });
      expect(await otherPage.locator('[data-testid="highlight"]').count()).toBe(0);
      expect(await otherPage.locator('[data-testid="overlay-comment"], [data-testid="overlay-note"]').count()).toBe(0);
      await otherPage.locator('[data-testid="my-panel-toggle"]').tap();
      await otherPage.locator('[data-testid="my-panel"]').waitFor();
      expect(await otherPage.locator('[data-testid="my-annotation"]').count()).toBe(0);
      expect(await otherPage.content()).not.toContain(NOTE);
      expect(await otherPage.content()).not.toContain(COMMENT);
    } catch (e) {
      await screenshotOnFailure(otherPage, 'reading-room-other-delegate');
      throw e;
    } finally {
      await other.close();
    }

    // the secretary sees the comment with the delegate's name, and not the note
    const staff = await phoneContext(world.browser, world.server.url);
    const staffPage = await staff.newPage();
    try {
      await logIn(staffPage, 'thuky1');
      await openDraft(staffPage);
      await staffPage.locator(`[data-testid="margin-comment"].has-comments[data-paragraph-ids~="${targetParagraph}"]`).waitFor();
      await staffPage.locator('[data-testid="my-panel-toggle"]').tap();
      const panel = staffPage.locator('[data-testid="my-panel"]');
      await panel.waitFor();
      const card = panel.locator('[data-testid="comment-card"]');
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.locator('[data-testid="comment-author"]').textContent()).toBe('Nguyễn Văn An');
      expect(await card.locator('[data-testid="comment-body"]').textContent()).toBe(COMMENT);
      expect(await staffPage.locator('[data-testid="highlight"]').count()).toBe(0);
      expect(await staffPage.content()).not.toContain(NOTE);
      // read receipts: the delegate who wrote the comment has opened the document
      await panel.locator('[data-testid="my-tab-receipts"]').tap();
      const receipt = panel.locator('[data-testid="read-receipt"]', { hasText: 'Nguyễn Văn An' });
      await receipt.waitFor();
      expect(await receipt.getAttribute('data-opened')).toBe('true');
      await staffPage.screenshot({ path: '.test-data/screenshots/reading-room-secretary.png' });
    } catch (e) {
      await screenshotOnFailure(staffPage, 'reading-room-secretary');
      throw e;
    } finally {
      await staff.close();
    }
  },
  180_000,
);

it('makes one highlight of a selection across a page break, with rects on both pages', async () => {
  const context = await phoneContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    await logIn(page, 'daibieu03');
    await openDraft(page);
    await waitForText(page.locator('[data-testid="text-layer"][data-page-number="2"]'), 'TM. HỘI ĐỒNG');
    await selectText(page, 1, 'có hiệu lực từ', 2, 'TM. HỘI ĐỒNG');
    const bar = page.locator('[data-testid="selection-actions"][data-anchored="true"]');
    await bar.waitFor();
    await bar.locator('[data-testid="highlight-color-green"]').tap();
    await page.locator('[data-testid="highlight"][data-color="green"]').first().waitFor();
    // one annotation, drawn on both pages
    // the optimistic highlight is redrawn once the server confirms it: read the drawing when it has settled on both pages
    const readDrawn = () =>
      page.locator('[data-testid="highlight"][data-color="green"]').evaluateAll((lines) =>
        Array.from(new Set(lines.map((l) => `${l.getAttribute('data-annotation-id')}@${l.closest('[data-page-number]')?.getAttribute('data-page-number')}`))),
      );
    let drawn = await readDrawn();
    for (let i = 0; i < 50 && drawn.map((d) => d.split('@')[1]).sort().join() !== '1,2'; i++) {
      await page.waitForTimeout(200);
      drawn = await readDrawn();
    }
    expect(drawn.map((d) => d.split('@')[1]).sort()).toEqual(['1', '2']);
    expect(new Set(drawn.map((d) => d.split('@')[0])).size).toBe(1);

    // every write goes through the outbox first: wait for it to reach the server
    const stored = () =>
      world.server.db.query(
        `SELECT a.quote_exact, a.rects FROM annotations a JOIN users u ON u.id = a.author_id WHERE u.username = 'daibieu03' AND a.document_id = $1`,
        [documentId],
      );
    let { rows } = await stored();
    for (let i = 0; i < 75 && rows.length === 0; i++) {
      await page.waitForTimeout(200);
      ({ rows } = await stored());
    }
    expect(rows).toHaveLength(1);
    expect(rows[0].quote_exact).toMatch(/^có hiệu lực từ ngày 01 tháng 01 năm 2027\.\/\. TM\. HỘI ĐỒNG$/);
    expect(new Set((rows[0].rects as { page: number }[]).map((r) => r.page))).toEqual(new Set([1, 2]));
  } catch (e) {
    await screenshotOnFailure(page, 'reading-room-page-break');
    throw e;
  } finally {
    await context.close();
  }
}, 120_000);
