import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A copy of each version rewritten for the viewer (page objects packed into object
 * streams), so pdf.js finds page 1 of a 400-page file without fetching every page
 * object spread through the original. The original stays for download.
 */
export class WebOptimizedFiles1764000000003 implements MigrationInterface {
  name = 'WebOptimizedFiles1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions ADD COLUMN web_file_key text, ADD COLUMN web_size_bytes bigint, ADD COLUMN web_sha256 text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions DROP COLUMN web_file_key, DROP COLUMN web_size_bytes, DROP COLUMN web_sha256`);
  }
}
