import type { BrowserContext, Page } from 'playwright-core';
import { logIn, phoneContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

let meetingId: string;
let documentId: string;
let versionId: string;

const TITLE = 'Dự thảo Nghị quyết về dự toán ngân sách xã năm 2027';
const NOTE = 'Ghi chú viết khi mất sóng: hỏi lại số liệu thẩm tra';
const COMMENT = 'Góp ý viết khi không có mạng: đề nghị nêu rõ tổng chi tăng bao nhiêu so với năm 2026.';

const world = demoWorld();
beforeAll(async () => {
  const { rows } = await world.server.db.query(
    `SELECT d.id AS document_id, d.meeting_id, v.id AS version_id FROM documents d JOIN document_versions v ON v.document_id = d.id
      WHERE d.title = $1 ORDER BY v.version_no DESC LIMIT 1`,
    [TITLE],
  );
  documentId = rows[0].document_id;
  meetingId = rows[0].meeting_id;
  versionId = rows[0].version_id;
});

/** Waits until the service worker has precached the app shell and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** Selects a phrase in page `pageNumber`'s text layer as a finger would, then the event the viewer listens to. */
async function selectText(page: Page, pageNumber: number, phrase: string): Promise<void> {
  await page.evaluate(
    ({ pageNumber, phrase }) => {
      const layer = document.querySelector(`[data-testid="text-layer"][data-page-number="${pageNumber}"]`);
      if (!layer) throw new Error(`no text layer on page ${pageNumber}`);
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      let text: Text | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node as Text).data.includes(phrase)) {
          text = node as Text;
          break;
        }
      }
      if (!text) throw new Error(`no text-layer text with "${phrase}"`);
      const range = document.createRange();
      range.setStart(text, text.data.indexOf(phrase));
      range.setEnd(text, text.data.indexOf(phrase) + phrase.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    },
    { pageNumber, phrase },
  );
}

async function paragraphId(startsWith: string): Promise<string> {
  const { rows } = await world.server.db.query('SELECT id FROM paragraphs WHERE version_id = $1 AND text LIKE $2', [versionId, `${startsWith}%`]);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** What the server holds for one delegate on the draft: their annotations and comments. */
async function stored(username: string) {
  const annotations = await world.server.db.query(
    `SELECT a.client_id, a.note, a.color FROM annotations a JOIN users u ON u.id = a.author_id WHERE a.document_id = $1 AND u.username = $2 ORDER BY a.created_at`,
    [documentId, username],
  );
  const comments = await world.server.db.query(
    `SELECT c.client_id, c.body, c.written_at, c.created_at FROM comments c JOIN users u ON u.id = c.author_id WHERE c.document_id = $1 AND u.username = $2`,
    [documentId, username],
  );
  return { annotations: annotations.rows, comments: comments.rows };
}

/**
 * Signs in online, saves the meeting for offline reading, goes offline and reloads (the service
 * worker serves the app, IndexedDB the data), opens the draft and makes a highlight, a note and a
 * comment. Returns with the context still offline and three items in the outbox.
 */
async function workOffline(context: BrowserContext, page: Page, username: string): Promise<void> {
  await logIn(page, username);
  await page.goto(`/meetings/${meetingId}`);
  await waitForServiceWorker(page);
  const panel = page.locator('[data-testid="offline-panel"]');
  await panel.locator('[data-testid="offline-save"]').tap();
  await page.locator('[data-testid="offline-panel"][data-saved="true"]').waitFor({ timeout: 60_000 });
  expect(await panel.locator('[data-testid="offline-size"]').textContent()).toMatch(/^Đã lưu \d+(,\d)? (KB|MB)/);

  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-testid="meeting-page"]').waitFor();
  await page.locator('[data-testid="offline-banner"]').waitFor();
  expect(await page.locator('[data-testid="offline-banner"]').textContent()).toContain('Không có mạng – bạn vẫn đọc và ghi chú được; sẽ tự gửi khi có mạng');
  expect(await page.locator('[data-testid="offline-saved-badge"]').count()).toBe(1);

  await page.locator(`[data-testid="document-link"][data-document-id="${documentId}"]`).tap();
  await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), 'QUYẾT NGHỊ');
  await page.locator('[data-testid="margin-comment"]').first().waitFor();

  // 1. a highlight
  await selectText(page, 1, 'Báo cáo thẩm tra');
  const bar = page.locator('[data-testid="selection-actions"][data-anchored="true"]');
  await bar.waitFor();
  await bar.locator('[data-testid="highlight-color-yellow"]').tap();
  await page.locator('[data-testid="highlight"][data-color="yellow"]').first().waitFor();
  await waitForText(page.locator('[data-testid="viewer-toast"]'), 'Đã lưu trên máy');

  // 2. a note on another passage
  await selectText(page, 1, 'QUYẾT NGHỊ');
  await bar.waitFor();
  await bar.locator('[data-testid="selection-note"]').tap();
  const compose = page.locator('[data-testid="compose-sheet"]');
  await compose.waitFor();
  await compose.locator('[data-testid="note-input"]').fill(NOTE);
  await compose.locator('[data-testid="note-submit"]').tap();
  await compose.waitFor({ state: 'detached' });

  // 3. a comment on a whole paragraph, from its margin button
  const target = await paragraphId('3. Tổng chi ngân sách xã');
  await page.locator(`[data-testid="margin-comment"][data-paragraph-ids~="${target}"]`).tap();
  await page.locator('[data-testid="paragraph-chooser"], [data-testid="compose-sheet"]').first().waitFor();
  if (await page.locator('[data-testid="paragraph-chooser"]').count()) {
    await page.locator(`[data-testid="paragraph-choice"][data-paragraph-id="${target}"]`).tap();
  }
  await compose.waitFor();
  await compose.locator('[data-testid="comment-body-input"]').fill(COMMENT);
  await compose.locator('[data-testid="comment-submit"]').tap();
  await compose.waitFor({ state: 'detached' });

  // search works from the saved paragraphs
  await page.locator('[data-testid="viewer-search-toggle"]').tap();
  await page.locator('[data-testid="viewer-search-input"]').fill('thẩm tra');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="viewer-search-status"]')?.getAttribute('data-hit-count')) > 0);
  await page.locator('[data-testid="viewer-search-input"]').fill('');
  await page.locator('[data-testid="viewer-search-toggle"]').tap();

  const badge = page.locator('[data-testid="outbox-badge"]');
  await page.locator('[data-testid="outbox-badge"][data-count="3"]').waitFor();
  expect(await badge.textContent()).toContain('3 mục chưa gửi');
  // the page shows all three, marked as not sent
  await page.locator('[data-testid="overlay-note"]').first().waitFor();
  await page.locator('[data-testid="overlay-comment"]').first().waitFor();
  await page.locator('[data-testid="my-panel-toggle"]').tap();
  const panelMine = page.locator('[data-testid="my-panel"]');
  expect(await panelMine.locator('[data-testid="my-annotation"][data-pending="true"]').count()).toBe(2);
  await panelMine.locator('[data-testid="my-tab-comments"]').tap();
  expect(await panelMine.locator('[data-testid="comment-card"][data-pending="true"]').count()).toBe(1);
  await page.locator('[data-testid="my-panel-close"]').tap();
  // nothing reached the server
  expect(await stored(username)).toEqual({ annotations: [], comments: [] });
}

async function expectExactlyOneOfEach(username: string): Promise<void> {
  const { annotations, comments } = await stored(username);
  expect(annotations.map((a) => ({ note: a.note, color: a.color }))).toEqual([
    { note: '', color: 'yellow' },
    { note: NOTE, color: 'yellow' },
  ]);
  expect(comments).toHaveLength(1);
  expect(comments[0].body).toBe(COMMENT);
  // stamped with when it was written (offline), not when it arrived
  expect(new Date(comments[0].written_at).getTime()).toBeLessThan(new Date(comments[0].created_at).getTime());
}

it(
  'saves a meeting, works on it offline after a reload, and sends the outbox once when the connection returns',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    try {
      await workOffline(context, page, 'daibieu01');
      await page.screenshot({ path: '.test-data/screenshots/offline-outbox.png' });

      await context.setOffline(false);
      // and says what it sent, the notes and highlights as well as the comment
      await page.locator('[data-testid="offline-sent-notice"]', { hasText: 'Đã gửi 1 góp ý và 2 ghi chú, đánh dấu lưu khi mất mạng' }).waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="outbox-badge"]').waitFor({ state: 'detached', timeout: 30_000 });
      await page.locator('[data-testid="offline-banner"]').waitFor({ state: 'detached' });
      await expectExactlyOneOfEach('daibieu01');
      expect(await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('hopso-offline');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        return new Promise<number>((resolve) => {
          const req = db.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => resolve(req.result);
        });
      })).toBe(0);

      // back online, what was sent is shown as the server's, with nothing left pending
      await page.reload();
      await waitForText(page.locator('[data-testid="text-layer"][data-page-number="1"]'), 'QUYẾT NGHỊ');
      await page.locator('[data-testid="my-panel-toggle"]').tap();
      const panel = page.locator('[data-testid="my-panel"]');
      await panel.locator('[data-testid="my-annotation"]').nth(1).waitFor();
      expect(await panel.locator('[data-testid="my-annotation"]').count()).toBe(2);
      expect(await panel.locator('[data-pending="true"]').count()).toBe(0);
    } catch (e) {
      await screenshotOnFailure(page, 'offline-outbox');
      throw e;
    } finally {
      await context.close();
    }
  },
  180_000,
);

it(
  'stores each write once when the connection drops in the middle of sending the outbox',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    try {
      await workOffline(context, page, 'daibieu02');

      // the second write reaches the world.server, but the connection drops before its answer comes back
      const sent: string[] = [];
      await page.route(/\/api\/documents\/[^/]+\/(annotations|comments)$/, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        sent.push((JSON.parse(route.request().postData() ?? '{}') as { clientId: string }).clientId);
        if (sent.length === 2) {
          await route.fetch();
          await context.setOffline(true);
          return route.abort('internetdisconnected');
        }
        return route.continue();
      });
      await context.setOffline(false);
      await page.locator('[data-testid="outbox-badge"][data-count="2"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="offline-banner"]').waitFor();
      // the server has the first two; the phone still thinks the second is unsent
      expect((await stored('daibieu02')).annotations).toHaveLength(2);

      await context.setOffline(false);
      await page.locator('[data-testid="outbox-badge"]').waitFor({ state: 'detached', timeout: 30_000 });
      // the interrupted write went again (more than once while the phone was still offline) with the
      // same client id, and the writes went in the order they were made
      expect([...new Set(sent)]).toHaveLength(3);
      expect(sent.filter((id) => id === sent[1]).length).toBeGreaterThanOrEqual(2);
      expect(sent.indexOf(sent[sent.length - 1])).toBeGreaterThan(sent.lastIndexOf(sent[1]));
      await expectExactlyOneOfEach('daibieu02');
    } catch (e) {
      await screenshotOnFailure(page, 'offline-interrupted');
      throw e;
    } finally {
      await context.close();
    }
  },
  180_000,
);

it(
  'keeps a comment the server refuses in the outbox, with the reason and its text to copy',
  async () => {
    const context = await phoneContext(world.browser, world.server.url);
    const page = await context.newPage();
    try {
      await workOffline(context, page, 'daibieu03');
      // the phone comes back after the grace period: the server refuses the late comment
      await page.route(/\/api\/documents\/[^/]+\/comments$/, (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 403,
              contentType: 'application/json',
              body: JSON.stringify({ statusCode: 403, code: 'COMMENTS_CLOSED', message: 'The comment deadline has passed' }),
            })
          : route.continue(),
      );
      await context.setOffline(false);
      await page.locator('[data-testid="outbox-badge"][data-count="0"][data-refused="1"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="outbox-badge"]').textContent()).toContain('1 mục bị từ chối');
      const { annotations, comments } = await stored('daibieu03');
      expect(annotations).toHaveLength(2);
      expect(comments).toHaveLength(0);

      await page.locator('[data-testid="outbox-badge"]').tap();
      const item = page.locator('[data-testid="outbox-dialog"] [data-testid="outbox-item"][data-state="refused"]');
      await item.waitFor();
      expect(await item.getAttribute('data-error-code')).toBe('COMMENTS_CLOSED');
      expect(await item.locator('[data-testid="outbox-refusal"]').textContent()).toContain('quá muộn');
      expect(await item.locator('[data-testid="outbox-text"]').textContent()).toBe(COMMENT);
      await item.locator('[data-testid="outbox-copy"]').waitFor();
      await page.screenshot({ path: '.test-data/screenshots/offline-refused.png' });
      // the delegate lets it go once they have copied it
      await item.locator('[data-testid="outbox-discard"]').tap();
      await item.locator('[data-testid="outbox-discard-confirm"]').tap();
      await page.locator('[data-testid="outbox-badge"]').waitFor({ state: 'detached' });
    } catch (e) {
      await screenshotOnFailure(page, 'offline-refused');
      throw e;
    } finally {
      await context.close();
    }
  },
  180_000,
);
