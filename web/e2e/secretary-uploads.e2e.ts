import { buildDraftResolutionPdf, encryptedPdf } from '../../fixtures';
import { desktopContext, screenshotOnFailure, waitForText } from './support/browser';
import { demoWorld } from './support/demo';

const world = demoWorld({ waitForIngest: false });

it('lets a secretary upload PDFs, watch them get ready, and read why a file was refused', async () => {
  const { rows } = await world.server.db.query('SELECT id FROM meetings LIMIT 1');
  const meetingId: string = rows[0].id;
  const context = await desktopContext(world.browser, world.server.url);
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await page.fill('input[name="login"]', 'thuky1');
    await page.fill('input[name="password"]', 'hopso2026');
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="meeting-card"]').first().waitFor();

    await page.goto(`/meetings/${meetingId}/setup/documents`);
    await page.locator('[data-testid="upload-panel"]').waitFor();
    const good = await buildDraftResolutionPdf({
      title: 'Nghị quyết về chương trình giám sát năm 2027',
      councilName: 'Hội đồng nhân dân xã Yên Hòa',
      articles: [{ heading: 'Điều 1. Thông qua chương trình giám sát', clauses: ['Giám sát việc thu, chi ngân sách xã năm 2027.'] }],
    });
    await page.setInputFiles('[data-testid="upload-input"]', [
      { name: 'nghi-quyet-giam-sat.pdf', mimeType: 'application/pdf', buffer: good },
      { name: 'co-mat-khau.pdf', mimeType: 'application/pdf', buffer: await encryptedPdf() },
    ]);
    // the title is asked for, suggested from the PDF (its title or first heading), not its file name
    const titleInput = page.locator('[data-testid="upload-title-input"][data-file-name="nghi-quyet-giam-sat.pdf"][data-reading="false"]');
    await titleInput.waitFor();
    const suggested = await titleInput.inputValue();
    expect(suggested.toLowerCase()).toContain('giám sát');
    await page.locator('[data-testid="upload-title-input"][data-file-name="co-mat-khau.pdf"][data-reading="false"]').waitFor();
    await page.click('[data-testid="upload-start"]');

    const ready = page.locator('[data-testid="upload-row"][data-file-name="nghi-quyet-giam-sat.pdf"][data-status="ready"]');
    await ready.waitFor({ timeout: 60_000 });
    const refused = page.locator('[data-testid="upload-row"][data-file-name="co-mat-khau.pdf"][data-status="rejected"]');
    await refused.waitFor({ timeout: 30_000 });
    await waitForText(refused.locator('[data-testid="upload-row-error"]'), 'mật khẩu');

    const stored = await world.server.db.query("SELECT d.title, v.status FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE v.file_name = 'nghi-quyet-giam-sat.pdf'");
    expect(stored.rows).toEqual([{ title: suggested, status: 'ready' }]);
    // the progress was scrolled into view
    expect(await page.locator('[data-testid="upload-rows"]').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; })).toBe(true);
    expect((await world.server.db.query("SELECT count(*)::int AS n FROM document_versions WHERE file_name = 'co-mat-khau.pdf'")).rows[0].n).toBe(0);
  } catch (e) {
    await screenshotOnFailure(page, 'secretary-uploads');
    throw e;
  } finally {
    await context.close();
  }
});
