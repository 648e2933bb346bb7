import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells a viewer copy that could not be made (the original is served) from one a crash
 * interrupted: a ready version with no copy and no failure is made again at the next start.
 */
export class ViewerCopyFailed1764000000060 implements MigrationInterface {
  name = 'ViewerCopyFailed1764000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions ADD COLUMN web_copy_failed boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions DROP COLUMN web_copy_failed`);
  }
}
