import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingest that keeps what can be read: the pages of a version pdf.js could not read (kept out of its
 * paragraphs, shown as unreadable in the viewer), and whether the file carries owner-password
 * restrictions (printing, copying) that do not apply to reading it here.
 */
export class ReadablePages1764000000230 implements MigrationInterface {
  name = 'ReadablePages1764000000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions ADD COLUMN damaged_pages jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE document_versions ADD COLUMN restricted boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE document_versions DROP COLUMN restricted');
    await q.query('ALTER TABLE document_versions DROP COLUMN damaged_pages');
  }
}
