import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-state="live"]').first().waitFor({ timeout: 20_000 });
}

async function userId(username: string): Promise<string> {
  return (await world.server.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
}

async function postMessage(page: Page, body: string): Promise<void> {
  await page.fill('[data-testid="group-message-input"]', body);
  await page.click('[data-testid="group-message-send"]');
}

it('moves two delegates into their own group rooms, keeps each group’s messages inside it, and shows the chair both groups and the submitted report', async () => {
  const chairContext = await desktopContext(world.browser, world.server.url);
  const oneContext = await phoneContext(world.browser, world.server.url);
  const twoContext = await phoneContext(world.browser, world.server.url);
  const chair = await logIn(chairContext, 'chutoa');
  const one = await logIn(oneContext, 'daibieu01');
  const two = await logIn(twoContext, 'daibieu02');
  // the app asks with its own dialogs: a native confirm() would fail the test
  const nativeDialogs: string[] = [];
  chair.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    const d01 = await userId('daibieu01');
    const d02 = await userId('daibieu02');
    const d03 = await userId('daibieu03');
    const d04 = await userId('daibieu04');
    // an agenda item with documents, so the groups have something to cite
    const { rows: docs } = await world.server.db.query(
      `SELECT d.id, d.agenda_item_id FROM documents d JOIN agenda_items a ON a.id = d.agenda_item_id
        WHERE d.meeting_id = $1 ORDER BY a.position, d.created_at`,
      [world.meetingId],
    );
    const agendaItemId: string = docs[0].agenda_item_id;
    const documentIds = docs.filter((d) => d.agenda_item_id === agendaItemId).map((d) => d.id as string);

    // the chair prepares two groups by hand (through the API the console's editor uses)
    const prepared = await chair.evaluate(
      async ({ id, body }) => {
        const res = await fetch(`/api/meetings/${id}/breakouts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return { status: res.status, breakout: await res.json() };
      },
      {
        id: world.meetingId,
        body: {
          agendaItemId,
          groups: [
            { name: 'Tổ số 1', leaderId: d01, memberIds: [d01, d03], documentIds },
            { name: 'Tổ số 2', leaderId: d02, memberIds: [d02, d04], documentIds },
          ],
        },
      },
    );
    expect(prepared.status).toBe(200);
    const [group1, group2] = prepared.breakout.groups as { id: string; name: string }[];
    expect(group1.name).toBe('Tổ số 1');

    // both delegates wait on the plenary page
    for (const page of [one, two]) {
      await page.goto(`/meetings/${world.meetingId}`);
      await page.locator('[data-testid="meeting-page"]').waitFor();
      await waitUntilLive(page);
    }

    // the chair starts the breakout from the console
    await chair.goto(`/meetings/${world.meetingId}/console`);
    await waitUntilLive(chair);
    await chair.selectOption('[data-testid="breakout-item"]', agendaItemId);
    const editorGroups = chair.locator('[data-testid="breakout-draft-group"]');
    await editorGroups.nth(1).waitFor();
    expect(await editorGroups.count()).toBe(2);
    expect(await editorGroups.nth(0).locator('[data-testid="breakout-group-size"]').textContent()).toContain('2');
    await chair.click('[data-testid="breakout-start"]');
    // Hủy first: nothing starts
    const startDialog = chair.locator('[data-testid="breakout-start-dialog"]');
    await startDialog.getByRole('button', { name: 'Hủy' }).click();
    await startDialog.waitFor({ state: 'detached' });
    expect(await chair.locator('[data-testid="breakout-monitor"][data-status="running"]').count()).toBe(0);
    await chair.click('[data-testid="breakout-start"]');
    await startDialog.locator('[data-testid="confirm-dialog-ok"]').click();
    await chair.locator('[data-testid="breakout-monitor"][data-status="running"]').waitFor({ timeout: 15_000 });

    // each delegate's screen moves into their own group's room by itself
    await one.locator(`[data-testid="group-room"][data-group-id="${group1.id}"]`).waitFor({ timeout: 15_000 });
    await two.locator(`[data-testid="group-room"][data-group-id="${group2.id}"]`).waitFor({ timeout: 15_000 });
    expect(await one.locator('[data-testid="group-room-name"]').textContent()).toBe('Tổ số 1');
    expect(await two.locator('[data-testid="group-room-name"]').textContent()).toBe('Tổ số 2');
    await waitUntilLive(one);
    await waitUntilLive(two);

    // daibieu01 cites a paragraph and posts in group 1
    const secret = 'Tổ 1 đề nghị tăng chi cho giáo dục vùng khó khăn.';
    await one.click('[data-testid="group-cite"]');
    await one.locator('[data-testid="citation-paragraph"]').first().click();
    await one.locator('[data-testid="composer-citation"]').waitFor();
    await postMessage(one, secret);
    const mine = one.locator('[data-testid="group-message"]', { hasText: secret });
    await mine.waitFor({ timeout: 15_000 });
    expect(await mine.locator('[data-testid="group-citation"]').count()).toBe(1);
    expect(await one.locator('[data-testid="group-message-pending"]').count()).toBe(0);

    // daibieu02 posts in group 2
    const other = 'Tổ 2 thống nhất với dự thảo.';
    await postMessage(two, other);
    await two.locator('[data-testid="group-message"]', { hasText: other }).waitFor({ timeout: 15_000 });

    // the chair sees both groups' messages live
    const card1 = chair.locator(`[data-testid="breakout-monitor-group"][data-group-id="${group1.id}"]`);
    const card2 = chair.locator(`[data-testid="breakout-monitor-group"][data-group-id="${group2.id}"]`);
    await card1.locator('[data-testid="group-message"]', { hasText: secret }).waitFor({ timeout: 15_000 });
    await card2.locator('[data-testid="group-message"]', { hasText: other }).waitFor({ timeout: 15_000 });
    expect(await card2.textContent()).not.toContain(secret);

    // group 1's message never reaches daibieu02: not on screen, not in the page, not through the API
    await new Promise((r) => setTimeout(r, 2500));
    expect(await two.content()).not.toContain(secret);
    expect(await two.locator('[data-testid="group-message"]').count()).toBe(1);
    const probe = await two.evaluate(async (g) => (await fetch(`/api/breakout-groups/${g}/messages`)).status, group1.id);
    expect(probe).toBe(404);
    expect(await two.content()).not.toContain(secret);

    // daibieu01, the leader, submits the group's report; the chair sees it
    const report = 'Tổ 1 đề nghị bổ sung 2 tỷ đồng cho trường học vùng khó khăn.';
    await one.locator('[data-testid="group-report-text"]').fill(report);
    await one.click('[data-testid="group-report-submit"]');
    await one.locator('[data-testid="group-report-status"][data-submitted="true"]').waitFor({ timeout: 15_000 });
    const submitted = card1.locator('[data-testid="group-report"][data-submitted="true"]');
    await submitted.waitFor({ timeout: 15_000 });
    expect(await submitted.textContent()).toContain(report);
    // daibieu02 leads group 2: their own report editor, empty, and nothing of group 1's report
    expect(await two.locator('[data-testid="group-report-text"]').inputValue()).toBe('');
    expect(await two.content()).not.toContain(report);

    // the chair ends the breakout: everyone is back on the plenary page, the report under the item
    await chair.click('[data-testid="breakout-end"]');
    await chair.locator('[data-testid="breakout-end-dialog"] [data-testid="confirm-dialog-ok"]').click();
    await one.locator('[data-testid="meeting-page"]').waitFor({ timeout: 15_000 });
    await two.locator('[data-testid="meeting-page"]').waitFor({ timeout: 15_000 });
    await one.locator('[data-testid="breakout-ended-notice"]').waitFor();
    const reportUnderItem = one.locator(`[data-testid="agenda-item"][data-agenda-item-id="${agendaItemId}"] [data-testid="group-report"][data-submitted="true"]`);
    await reportUnderItem.waitFor({ timeout: 15_000 });
    expect(await reportUnderItem.textContent()).toContain(report);
    expect(await two.content()).not.toContain(secret);
    expect(nativeDialogs).toEqual([]);
  } catch (e) {
    await screenshotOnFailure(chair, 'breakouts-chair');
    await screenshotOnFailure(one, 'breakouts-daibieu01');
    await screenshotOnFailure(two, 'breakouts-daibieu02');
    throw e;
  } finally {
    await chairContext.close();
    await oneContext.close();
    await twoContext.close();
  }
});
