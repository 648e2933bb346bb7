import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { logIn, screenshotOnFailure } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

const api = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
    },
    { method, path, body },
  );

async function userId(username: string): Promise<string> {
  return (await world.server.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
}

const longReport = (group: number) =>
  Array.from({ length: 6 }, (_, i) => `${i + 1}. Tổ ${group} đề nghị làm rõ nguồn kinh phí cho công trình số ${i + 1}, tiến độ giải ngân và trách nhiệm của từng đơn vị thực hiện trong năm 2027.`).join('\n');

it('fits two long group reports on a 1920×1080 hall screen by turning pages, shows no "Đã công bố" pill, and gives the display link as a QR code', async () => {
  const chairContext = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1366, height: 900 }, locale: 'vi-VN', bypassCSP: true });
  const chair = await logIn(chairContext, 'chutoa');
  const tv = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', bypassCSP: true });
  const hall = await tv.newPage();
  try {
    const m = world.meetingId;
    const [d01, d02, d03, d04] = await Promise.all(['daibieu01', 'daibieu02', 'daibieu03', 'daibieu04'].map(userId));
    const itemId = ((await api(chair, 'GET', `/meetings/${m}`)).body.agenda as { id: string }[])[0].id;
    // the item under discussion is the one the groups reported on (set as the console does before)
    await world.server.db.query('UPDATE meetings SET current_agenda_item_id = $2 WHERE id = $1', [m, itemId]);
    const made = await api(chair, 'POST', `/meetings/${m}/breakouts`, {
      agendaItemId: itemId,
      groups: [
        { name: 'Tổ số 1', leaderId: d01, memberIds: [d01, d03], documentIds: [] },
        { name: 'Tổ số 2', leaderId: d02, memberIds: [d02, d04], documentIds: [] },
      ],
    });
    expect(made.status).toBe(200);
    const groups = made.body.groups as { id: string }[];
    expect((await api(chair, 'POST', `/meetings/${m}/breakouts/start`, { agendaItemId: itemId })).status).toBeLessThan(300);
    for (const [i, leader] of ['daibieu01', 'daibieu02'].entries()) {
      const ctx = await world.browser.newContext({ baseURL: world.server.url });
      const page = await logIn(ctx, leader);
      expect((await api(page, 'PUT', `/breakout-groups/${groups[i].id}/report`, { text: longReport(i + 1), submit: true })).status).toBe(200);
      await ctx.close();
    }
    expect((await api(chair, 'POST', `/meetings/${m}/breakouts/end`, { agendaItemId: itemId })).status).toBeLessThan(300);

    // the display link, as a QR code in the console
    await chair.goto(`/meetings/${m}/console`);
    await chair.click('[data-testid="create-display-link"]');
    const qr = chair.locator('[data-testid="display-link-qr"]');
    await qr.waitFor();
    expect(await qr.getAttribute('aria-label')).toMatch(/Mã QR/);
    expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(500);
    const url = await chair.locator('[data-testid="new-display-link-url"]').inputValue();

    await hall.goto(url);
    const reports = hall.locator('[data-testid="hall-reports"]');
    await reports.waitFor();
    const fits = () => hall.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth]);
    expect(await fits()).toEqual([1080, 1920]);
    expect(await hall.locator('[data-testid="hall-status"]').count()).toBe(0);
    expect(await hall.locator('.hall').textContent()).not.toContain('Đã công bố');
    // every report shown in full, whole reports page by page, each inside the screen
    expect(Number(await reports.getAttribute('data-pages'))).toBeGreaterThan(1);
    const pages = Number(await reports.getAttribute('data-pages'));
    const frame = (await hall.locator('[data-testid="hall-reports-box"]').boundingBox())!;
    expect(frame.y + frame.height).toBeLessThanOrEqual(1080);
    // the last page brings the end of the last report inside the frame: nothing is cut off for good
    await hall.locator(`[data-testid="hall-reports"][data-page="${pages}"]`).waitFor({ timeout: 15_000 * pages });
    await hall.waitForFunction(() => document.getAnimations().length === 0);
    const last = (await hall.locator('[data-testid="hall-report"]').last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
    expect(last.y + last.height).toBeGreaterThan(frame.y);
    expect(await fits()).toEqual([1080, 1920]);
    await hall.locator('[data-testid="hall-reports-page"]').getByText(`Trang ${pages}/${pages}`).waitFor();
    expect(await seriousViolations(hall)).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(hall, 'hall-screen');
    throw e;
  } finally {
    await chairContext.close();
    await tv.close();
  }
}, 150_000);
