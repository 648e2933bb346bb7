import fs from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { pdfText } from '../../server/test/support/read-back';
import { startServer, type TestServer } from '../../server/test/support/server';
import { desktopContext, launchBrowser, logIn, phoneContext, screenshotOnFailure } from './support/browser';

let server: TestServer;
let browser: Browser;
let meetingId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seedDemo: true }), launchBrowser()]);
  meetingId = (await server.db.query('SELECT id FROM meetings LIMIT 1')).rows[0].id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SUMMARY = 'Đại biểu thống nhất thông qua chương trình kỳ họp.';

async function download(page: Page, selector: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(selector)]);
  const path = await (file as Download).path();
  return { name: (file as Download).suggestedFilename(), body: fs.readFileSync(path) };
}

it('lets the secretary draft the meeting report and the minutes, the chair approve them, and the final PDF download', async () => {
  const secretaryContext = await desktopContext(browser, server.url);
  const chairContext = await phoneContext(browser, server.url);
  const secretary = await logIn(secretaryContext, 'thuky1');
  const chair = await logIn(chairContext, 'chutoa');
  try {
    await secretary.goto(`/meetings/${meetingId}`);
    await secretary.click('[data-testid="meeting-records-link"]');
    await secretary.locator('[data-testid="records-reports"]').waitFor();

    // the meeting-wide synthesis report, as a Word document
    const report = await download(secretary, '[data-testid="records-synthesis-docx"]');
    expect(report.name).toMatch(/^Báo cáo tổng hợp ý kiến.*\.docx$/);
    expect(report.body.subarray(0, 2).toString()).toBe('PK');

    // the minutes draft of the session, with a summary written for the first agenda item
    await secretary.click('[data-testid="minutes-new-session"]');
    await secretary.locator('[data-testid="minutes-editor"][data-status="draft"]').waitFor();
    await secretary.locator('[data-testid="minutes-summary"]').first().fill(SUMMARY);
    await secretary.click('[data-testid="minutes-save"]');
    await secretary.locator('[data-testid="minutes-editor"]', { hasText: 'Phiên bản 2' }).waitFor();
    await secretary.click('[data-testid="minutes-submit"]');
    await secretary.locator('[data-testid="minutes-editor"][data-status="submitted"]').waitFor();

    // the chair, on a phone, approves
    await chair.goto(`/meetings/${meetingId}/records`);
    await chair.locator('[data-testid="minutes-row"]').first().waitFor();
    await chair.click('[data-testid="minutes-open"]');
    await chair.locator('[data-testid="minutes-editor"][data-status="submitted"]').waitFor();
    expect(await chair.locator('[data-testid="minutes-summary"]').first().inputValue()).toBe(SUMMARY);
    await chair.click('[data-testid="minutes-approve"]');
    await chair.locator('[data-testid="minutes-editor"][data-status="final"]').waitFor();

    // the final PDF downloads and reads back with the summary and the approval
    const pdf = await download(chair, '[data-testid="minutes-file-pdf"]');
    expect(pdf.name).toMatch(/^Biên bản .*\.pdf$/);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(SUMMARY);
    expect(text).toContain('Biên bản đã được chủ tọa thông qua.');
  } catch (e) {
    await screenshotOnFailure(secretary, 'records-secretary');
    await screenshotOnFailure(chair, 'records-chair');
    throw e;
  } finally {
    await secretaryContext.close();
    await chairContext.close();
  }
});
