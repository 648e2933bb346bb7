import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

/** Marks the page's window: if the page reloads, the mark is gone. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { hopsoNoReload?: boolean }).hopsoNoReload = true;
  });
}
async function stillSameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { hopsoNoReload?: boolean }).hopsoNoReload === true);
}

async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-state="live"]').first().waitFor({ timeout: 20_000 });
}

it('shows a delegate’s new comment on the secretary’s open desk without a reload', async () => {
  const secretaryContext = await desktopContext(world.browser, world.server.url);
  const delegateContext = await phoneContext(world.browser, world.server.url);
  const desk = await logIn(secretaryContext, 'thuky1');
  const delegate = await logIn(delegateContext, 'daibieu01');
  try {
    await desk.goto(`/meetings/${world.meetingId}/desk`);
    await desk.locator('[data-testid="desk-page"]').waitFor();
    await waitUntilLive(desk);
    await desk.locator('[data-testid="desk-empty"]').waitFor();
    await markWindow(desk);

    // the delegate comments on a whole paragraph of a released document, through the API
    const posted = await delegate.evaluate(async (id) => {
      const docs = await (await fetch(`/api/meetings/${id}/documents`)).json();
      const doc = docs.find((d: { title: string }) => d.title.startsWith('Dự thảo Nghị quyết về dự toán')) ?? docs[0];
      const paragraphs = await (await fetch(`/api/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).json();
      const paragraph = paragraphs.find((p: { text: string }) => p.text.length > 40) ?? paragraphs[0];
      const res = await fetch(`/api/documents/${doc.id}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          clientId: crypto.randomUUID(),
          anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text, prefix: '', suffix: '' }, rects: paragraph.rects },
          body: 'Đề nghị nêu rõ nguồn kinh phí cho khoản chi này.',
        }),
      });
      return { status: res.status, comment: await res.json(), documentTitle: doc.title as string };
    }, world.meetingId);
    expect(posted.status).toBe(201);

    const card = desk.locator(`[data-testid="desk-comment"][data-comment-id="${posted.comment.id}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-testid="desk-comment-body"]').textContent()).toBe('Đề nghị nêu rõ nguồn kinh phí cho khoản chi này.');
    expect(await card.locator('[data-testid="desk-comment-author"]').textContent()).toBe(posted.comment.authorName);
    expect(await card.locator('[data-testid="desk-comment-document"]').textContent()).toBe(posted.documentTitle);
    expect(await card.getAttribute('data-status')).toBe('sent');
    // it arrived live: marked new, at the top, and the page never reloaded
    expect(await card.getAttribute('data-new')).toBe('true');
    expect(await desk.locator('[data-testid="desk-comment"]').first().getAttribute('data-comment-id')).toBe(posted.comment.id);
    expect(await stillSameWindow(desk)).toBe(true);

    // triage: accepted, with a reply the delegate can read
    await card.locator('[data-testid="triage-open"]').click();
    await card.locator('[data-testid="triage-status-accepted"]').check();
    await card.locator('[data-testid="triage-reply"]').fill('Tổ thư ký tiếp thu, sẽ bổ sung nguồn kinh phí.');
    await card.locator('[data-testid="triage-save"]').click();
    await desk.locator(`[data-testid="desk-comment"][data-comment-id="${posted.comment.id}"][data-status="accepted"]`).waitFor();
    const seenByDelegate = await delegate.evaluate(async (id) => {
      const mine = await (await fetch(`/api/meetings/${id}/comments`)).json();
      return mine.map((c: { status: string; reply: string }) => ({ status: c.status, reply: c.reply }));
    }, world.meetingId);
    expect(seenByDelegate).toEqual([{ status: 'accepted', reply: 'Tổ thư ký tiếp thu, sẽ bổ sung nguồn kinh phí.' }]);
  } catch (e) {
    await screenshotOnFailure(desk, 'live-desk-secretary');
    await screenshotOnFailure(delegate, 'live-desk-delegate');
    throw e;
  } finally {
    await secretaryContext.close();
    await delegateContext.close();
  }
});

it('moves the current item marker on a delegate’s open meeting page when the chair moves the agenda', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const delegateContext = await phoneContext(world.browser, world.server.url);
  const consolePage = await logIn(chairContext, 'chutoa');
  const meetingPage = await logIn(delegateContext, 'daibieu02');
  try {
    await consolePage.goto(`/meetings/${world.meetingId}/console`);
    await consolePage.locator('[data-testid="console-page"]').waitFor();
    await waitUntilLive(consolePage);

    await meetingPage.goto(`/meetings/${world.meetingId}`);
    await meetingPage.locator('[data-testid="meeting-page"]').waitFor();
    await waitUntilLive(meetingPage);
    expect(await meetingPage.locator('[data-testid="agenda-item"][data-current="true"]').count()).toBe(0);
    await markWindow(meetingPage);

    const items = consolePage.locator('[data-testid="console-agenda-item"]');
    const second = await items.nth(1).getAttribute('data-agenda-item-id');
    const third = await items.nth(2).getAttribute('data-agenda-item-id');
    const secondTitle = (await meetingPage.locator(`[data-testid="agenda-item"][data-agenda-item-id="${second}"] h3`).textContent()) ?? '';

    // the chair picks item 2 on the console
    await items.nth(1).click();
    const marked = meetingPage.locator(`[data-testid="agenda-item"][data-agenda-item-id="${second}"][data-current="true"]`);
    await marked.waitFor({ timeout: 15_000 });
    expect(await marked.locator('[data-testid="current-item-badge"]').textContent()).toContain('Đang thảo luận');
    expect(await meetingPage.locator('[data-testid="current-item-banner"]').textContent()).toContain(secondTitle);

    // "next item": the marker moves on to item 3 and leaves item 2
    await consolePage.click('[data-testid="agenda-next"]');
    await meetingPage.locator(`[data-testid="agenda-item"][data-agenda-item-id="${third}"][data-current="true"]`).waitFor({ timeout: 15_000 });
    expect(await meetingPage.locator('[data-testid="agenda-item"][data-current="true"]').count()).toBe(1);
    expect(await stillSameWindow(meetingPage)).toBe(true);
  } catch (e) {
    await screenshotOnFailure(consolePage, 'live-desk-chair');
    await screenshotOnFailure(meetingPage, 'live-desk-meeting');
    throw e;
  } finally {
    await chairContext.close();
    await delegateContext.close();
  }
});

it('says it is reconnecting when a delegate’s phone loses the network, and catches up on what the chair did meanwhile', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const delegateContext = await phoneContext(world.browser, world.server.url);
  const chair = await logIn(chairContext, 'chutoa');
  const meetingPage = await logIn(delegateContext, 'daibieu03');
  try {
    await meetingPage.goto(`/meetings/${world.meetingId}`);
    await waitUntilLive(meetingPage);
    await markWindow(meetingPage);
    const { rows } = await world.server.db.query('SELECT id FROM agenda_items WHERE meeting_id = $1 ORDER BY position', [world.meetingId]);

    await delegateContext.setOffline(true);
    await meetingPage.locator('[data-testid="live-status"][data-state="reconnecting"]').waitFor({ timeout: 60_000 });
    expect(await meetingPage.locator('[data-testid="live-status"]').textContent()).toContain('Đang kết nối lại…');

    // meanwhile the chair moves the agenda twice
    for (const item of [rows[3], rows[4]]) {
      const status = await chair.evaluate(
        async ({ id, itemId }) =>
          (await fetch(`/api/meetings/${id}/current-item`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agendaItemId: itemId }) })).status,
        { id: world.meetingId, itemId: item.id },
      );
      expect(status).toBe(200);
    }

    await delegateContext.setOffline(false);
    await meetingPage.locator(`[data-testid="agenda-item"][data-agenda-item-id="${rows[4].id}"][data-current="true"]`).waitFor({ timeout: 30_000 });
    await waitUntilLive(meetingPage);
    expect(await meetingPage.locator('[data-testid="agenda-item"][data-current="true"]').count()).toBe(1);
    expect(await stillSameWindow(meetingPage)).toBe(true);
  } catch (e) {
    await screenshotOnFailure(meetingPage, 'live-desk-reconnect');
    throw e;
  } finally {
    await chairContext.close();
    await delegateContext.close();
  }
});
