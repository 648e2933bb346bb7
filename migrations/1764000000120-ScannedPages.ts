import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scanned pages (page images without text) and what OCR made of them: how many there are, how
 * many are recognised so far, the outcome, and the file with the added text layer that the
 * viewer serves (the upload itself stays the download).
 */
export class ScannedPages1764000000120 implements MigrationInterface {
  name = 'ScannedPages1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions
      ADD COLUMN scanned_pages int NOT NULL DEFAULT 0,
      ADD COLUMN ocr_pages_done int NOT NULL DEFAULT 0,
      ADD COLUMN ocr_state text NULL CHECK (ocr_state IN ('recognising', 'recognised', 'unrecognised')),
      ADD COLUMN ocr_code text NULL,
      ADD COLUMN ocr_file_key text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions
      DROP COLUMN ocr_file_key, DROP COLUMN ocr_code, DROP COLUMN ocr_state, DROP COLUMN ocr_pages_done, DROP COLUMN scanned_pages`);
  }
}
