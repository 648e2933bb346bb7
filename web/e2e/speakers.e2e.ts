import type { Locator } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText, waitUntilLive } from './support/browser';
import { demoWorld } from './support/demo';
import { startWrittenQuestion } from './support/questions';

const world = demoWorld();

async function remaining(countdown: Locator): Promise<number> {
  return Number(await countdown.getAttribute('data-remaining'));
}

async function fullName(username: string): Promise<string> {
  return (await world.server.db.query('SELECT full_name FROM users WHERE username = $1', [username])).rows[0].full_name;
}

it('lets two delegates ask for the floor on their phones, the chair reorder and start them, and the hall screen count down in step with the phones', async () => {
  const { server, browser, meetingId } = world;
  const chairContext = await desktopContext(browser, server.url);
  const hallContext = await desktopContext(browser, server.url);
  const oneContext = await phoneContext(browser, server.url);
  const twoContext = await phoneContext(browser, server.url);
  const [chair, one, two] = await Promise.all([logIn(chairContext, 'chutoa'), logIn(oneContext, 'daibieu01'), logIn(twoContext, 'daibieu02')]);
  const hall = await hallContext.newPage();
  try {
    const [nameOne, nameTwo] = [await fullName('daibieu01'), await fullName('daibieu02')];
    // the chair opens the first item and makes a hall screen link
    await chair.goto(`/meetings/${meetingId}/console`);
    await chair.locator('[data-testid="console-page"]').waitFor();
    await waitUntilLive(chair);
    await chair.click('[data-testid="agenda-next"]');
    await chair.locator('[data-testid="speakers-queue-empty"]').waitFor();
    await chair.click('[data-testid="create-display-link"]');
    const url = await chair.locator('[data-testid="new-display-link-url"]').inputValue();
    await hall.goto(url);
    await hall.locator('[data-testid="hall-screen"]').waitFor();

    // both delegates ask for the floor from their phones
    for (const phone of [one, two]) {
      await phone.goto(`/meetings/${meetingId}`);
      await waitUntilLive(phone);
      await phone.locator('[data-testid="floor-panel"]').waitFor();
      await phone.click('[data-testid="floor-ask"]');
      await phone.locator('[data-testid="floor-waiting"]').waitFor();
    }
    await waitForText(two.locator('[data-testid="floor-waiting"]'), 'thứ tự 2');
    const rows = chair.locator('[data-testid="speaker-row"]');
    await waitForText(chair.locator('[data-testid="speakers-queue"]'), nameTwo);
    expect(await rows.count()).toBe(2);

    // the chair moves the second speaker up with the buttons; the phone shows its new place at once
    await rows.nth(1).locator('[data-testid="speaker-up"]').click();
    await waitForText(two.locator('[data-testid="floor-waiting"]'), 'thứ tự 1');
    await waitForText(one.locator('[data-testid="floor-waiting"]'), 'thứ tự 2');
    await waitForText(hall.locator('[data-testid="hall-next"]'), nameTwo);

    // next in one tap: delegate two has the floor
    await chair.click('[data-testid="speakers-next"]');
    await waitForText(hall.locator('[data-testid="hall-speaker-name"]'), nameTwo);
    const hallCountdown = hall.locator('[data-testid="hall-speaker"] [data-testid="countdown"]');
    const phoneCountdown = two.locator('[data-testid="floor-current"] [data-testid="countdown"]');
    const consoleCountdown = chair.locator('[data-testid="speakers-current"] [data-testid="countdown"]');
    await Promise.all([hallCountdown.waitFor(), phoneCountdown.waitFor(), consoleCountdown.waitFor()]);
    await waitForText(two.locator('[data-testid="floor-current"]'), 'Bạn đang phát biểu');
    const [h, p, c] = await Promise.all([remaining(hallCountdown), remaining(phoneCountdown), remaining(consoleCountdown)]);
    // seven minutes for phát biểu, counted from the server's stamp: the three screens agree to the second
    expect(h).toBeLessThanOrEqual(420);
    expect(h).toBeGreaterThan(400);
    expect(Math.abs(h - p)).toBeLessThanOrEqual(1);
    expect(Math.abs(h - c)).toBeLessThanOrEqual(1);
    expect(await hallCountdown.getAttribute('data-tone')).toBe('normal');
    await waitForText(hall.locator('[data-testid="hall-next"]'), nameOne);
    await waitForText(one.locator('[data-testid="floor-waiting"]'), 'thứ tự 1');

    // the chair stops; the record counts the speech for the delegate
    await chair.click('[data-testid="speakers-stop"]');
    await hall.locator('[data-testid="hall-speaker"]').waitFor({ state: 'detached' });
    await chair.locator('[data-testid="speakers-totals"] summary').click();
    await chair.locator('[data-testid="speaker-total"]').first().waitFor();
    const { rows: speeches } = await server.db.query(
      `SELECT s.duration_seconds FROM speeches s JOIN users u ON u.id = s.user_id WHERE u.username = 'daibieu02' AND s.status = 'done'`,
    );
    expect(speeches).toHaveLength(1);
  } catch (e) {
    await Promise.all([screenshotOnFailure(chair, 'speakers-chair'), screenshotOnFailure(hall, 'speakers-hall'), screenshotOnFailure(two, 'speakers-phone')]);
    throw e;
  } finally {
    await Promise.all([chairContext.close(), hallContext.close(), oneContext.close(), twoContext.close()]);
  }
});

it('takes a delegate’s written question to the official through the secretariat, and shows the delegate the written answer', async () => {
  const { server, browser, meetingId } = world;
  const delegateContext = await phoneContext(browser, server.url);
  const secretaryContext = await desktopContext(browser, server.url);
  const officialContext = await phoneContext(browser, server.url);
  const delegate = await logIn(delegateContext, 'daibieu04');
  const secretary = await logIn(secretaryContext, 'thuky1');
  const official = await logIn(officialContext, 'chutichubnd');
  const question = 'Đề nghị Chủ tịch UBND xã cho biết kế hoạch sửa chữa trạm bơm thủy lợi thôn Bắc?';
  try {
    const panel = await startWrittenQuestion(delegate, meetingId, question);
    await panel.locator('[data-testid="question-send"]').click();
    const mine = panel.locator('[data-testid="my-question"]', { hasText: question });
    await waitForText(mine, 'Thường trực đang tổng hợp');

    // the secretariat groups it into an issue for the Chủ tịch UBND xã
    await secretary.goto(`/meetings/${meetingId}/questions`);
    const row = secretary.locator('[data-testid="ungrouped-question"]', { hasText: question });
    await row.locator('[data-testid="question-choose"]').check();
    await secretary.fill('[data-testid="issue-title"]', 'Sửa chữa trạm bơm thủy lợi thôn Bắc');
    await secretary.locator('[data-testid="issue-position"]').selectOption({ label: 'Chủ tịch UBND xã (Đinh Công Minh)' });
    await secretary.click('[data-testid="issue-make"]');
    await secretary.locator('[data-testid="issue"]', { hasText: 'Sửa chữa trạm bơm thủy lợi thôn Bắc' }).waitFor();
    await waitForText(mine, 'Chờ trả lời');

    // the official finds it from their meeting list, and sees only what is addressed to them
    await official.locator('[data-testid="meeting-card-link"]').first().click();
    await official.locator('[data-testid="official-page"]').waitFor();
    const issue = official.locator('[data-testid="official-issue"]', { hasText: 'Sửa chữa trạm bơm thủy lợi thôn Bắc' });
    await waitForText(issue, question);
    await issue.locator('[data-testid="answer-body"]').fill('UBND xã sẽ sửa chữa trạm bơm trong quý III năm 2026 bằng nguồn vốn sự nghiệp thủy lợi.');
    await issue.locator('[data-testid="answer-send"]').click();
    await waitForText(issue, 'Đã trả lời bằng văn bản');

    // the delegate is shown the answer, live
    await waitForText(mine, 'quý III năm 2026');
    await waitForText(mine, 'Đã trả lời bằng văn bản');
    await mine.locator('[data-testid="followup-body"]').waitFor();
    // the meeting's own page is not for the official: it sends them back to theirs
    await official.goto(`/meetings/${meetingId}`);
    await official.locator('[data-testid="official-page"]').waitFor();
    expect(new URL(official.url()).pathname).toBe(`/meetings/${meetingId}/official`);
  } catch (e) {
    await Promise.all([screenshotOnFailure(delegate, 'questions-delegate'), screenshotOnFailure(secretary, 'questions-secretary'), screenshotOnFailure(official, 'questions-official')]);
    throw e;
  } finally {
    await Promise.all([delegateContext.close(), secretaryContext.close(), officialContext.close()]);
  }
});
