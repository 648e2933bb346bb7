import type { Page } from 'playwright-core';
import { desktopContext, logIn, phoneContext, screenshotOnFailure, waitForText, waitUntilLive } from './support/browser';
import { demoWorld } from './support/demo';
import { startWrittenQuestion } from './support/questions';

/**
 * The session day's remaining screens: the council's rules (administrator), the meeting's speaking
 * times against the council's, draft votes edited and deleted, a ballot over the live socket, and a
 * written question that points at a paragraph, on a 360 px phone.
 */
const world = demoWorld();
const rows = async (sql: string, params: unknown[] = []) => (await world.server.db.query(sql, params)).rows;
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

it('lets the administrator set the council’s seats, rules and default speaking times, and the chair use them or the meeting’s own', async () => {
  const { server, browser, meetingId } = world;
  const adminContext = await desktopContext(browser, server.url);
  const chairContext = await desktopContext(browser, server.url);
  const admin = await logIn(adminContext, 'admin');
  const chair = await logIn(chairContext, 'chutoa');
  const [{ council_id: councilId }] = await rows('SELECT council_id FROM meetings WHERE id = $1', [meetingId]);
  try {
    await admin.goto('/admin/councils');
    const card = admin.locator(`[data-testid="council-row"][data-council-id="${councilId}"]`);
    await card.locator('[data-testid="council-rules-open"]').click();
    const form = card.locator('[data-testid="council-rules"]');
    await form.waitFor();
    // the demo council has its 23 seats set
    await waitForText(form.locator('[data-testid="council-seats-line"]'), 'Tổng số đại biểu: 23.');
    expect(await form.locator('[data-testid="council-seats"]').inputValue()).toBe('23');
    const before = await rows('SELECT seats, quorum_rule, speaking_times FROM councils WHERE id = $1', [councilId]);

    // a bad number is refused on the form, in Vietnamese, and nothing is saved
    await form.locator('[data-testid="council-seats"]').fill('hai mươi');
    await form.locator('[data-testid="council-time-contribution"]').fill('0');
    await form.locator('[data-testid="council-rules-save"]').click();
    await form.locator('.field-invalid [data-testid="council-time-contribution"]').waitFor();
    await waitForText(form, 'Nhập số phút từ 0,5 đến 60');
    expect(await form.locator('.field-invalid [data-testid="council-seats"]').count()).toBe(1);
    expect(await rows('SELECT seats, quorum_rule, speaking_times FROM councils WHERE id = $1', [councilId])).toEqual(before);

    await form.locator('[data-testid="council-seats"]').fill('25');
    await form.locator('[data-testid="council-quorum-rule"]').selectOption('majority_of_seats');
    await form.locator('[data-testid="council-pass-rule"]').selectOption('two_thirds_of_seats');
    await form.locator('[data-testid="council-time-contribution"]').fill('5');
    await form.locator('[data-testid="council-time-reply"]').fill('2,5');
    await form.locator('[data-testid="council-rules-save"]').click();
    await form.locator('[data-testid="council-rules-saved"]').waitFor();
    await waitForText(form.locator('[data-testid="council-seats-line"]'), 'Tổng số đại biểu: 25.');
    const [saved] = await rows('SELECT seats, quorum_rule, default_pass_rule, speaking_times FROM councils WHERE id = $1', [councilId]);
    expect(saved).toMatchObject({ seats: 25, quorum_rule: 'majority_of_seats', default_pass_rule: 'two_thirds_of_seats', speaking_times: { contribution: 300, reply: 150 } });

    // the chair's console: the meeting follows the council until it sets its own, and goes back in one tap
    await chair.goto(`/meetings/${meetingId}/console`);
    await waitUntilLive(chair);
    await chair.locator('.speakers-times summary').click();
    const times = chair.locator('[data-testid="speaking-times-form"]');
    await times.locator('[data-testid="speaking-times-source"][data-source="council"]').waitFor();
    expect(await times.locator('[data-testid="speaking-time-contribution"]').inputValue()).toBe('5');
    expect(await times.locator('[data-testid="speaking-time-reply"]').inputValue()).toBe('2,5');
    await times.locator('[data-testid="speaking-time-contribution"]').fill('6');
    await times.locator('button[type="submit"]').click();
    await times.locator('[data-testid="speaking-times-source"][data-source="meeting"]').waitFor();
    expect((await rows('SELECT speaking_times FROM meetings WHERE id = $1', [meetingId]))[0].speaking_times).toMatchObject({ contribution: 360 });
    await times.locator('[data-testid="speaking-times-reset"]').click();
    await times.locator('[data-testid="speaking-times-source"][data-source="council"]').waitFor();
    expect(await times.locator('[data-testid="speaking-time-contribution"]').inputValue()).toBe('5');
    expect((await rows('SELECT speaking_times FROM meetings WHERE id = $1', [meetingId]))[0].speaking_times).toBeNull();
  } catch (e) {
    await Promise.all([screenshotOnFailure(admin, 'floor-admin'), screenshotOnFailure(chair, 'floor-chair-times')]);
    throw e;
  } finally {
    await adminContext.close();
    await chairContext.close();
  }
});

it('lets the chair edit and delete draft votes, and a delegate’s ballot go over the live socket', async () => {
  const { server, browser, meetingId } = world;
  const chairContext = await desktopContext(browser, server.url);
  const phone = await phoneContext(browser, server.url);
  const chair = await logIn(chairContext, 'chutoa');
  const delegate = await logIn(phone, 'daibieu06');
  const restBallots: string[] = [];
  delegate.on('request', (r) => {
    if (r.url().includes('/ballots')) restBallots.push(r.url());
  });
  try {
    await chair.goto(`/meetings/${meetingId}/console`);
    await waitUntilLive(chair);
    if (await chair.locator('[data-testid="sitting-open"]').count()) await chair.click('[data-testid="sitting-open"]');
    await delegate.goto(`/meetings/${meetingId}`);
    await waitUntilLive(delegate);
    await delegate.click('[data-testid="checkin-online"]');
    await delegate.locator('[data-testid="checkin-card"][data-status="online"]').waitFor({ timeout: 15_000 });

    const panel = chair.locator('[data-testid="vote-panel"]');
    for (const q of ['Biểu quyết thông qua chương trình kỳ họp', 'Bản nháp tạo nhầm']) {
      await panel.locator('[data-testid="vote-question"]').fill(q);
      await panel.locator('[data-testid="vote-create"]').click();
      await panel.locator('[data-testid="console-vote"][data-status="draft"]', { hasText: q }).waitFor({ timeout: 15_000 });
    }
    // edit the first: a bad question is refused in the form, a good one saved
    const first = panel.locator('[data-testid="console-vote"]', { hasText: 'Biểu quyết thông qua chương trình kỳ họp' });
    await first.locator('[data-testid="vote-edit"]').click();
    const editor = panel.locator('[data-testid="vote-draft-editor"]');
    await editor.locator('[data-testid="vote-edit-question"]').fill('x');
    await editor.locator('[data-testid="vote-edit-save"]').click();
    await editor.locator('.field-invalid [data-testid="vote-edit-question"]').waitFor();
    await editor.locator('[data-testid="vote-edit-question"]').fill('Biểu quyết thông qua chương trình kỳ họp (đã sửa)');
    await editor.locator('[data-testid="vote-edit-rule"]').selectOption('majority_of_present');
    await editor.locator('[data-testid="vote-edit-save"]').click();
    const edited = panel.locator('[data-testid="console-vote"][data-status="draft"]', { hasText: '(đã sửa)' });
    await waitForText(edited, 'Quá nửa số đại biểu có mặt');
    const [stored] = await rows(`SELECT id, pass_rule FROM votes WHERE meeting_id = $1 AND question = 'Biểu quyết thông qua chương trình kỳ họp (đã sửa)'`, [meetingId]);
    expect(stored.pass_rule).toBe('majority_of_present');

    // delete the second, after a confirmation
    const wrong = panel.locator('[data-testid="console-vote"]', { hasText: 'Bản nháp tạo nhầm' });
    await wrong.locator('[data-testid="vote-delete"]').click();
    await wrong.locator('[data-testid="vote-delete-confirm"]').click();
    await wrong.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await rows(`SELECT 1 FROM votes WHERE meeting_id = $1 AND question = 'Bản nháp tạo nhầm'`, [meetingId])).toHaveLength(0);

    // open it: the delegate's phone votes on the socket it already holds
    await edited.locator('[data-testid="vote-open"]').click();
    await delegate.locator('[data-testid="vote-screen"][data-status="open"]').waitFor({ timeout: 15_000 });
    await waitForText(delegate.locator('[data-testid="vote-screen"]'), '(đã sửa)');
    await delegate.click('[data-testid="vote-choice-yes"]');
    await delegate.click('[data-testid="vote-confirm"]');
    await delegate.locator('[data-testid="vote-counted"]').waitFor({ timeout: 15_000 });
    expect(await overflowX(delegate)).toBe(0);
    expect(restBallots).toEqual([]);
    const [{ user_id: delegateId }] = await rows(`SELECT id AS user_id FROM users WHERE username = 'daibieu06'`);
    expect(await rows('SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [stored.id, delegateId])).toEqual([{ choice: 'yes' }]);
    await chair.locator('[data-testid="console-ballots"][data-count="1"]').waitFor({ timeout: 15_000 });
    await chair.click('[data-testid="vote-close"]');
    await chair.locator('[data-testid="console-vote"][data-status="closed"]').first().waitFor({ timeout: 15_000 });
  } catch (e) {
    await Promise.all([screenshotOnFailure(chair, 'floor-chair-votes'), screenshotOnFailure(delegate, 'floor-delegate-vote')]);
    throw e;
  } finally {
    await chairContext.close();
    await phone.close();
  }
});

it('lets a delegate point a written question at a paragraph from a 360 px phone, and the secretariat and the delegate open it', async () => {
  const { server, browser, meetingId } = world;
  const phone = await phoneContext(browser, server.url);
  const secretaryContext = await desktopContext(browser, server.url);
  const delegate = await logIn(phone, 'daibieu07');
  const secretary = await logIn(secretaryContext, 'thuky1');
  const question = 'Đề nghị Chủ tịch UBND xã giải trình nguồn vốn cho công trình nêu trong dự thảo nghị quyết?';
  try {
    const panel = await startWrittenQuestion(delegate, meetingId, question);
    await panel.locator('[data-testid="question-ref-document"]').selectOption({ label: 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027' });
    const paragraph = panel.locator('[data-testid="question-ref-paragraph"]');
    await paragraph.locator('option:nth-child(3)').waitFor({ state: 'attached' });
    const chosen = await paragraph.locator('option:nth-child(3)').getAttribute('value');
    await paragraph.selectOption(chosen!);
    await panel.locator('[data-testid="question-ref-add"]').click();
    await panel.locator('[data-testid="question-ref-chip"]').waitFor();
    // the same reference twice is kept once
    await paragraph.selectOption(chosen!);
    await panel.locator('[data-testid="question-ref-add"]').click();
    expect(await panel.locator('[data-testid="question-ref-chip"]').count()).toBe(1);
    expect(await overflowX(delegate)).toBe(0);
    await panel.locator('[data-testid="question-send"]').click();
    const mine = panel.locator('[data-testid="my-question"]', { hasText: question });
    await mine.locator('[data-testid="question-ref-link"]').waitFor({ timeout: 15_000 });
    expect(await panel.locator('[data-testid="question-ref-chip"]').count()).toBe(0);
    const [stored] = await rows('SELECT refs FROM questions WHERE body = $1', [question]);
    expect(stored.refs).toEqual([expect.objectContaining({ paragraphId: chosen, documentTitle: 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027' })]);

    // the secretariat sees where it points; the link opens the document at that paragraph
    await secretary.goto(`/meetings/${meetingId}/questions`);
    const row = secretary.locator('[data-testid="ungrouped-question"]', { hasText: question });
    await waitForText(row.locator('[data-testid="question-ref-link"]'), 'Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027, đoạn');
    await mine.locator('[data-testid="question-ref-link"]').click();
    await delegate.waitForURL((url) => url.pathname.startsWith('/documents/') && url.searchParams.get('paragraph') === chosen, { timeout: 15_000 });
  } catch (e) {
    await Promise.all([screenshotOnFailure(delegate, 'floor-delegate-question'), screenshotOnFailure(secretary, 'floor-secretary-question')]);
    throw e;
  } finally {
    await phone.close();
    await secretaryContext.close();
  }
});
