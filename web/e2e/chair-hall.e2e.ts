import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText, waitUntilLive } from './support/browser';
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

/** The app asks with its own dialogs: any native confirm()/alert()/prompt() is recorded (and dismissed) to fail the test. */
function recordNativeDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

const secondsLeft = async (page: Page, scope: string) => Number(await page.locator(`${scope} [data-testid="breakout-countdown"]`).getAttribute('data-seconds-left'));

it('splits the delegates by tổ đại biểu, starts and ends with the app’s dialogs, and counts the discussion down in the group room and on the hall screen', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const phone = await phoneContext(world.browser, world.server.url);
  const tv = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', bypassCSP: true });
  const chair = await logIn(chairContext, 'chutoa');
  const delegate = await logIn(phone, 'daibieu01');
  const hall = await tv.newPage();
  const native = recordNativeDialogs(chair);
  try {
    const m = world.meetingId;
    const { rows: units } = await world.server.db.query(
      `SELECT p.unit, count(*)::int AS n, bool_or(u.username = 'daibieu01') AS mine FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND p.role = 'delegate' GROUP BY p.unit`,
      [m],
    );
    expect(units.length).toBeGreaterThan(1);
    const myUnit: string = units.find((u) => u.mine).unit;
    const itemId = ((await api(chair, 'GET', `/meetings/${m}`)).body.agenda as { id: string }[])[1].id;

    await chair.goto(`/meetings/${m}/console`);
    await waitUntilLive(chair);
    // the session has not started: moving the agenda now says what it does
    await chair.locator('[data-testid="agenda-before-start-hint"]').waitFor();
    await chair.selectOption('[data-testid="breakout-item"]', itemId);
    await chair.click('[data-testid="breakout-by-unit"]');
    const groups = chair.locator('[data-testid="breakout-draft-group"]');
    await groups.nth(units.length - 1).waitFor();
    expect(await groups.count()).toBe(units.length);
    for (let i = 0; i < units.length; i++) {
      const name = await groups.nth(i).locator('[data-testid="breakout-group-name"]').inputValue();
      const unit = units.find((u) => u.unit === name);
      expect(unit).toBeDefined();
      expect(await groups.nth(i).locator('[data-testid="breakout-group-size"]').textContent()).toContain(String(unit!.n));
    }

    // start: the app's dialog; Hủy first changes nothing
    await chair.click('[data-testid="breakout-start"]');
    const startDialog = chair.locator('[data-testid="breakout-start-dialog"]');
    await startDialog.getByRole('button', { name: 'Hủy' }).click();
    await startDialog.waitFor({ state: 'detached' });
    expect(await chair.locator('[data-testid="breakout-monitor"][data-status="running"]').count()).toBe(0);
    await chair.click('[data-testid="breakout-start"]');
    await startDialog.locator('[data-testid="confirm-dialog-ok"]').click();
    await chair.locator('[data-testid="breakout-monitor"][data-status="running"]').waitFor({ timeout: 15_000 });

    // the delegate's phone goes into the room of their own tổ
    await delegate.goto(`/meetings/${m}`);
    await delegate.locator('[data-testid="group-room"]').waitFor({ timeout: 15_000 });
    expect(await delegate.locator('[data-testid="group-room-name"]').textContent()).toBe(myUnit);
    expect(await delegate.locator('[data-testid="breakout-countdown"]').count()).toBe(0);
    await waitUntilLive(delegate);

    // the hall, through a display link
    const link = await api(chair, 'POST', `/meetings/${m}/display-links`, { label: 'TV thử' });
    await hall.goto(link.body.url as string);
    await hall.locator('[data-testid="hall-breakouts"][data-status="running"]').waitFor({ timeout: 15_000 });

    // the chair gives the groups 5 minutes: the room and the hall count down, live
    await chair.fill('[data-testid="breakout-countdown-minutes"]', '5');
    await chair.click('[data-testid="breakout-countdown-set"]');
    await delegate.locator('[data-testid="breakout-countdown"]').waitFor({ timeout: 15_000 });
    await hall.locator('[data-testid="hall-breakouts"] [data-testid="breakout-countdown"]').waitFor({ timeout: 15_000 });
    for (const [page, scope] of [
      [delegate, '[data-testid="group-room"]'],
      [hall, '[data-testid="hall-breakouts"]'],
      [chair, '[data-testid="breakout-monitor"]'],
    ] as const) {
      const left = await secondsLeft(page, scope);
      expect(left).toBeGreaterThan(240);
      expect(left).toBeLessThanOrEqual(300);
      // it ticks: a smaller number comes by itself
      await page.waitForFunction(
        ({ scope, before }) => Number(document.querySelector(`${scope} [data-testid="breakout-countdown"]`)?.getAttribute('data-seconds-left')) < before,
        { scope, before: left },
        { timeout: 10_000 },
      );
    }
    await waitForText(delegate.locator('[data-testid="breakout-countdown"]'), 'Thời gian thảo luận còn');
    // the server holds the end: a reload shows the same time left
    await delegate.reload();
    await delegate.locator('[data-testid="group-room"] [data-testid="breakout-countdown"]').waitFor({ timeout: 15_000 });
    expect(await secondsLeft(delegate, '[data-testid="group-room"]')).toBeGreaterThan(230);

    // end: the app's dialog; the hall's countdown goes with the discussion
    await chair.click('[data-testid="breakout-end"]');
    await chair.locator('[data-testid="breakout-end-dialog"] [data-testid="confirm-dialog-ok"]').click();
    await delegate.locator('[data-testid="meeting-page"]').waitFor({ timeout: 15_000 });
    await hall.locator('[data-testid="hall-breakouts"] [data-testid="breakout-countdown"]').waitFor({ state: 'detached', timeout: 15_000 });
    expect(native).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(chair, 'chair-hall-chair');
    await screenshotOnFailure(delegate, 'chair-hall-delegate');
    await screenshotOnFailure(hall, 'chair-hall-tv');
    throw e;
  } finally {
    await chairContext.close();
    await phone.close();
    await tv.close();
  }
});

it('sets up the hall TV with a short code typed on /tv: once, and a wrong code is told in Vietnamese', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const chair = await logIn(chairContext, 'thuky1');
  const tv = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', bypassCSP: true });
  const screen = await tv.newPage();
  const other = await tv.newPage();
  try {
    const m = world.meetingId;
    await chair.goto(`/meetings/${m}/console`);
    await chair.click('[data-testid="create-tv-code"]');
    const shown = chair.locator('[data-testid="tv-code"]');
    await shown.waitFor();
    const code = ((await shown.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await waitForText(chair.locator('[data-testid="tv-code-card"]'), '/tv');

    await screen.goto('/tv');
    const input = screen.locator('[data-testid="tv-code-input"]');
    await input.fill(code === '000000' ? '111111' : '000000');
    await screen.click('[data-testid="tv-code-submit"]');
    await waitForText(screen.locator('[data-testid="tv-code-page"]'), 'Mã không đúng hoặc đã hết hạn');
    await input.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await screen.click('[data-testid="tv-code-submit"]');
    await screen.locator('[data-testid="hall-screen"]').waitFor({ timeout: 15_000 });
    expect(new URL(screen.url()).pathname).toBe(`/hall/${m}`);

    // the code is spent: another screen typing it is refused
    await other.goto('/tv');
    await other.fill('[data-testid="tv-code-input"]', code);
    await other.click('[data-testid="tv-code-submit"]');
    await waitForText(other.locator('[data-testid="tv-code-page"]'), 'Mã không đúng hoặc đã hết hạn');
    expect(new URL(other.url()).pathname).toBe('/tv');
  } catch (e) {
    await screenshotOnFailure(chair, 'tv-code-console');
    await screenshotOnFailure(screen, 'tv-code-screen');
    throw e;
  } finally {
    await chairContext.close();
    await tv.close();
  }
});
