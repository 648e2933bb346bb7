import { login } from '../../server/test/support/api';
import {
  buildGridTablePdf,
  buildRuledTablePdf,
  GRID_TABLE_AFTER,
  GRID_TABLE_CELLS,
  GRID_TABLE_HEADING,
  GRID_TABLE_ROW_HEIGHTS,
  GRID_TABLE_WIDTHS,
  renderPdf,
  TABLE_AFTER,
  TABLE_HEADING,
  TABLE_ROWS,
  TABLE_WIDTHS,
} from '../../fixtures';
import { DEMO_PASSWORD, logIn, phoneContext, screenshotOnFailure } from './support/browser';
import { demoWorld, waitForDemoIngest } from './support/demo';

const world = demoWorld();

/** Uploads a PDF into the demo meeting as the secretary, waits for its ingest and releases it: its id. */
async function releasedDocument(name: string, data: Buffer): Promise<string> {
  const secretary = await login(world.server, 'thuky1', DEMO_PASSWORD);
  const up = await secretary.upload(world.meetingId, [{ name, data }]);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  const id = up.body.documents[0].id;
  await waitForDemoIngest(world.server);
  const released = await secretary.post(`/documents/${id}/release`, {});
  if (released.status !== 201) throw new Error(`release: ${released.status}`);
  return id;
}

it('shows a table the ingest read as a <table> in the reading view on a 360 px phone, and a table it could not read as the region of its page', async () => {
  const table = await releasedDocument('bang-du-toan-thu.pdf', await buildRuledTablePdf(TABLE_HEADING, TABLE_ROWS, TABLE_AFTER, TABLE_WIDTHS));
  const uneven = await releasedDocument(
    'bang-le-cot.pdf',
    await renderPdf((doc) => {
      doc.fontSize(11).text('Danh sách các thôn', 85, 70, { lineBreak: false });
      doc.text('Thôn Đông', 85, 100, { lineBreak: false }).text('120 hộ', 300, 100, { lineBreak: false });
      doc.text('Thôn Tây', 85, 118, { lineBreak: false }).text('95 hộ', 200, 118, { lineBreak: false }).text('ghi chú', 420, 118, { lineBreak: false });
    }),
  );
  const context = await phoneContext(world.browser, world.server.url);
  const page = await logIn(context, 'daibieu01');
  try {
    expect(page.viewportSize()?.width).toBe(360);
    await page.goto(`/documents/${table}`);
    await page.locator('[data-testid="reading-mode-toggle"]').tap();
    const grid = page.locator('[data-testid="reading-view"] [data-testid="reading-table"] table');
    await grid.waitFor();
    // the cells as the ingest read them, the header row first
    const cells = await grid.locator('tr').evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll('th, td:not(.reading-row-actions)')).map((c) => c.textContent?.trim())));
    expect(cells).toEqual(TABLE_ROWS);
    expect(await grid.locator('tr').first().locator('th').count()).toBe(TABLE_ROWS[0].length);
    // the text before and after it stays reflowed text; the table scrolls on its own, never the page
    expect(await page.locator('[data-testid="reading-paragraph"] p.reading-text').allTextContents()).toEqual([TABLE_HEADING, TABLE_AFTER]);
    expect(await page.locator('[data-testid="reading-view"]').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await page.goto(`/documents/${uneven}`);
    await page.locator('[data-testid="reading-mode-toggle"]').tap();
    const region = page.locator('[data-testid="reading-region"][data-state="drawn"]');
    await region.waitFor();
    expect(await page.locator('[data-testid="reading-table"]').count()).toBe(0);
    // the region of the page was drawn: dark pixels of its text on the white page
    const inked = await region.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 100) dark++;
      return { dark, width: canvas.width, height: canvas.height };
    });
    expect(inked.dark).toBeGreaterThan(100);
    expect(inked.width).toBeGreaterThan(inked.height);
    expect(await region.locator('canvas').getAttribute('aria-label')).toBe('Thôn Đông 120 hộ; Thôn Tây 95 hộ ghi chú');
  } catch (e) {
    await screenshotOnFailure(page, 'reading-tables');
    throw e;
  } finally {
    await context.close();
  }
});

it('shows a ruled table with merged and wrapped cells as one <table>, the merged cells spanning their columns and rows', async () => {
  const id = await releasedDocument('bang-du-toan-chi.pdf', await buildGridTablePdf(GRID_TABLE_HEADING, GRID_TABLE_CELLS, GRID_TABLE_WIDTHS, GRID_TABLE_ROW_HEIGHTS, GRID_TABLE_AFTER));
  const context = await phoneContext(world.browser, world.server.url);
  const page = await logIn(context, 'daibieu01');
  try {
    await page.goto(`/documents/${id}`);
    await page.locator('[data-testid="reading-mode-toggle"]').tap();
    const grid = page.locator('[data-testid="reading-view"] [data-testid="reading-table"] table');
    await grid.waitFor();
    expect(await page.locator('[data-testid="reading-table"]').count()).toBe(1);
    // each row's cells as [tag, text, colspan, rowspan]: the two header rows are header cells
    const cells = await grid.locator('tr').evaluateAll((rows) =>
      rows.map((tr) =>
        Array.from(tr.querySelectorAll('th, td:not(.reading-row-actions)')).map((c) => [c.tagName.toLowerCase(), c.textContent?.trim(), (c as HTMLTableCellElement).colSpan, (c as HTMLTableCellElement).rowSpan]),
      ),
    );
    const wrapped = GRID_TABLE_CELLS.find((c) => c.row === 2 && c.col === 1)!.text;
    expect(cells).toEqual([
      [['th', 'STT', 1, 2], ['th', 'Nội dung chi', 1, 2], ['th', 'Dự toán (triệu đồng)', 2, 1]],
      [['th', 'Năm 2026', 1, 1], ['th', 'Năm 2027', 1, 1]],
      [['td', '1', 1, 1], ['td', wrapped, 1, 1], ['td', '2.150', 1, 1], ['td', '2.340', 1, 1]],
      [['td', '2', 1, 1], ['td', 'Chi quản lý hành chính', 1, 1], ['td', '3.020', 1, 1], ['td', '3.110', 1, 1]],
      [['td', 'Tổng chi', 2, 1], ['td', '5.170', 1, 1], ['td', '5.450', 1, 1]],
    ]);
    // laid out as a grid: "Năm 2026" sits under the merged "Dự toán" cell, right of "Nội dung chi"
    const box = async (text: string) => (await grid.locator('th, td', { hasText: text }).first().boundingBox())!;
    const [content, budget, y2026] = [await box('Nội dung chi'), await box('Dự toán'), await box('Năm 2026')];
    expect(y2026.x).toBeGreaterThanOrEqual(content.x + content.width - 1);
    expect(y2026.y).toBeGreaterThanOrEqual(budget.y + budget.height - 1);
  } catch (e) {
    await screenshotOnFailure(page, 'reading-tables-merged');
    throw e;
  } finally {
    await context.close();
  }
});
