import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, type AxeFinding } from './support/axe';
import { DEMO_PASSWORD, logIn, screenshotOnFailure } from './support/browser';
import { demoDocument, demoWorld } from './support/demo';

const world = demoWorld();

// axe is injected as an inline script: the app's own CSP (script-src 'self') is not under test here
const context = (phone: boolean): Promise<BrowserContext> =>
  world.browser.newContext({
    baseURL: world.server.url,
    bypassCSP: true,
    locale: 'vi-VN',
    ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
  });

async function userId(username: string): Promise<string> {
  return (await world.server.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
}

it('finds no serious or critical accessibility problem on any screen, for a delegate on a phone, the secretariat, the chair and the hall', async () => {
  const found: { screen: string; violations: AxeFinding[] }[] = [];
  const check = async (page: Page, screen: string) => found.push({ screen, violations: await seriousViolations(page) });
  const phone = await context(true);
  const desk = await context(false);
  let page = await phone.newPage();
  try {
    // login
    await page.goto('/login');
    await page.locator('[data-testid="login-submit"]').waitFor();
    await check(page, 'login');
    await page.fill('input[name="login"]', 'daibieu01');
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    // home, meeting, viewer and the reading room's panels, as a delegate on a phone
    await page.locator('[data-testid="meeting-card"]').first().waitFor();
    await check(page, 'home');
    await page.goto(`/meetings/${world.meetingId}`);
    await page.locator('[data-testid="meeting-page"]').waitFor();
    await check(page, 'meeting');
    const { rows } = await world.server.db.query("SELECT title FROM documents WHERE meeting_id = $1 AND title ILIKE 'Dự thảo%' LIMIT 1", [world.meetingId]);
    const doc = await demoDocument(world.server, rows[0]?.title ?? (await world.server.db.query('SELECT title FROM documents LIMIT 1')).rows[0].title);
    await page.goto(`/documents/${doc.documentId}`);
    await page.locator('.textLayer span').first().waitFor({ timeout: 30_000 });
    await check(page, 'viewer');
    await page.locator('[data-testid="my-panel-toggle"]').tap();
    await page.locator('[data-testid="my-panel"]').waitFor();
    await check(page, 'reading room: my panel');

    // the secretariat's desk and setup, on a desktop
    page = await logIn(desk, 'thuky1');
    await page.goto(`/meetings/${world.meetingId}/desk`);
    await page.locator('[data-testid="desk-page"]').waitFor();
    await check(page, 'desk');
    for (const tab of ['', 'agenda', 'participants', 'documents']) {
      await page.goto(`/meetings/${world.meetingId}/setup/${tab}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await check(page, `setup ${tab || 'info'}`);
    }
    // the hall screen through a display link
    const link = await page.evaluate(async (id) => {
      const res = await fetch(`/api/meetings/${id}/display-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: 'TV' }) });
      return ((await res.json()) as { url: string }).url;
    }, world.meetingId);
    const hall = await desk.newPage();
    await hall.goto(link);
    await hall.locator('[data-testid="hall-agenda"]').waitFor();
    await check(hall, 'hall');
    await hall.close();
    await desk.clearCookies();

    // the chair's console, and a group room once a breakout runs
    page = await logIn(desk, 'chutoa');
    await page.goto(`/meetings/${world.meetingId}/console`);
    await page.locator('[data-testid="breakout-item"]').waitFor();
    await check(page, 'console');
    const [d01, d02] = [await userId('daibieu01'), await userId('daibieu02')];
    const groupId = await page.evaluate(
      async ({ id, members }) => {
        const itemId = ((await (await fetch(`/api/meetings/${id}`)).json()) as { agenda: { id: string }[] }).agenda[0].id;
        const made = await fetch(`/api/meetings/${id}/breakouts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agendaItemId: itemId, groups: [{ name: 'Tổ số 1', leaderId: members[0], memberIds: members, documentIds: [] }] }) });
        const breakout = (await made.json()) as { groups: { id: string }[] };
        const started = await fetch(`/api/meetings/${id}/breakouts/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agendaItemId: itemId }) });
        if (!started.ok) throw new Error(`breakout not started: ${started.status}`);
        return breakout.groups[0].id;
      },
      { id: world.meetingId, members: [d01, d02] },
    );
    const room = await phone.newPage();
    await room.goto(`/meetings/${world.meetingId}/groups/${groupId}`);
    await room.locator('[data-testid="group-room"]').waitFor();
    await check(room, 'group room');
  } catch (e) {
    await screenshotOnFailure(page, 'accessibility');
    throw e;
  } finally {
    await phone.close();
    await desk.close();
  }
  const failing = found.filter((f) => f.violations.length > 0);
  const report = failing.map((f) => `${f.screen}:\n${f.violations.map((v) => `  ${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n')}`).join('\n');
  expect(report).toBe('');
  expect(found.map((f) => f.screen)).toHaveLength(13);
});
