import { desktopContext, logIn, screenshotOnFailure } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld();

// English words the server's own sentences use; none may reach the Vietnamese screen
const ENGLISH = /\b(the|is|missing|phone|number|appears|twice|file|unknown|role|line)\b/i;

it('shows the import report of a delegate list only in Vietnamese, and in English after switching', async () => {
  const context = await desktopContext(world.browser, world.server.url);
  const page = await logIn(context, 'thuky1');
  try {
    await page.goto(`/meetings/${world.meetingId}/setup/participants`);
    const csv = [
      'Họ và tên,Số điện thoại,Vai trò',
      'Người Mới Một,0912000101,đại biểu',
      ',0912000102,đại biểu',
      'Người Mới Ba,12345,đại biểu',
      'Người Mới Bốn,0912000104,phó chủ tịch',
      'Người Mới Năm,0912000101,đại biểu',
    ].join('\n');
    const choose = async () => {
      await page.setInputFiles('[data-testid="import-file"]', { name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.click('[data-testid="import-submit"]');
    };
    await choose();
    const items = page.locator('[data-testid="import-errors"] li');
    await items.first().waitFor();
    const lines = await items.allTextContents();
    expect(lines).toEqual([
      'Dòng 3: Thiếu họ và tên.',
      'Dòng 4: "12345" không phải số điện thoại (cần 9–15 chữ số).',
      'Dòng 5: Không rõ vai trò "phó chủ tịch" (dùng: đại biểu, chủ tọa, thư ký, khách mời).',
      'Dòng 6: Số điện thoại 0912000101 xuất hiện hai lần trong tệp.',
    ]);
    const report = (await page.locator('[data-testid="import-result"]').textContent()) ?? '';
    expect(report.replace(/"[^"]*"/g, '')).not.toMatch(ENGLISH);

    // a file that cannot be read as a whole: its precise reason, in Vietnamese
    await page.setInputFiles('[data-testid="import-file"]', { name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2') });
    await page.click('[data-testid="import-submit"]');
    await page.locator('[data-testid="import-error"]').getByText('Dòng đầu tiên phải ghi tên các cột').waitFor();

    // the same report in English once the person switches language
    await page.evaluate(() => localStorage.setItem('hopso.language', 'en'));
    await page.reload();
    await choose();
    await page.locator('[data-testid="import-errors"]').getByText('The name is missing.').waitFor();
  } catch (e) {
    await screenshotOnFailure(page, 'server-messages');
    throw e;
  } finally {
    await context.close();
  }
});

it('shows and reads dates as dd/mm/yyyy and 24-hour time on the council\'s clock in an en-US browser elsewhere', async () => {
  const zone = 'America/New_York';
  await world.server.db.query('UPDATE councils SET time_zone = $1', [zone]);
  const context = await world.browser.newContext({ baseURL: world.server.url, viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  const page = await logIn(context, 'thuky1');
  try {
    const { rows } = await world.server.db.query('SELECT starts_at FROM meetings WHERE id = $1', [world.meetingId]);
    const wall = (d: Date) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
      return { day: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}` };
    };
    const start = wall(rows[0].starts_at as Date);

    await page.goto(`/meetings/${world.meetingId}`);
    const facts = page.locator('.meeting-facts').first();
    await facts.getByText(`${start.time} ngày ${start.day}`).waitFor();

    await page.goto(`/meetings/${world.meetingId}/setup`);
    const date = page.locator('[data-testid="meeting-starts-at-date"]');
    const time = page.locator('[data-testid="meeting-starts-at-time"]');
    await date.waitFor();
    expect([await date.inputValue(), await time.inputValue()]).toEqual([start.day, start.time]);
    const form = (await page.locator('[data-testid="meeting-form"]').textContent()) ?? '';
    expect(form).not.toMatch(/\b(AM|PM)\b|Asia\/|America\//);
    expect(form).toContain('UTC-0');

    // typed on the council's clock, stored as that instant
    await date.fill('15/08/2026');
    await time.fill('14:30');
    await page.click('[data-testid="meeting-save"]');
    await page.locator('[data-testid="meeting-form"] .alert-success').waitFor();
    const saved = await world.server.db.query('SELECT starts_at FROM meetings WHERE id = $1', [world.meetingId]);
    expect((saved.rows[0].starts_at as Date).toISOString()).toBe('2026-08-15T18:30:00.000Z');
    // an unreadable time is refused in words, not saved
    await time.fill('2:30 PM');
    await page.click('[data-testid="meeting-save"]');
    await page.locator('[data-testid="meeting-form"] .field-error').first().waitFor();
  } catch (e) {
    await screenshotOnFailure(page, 'dates-en-us');
    throw e;
  } finally {
    await context.close();
    await world.server.db.query('UPDATE councils SET time_zone = $1', ['Asia/Ho_Chi_Minh']);
  }
});
