import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld({ waitForIngest: false });

const live = (page: Page) => page.locator('[data-testid="live-status"][data-state="live"]').first().waitFor({ timeout: 20_000 });
const attr = (page: Page, selector: string, name: string) => page.locator(selector).first().getAttribute(name);
async function waitForAttr(page: Page, selector: string, name: string, value: string): Promise<void> {
  await page.locator(`${selector}[${name}="${value}"]`).first().waitFor({ timeout: 20_000 });
}

it('checks delegates in from their phones, runs a vote from the console and shows the result on the hall screen', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const hallContext = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
  const phones = await Promise.all(['daibieu01', 'daibieu02', 'daibieu03'].map(async () => phoneContext(world.browser, world.server.url)));
  const chair = await logIn(chairContext, 'chutoa');
  const delegates = await Promise.all(['daibieu01', 'daibieu02', 'daibieu03'].map((u, i) => logIn(phones[i], u)));
  const hall = await hallContext.newPage();
  try {
    // the hall screen, through a display link the console makes
    const link = await chair.evaluate(async (id) => {
      const res = await fetch(`/api/meetings/${id}/display-links`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ label: 'TV hội trường' }) });
      return (await res.json()) as { url: string };
    }, world.meetingId);
    await hall.goto(link.url);
    await hall.locator('[data-testid="hall-screen"]').waitFor();

    // the chair opens the sitting from the console; the hall shows the check-in code and the quorum
    await chair.goto(`/meetings/${world.meetingId}/console`);
    await live(chair);
    await chair.click('[data-testid="sitting-open"]');
    const code = (await hall.locator('[data-testid="hall-checkin-code"]').textContent({ timeout: 20_000 }))!.replace(/\D/g, '');
    expect(code).toHaveLength(4);
    await waitForAttr(hall, '[data-testid="quorum"]', 'data-seats', '23');

    // a delegate checks in from the phone with the code on the hall screen; two more online
    for (const page of delegates) {
      await page.goto(`/meetings/${world.meetingId}`);
      await page.locator('[data-testid="checkin-card"]').waitFor();
      await live(page);
    }
    await delegates[0].click('[data-testid="checkin-hall"]');
    await delegates[0].fill('[data-testid="checkin-code"]', code);
    await delegates[0].click('[data-testid="checkin-confirm"]');
    await delegates[0].locator('[data-testid="checkin-card"][data-status="hall"]').waitFor({ timeout: 15_000 });
    expect(await delegates[0].locator('[data-testid="checkin-state"]').textContent()).toContain('Có mặt tại hội trường');
    for (const page of delegates.slice(1)) {
      await page.click('[data-testid="checkin-online"]');
      await page.locator('[data-testid="checkin-card"][data-status="online"]').waitFor({ timeout: 15_000 });
    }
    await waitForAttr(hall, '[data-testid="quorum"]', 'data-present', '3');
    await waitForAttr(chair, '[data-testid="attendance-panel"] [data-testid="quorum"]', 'data-present', '3');

    // the chair sets a vote up and opens it
    await chair.fill('[data-testid="vote-question"]', 'Thông qua chương trình kỳ họp');
    await chair.click('[data-testid="vote-create"]');
    const item = chair.locator('[data-testid="console-vote"][data-status="draft"]').first();
    await item.waitFor({ timeout: 15_000 });
    await item.locator('[data-testid="vote-open"]').click();
    await chair.locator('[data-testid="console-vote"][data-status="open"]').waitFor({ timeout: 15_000 });
    await hall.locator('[data-testid="hall-vote"][data-status="open"]').waitFor({ timeout: 15_000 });

    // three delegates vote on their phones: two in favour, one against
    const choices = ['yes', 'yes', 'no'];
    for (const [i, page] of delegates.entries()) {
      await page.locator('[data-testid="vote-screen"][data-status="open"]').waitFor({ timeout: 15_000 });
      await page.click(`[data-testid="vote-choice-${choices[i]}"]`);
      await page.click('[data-testid="vote-confirm"]');
      await page.locator('[data-testid="vote-counted"]').waitFor({ timeout: 15_000 });
    }
    // the console and the hall count ballots, never choices
    await waitForAttr(chair, '[data-testid="console-ballots"]', 'data-count', '3');
    await waitForAttr(hall, '[data-testid="hall-ballots"]', 'data-count', '3');

    // the chair closes it and puts the result on the hall screen
    await chair.click('[data-testid="vote-close"]');
    const closed = chair.locator('[data-testid="console-vote"][data-status="closed"]').first();
    await closed.waitFor({ timeout: 15_000 });
    await closed.locator('[data-testid="vote-show-hall"]').click();
    const result = hall.locator('[data-testid="hall-vote"][data-status="closed"] [data-testid="vote-result"]');
    await result.waitFor({ timeout: 15_000 });
    expect(await attr(hall, '[data-testid="vote-count-yes"]', 'data-count')).toBe('2');
    expect(await attr(hall, '[data-testid="vote-count-no"]', 'data-count')).toBe('1');
    // 23 seats: 2 in favour is not more than half of all seats
    expect(await hall.locator('[data-testid="vote-verdict"]').textContent()).toBe('KHÔNG THÔNG QUA');
    expect(await hall.locator('[data-testid="vote-count-yes"]').textContent()).toContain('2 phiếu, chiếm 8,70% tổng số đại biểu');
    // the whole board fits 1920×1080
    const overflow = await hall.evaluate(() => {
      const card = document.querySelector('[data-testid="hall-vote"]')!;
      return { h: document.documentElement.scrollHeight - window.innerHeight, w: document.documentElement.scrollWidth - window.innerWidth, card: card.scrollHeight - card.clientHeight };
    });
    expect(overflow).toEqual({ h: 0, w: 0, card: 0 });

    // each phone shows the result
    for (const page of delegates) await page.locator('[data-testid="vote-screen"][data-status="closed"] [data-testid="vote-result"]').waitFor({ timeout: 15_000 });
    const phoneOverflow = await delegates[0].evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(phoneOverflow).toBe(0);
  } catch (e) {
    await screenshotOnFailure(chair, 'voting-chair');
    await screenshotOnFailure(hall, 'voting-hall');
    for (const [i, page] of delegates.entries()) await screenshotOnFailure(page, `voting-delegate-${i + 1}`);
    throw e;
  } finally {
    await chairContext.close();
    await hallContext.close();
    for (const c of phones) await c.close();
  }
});
