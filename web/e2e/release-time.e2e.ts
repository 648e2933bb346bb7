import { pdfWithPages } from '../../fixtures';
import { logIn, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

it('takes a document’s release time as dd/mm/yyyy and 24-hour time on the council’s clock, whatever the browser’s locale and zone', async () => {
  const { server, browser, meetingId } = world;
  // an English browser in New York: the native picker would show "12/08/2026, 08:00 AM" in its own zone
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await logIn(context, 'thuky1');
  try {
    const zone = (await server.db.query('SELECT c.time_zone FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1', [meetingId])).rows[0].time_zone as string;
    expect(zone).toBe('Asia/Ho_Chi_Minh');
    await page.goto(`/meetings/${meetingId}/setup/documents`);
    await page.locator('[data-testid="upload-panel"]').waitFor();
    await page.setInputFiles('[data-testid="upload-input"]', [{ name: 'phu-luc-hen-gio.pdf', mimeType: 'application/pdf', buffer: await pdfWithPages(1) }]);
    await page.locator('[data-testid="upload-title-input"][data-reading="false"]').waitFor();
    await page.fill('[data-testid="upload-title-input"]', 'Phụ lục hẹn giờ phát hành');
    await page.click('[data-testid="upload-start"]');
    const row = page.locator('[data-testid="managed-document"]', { hasText: 'Phụ lục hẹn giờ phát hành' });
    await row.locator('[data-testid="document-state"][data-state="draft"]').waitFor({ timeout: 60_000 });
    const documentId = (await row.getAttribute('data-document-id'))!;

    await row.locator('[data-testid="release-document"]').click();
    const dialog = page.locator('[data-testid="release-dialog"]');
    await dialog.waitFor();
    // no native datetime-local in the dialog: a day and a 24-hour time, typed
    expect(await dialog.locator('input[type="datetime-local"]').count()).toBe(0);
    // half a time is never taken as "no time" (which would release at the meeting's time)
    await dialog.locator('[data-testid="release-at-date"]').fill('31/02/2030');
    await dialog.locator('[data-testid="release-at-time"]').fill('14:30');
    await dialog.locator('[data-testid="confirm-dialog-ok"]').click();
    await dialog.locator('.field-error').waitFor();
    expect((await server.db.query('SELECT state FROM documents WHERE id = $1', [documentId])).rows[0].state).toBe('draft');

    await dialog.locator('[data-testid="release-at-date"]').fill('02/03/2030');
    await dialog.locator('[data-testid="release-at-time"]').fill('14:30');
    await dialog.locator('[data-testid="confirm-dialog-ok"]').click();
    const state = row.locator('[data-testid="document-state"][data-state="released"]');
    await state.waitFor();
    // 14:30 in Hà Nội is 07:30 UTC, whatever the browser's own zone
    const stored = (await server.db.query('SELECT release_at FROM documents WHERE id = $1', [documentId])).rows[0].release_at as Date;
    expect(stored.toISOString()).toBe('2030-03-02T07:30:00.000Z');
    // and it is shown back on the council's clock, day first, 24-hour
    await waitForText(state, '14:30');
    expect(await state.textContent()).toContain('02/03/2030');
    expect(await state.textContent()).not.toMatch(/AM|PM/);
  } catch (e) {
    await screenshotOnFailure(page, 'release-time');
    throw e;
  } finally {
    await context.close();
  }
});
