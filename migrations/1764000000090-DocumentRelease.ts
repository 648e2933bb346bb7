import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each document has its own state: a draft (staff only) until the secretariat releases it, then read
 * by delegates from its own release time (null: the meeting's). Documents that exist already were
 * shown to delegates with their meeting: they count as released.
 */
export class DocumentRelease1764000000090 implements MigrationInterface {
  name = 'DocumentRelease1764000000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN state text NOT NULL DEFAULT 'released' CHECK (state IN ('draft', 'released'))`);
    await q.query(`ALTER TABLE documents ALTER COLUMN state SET DEFAULT 'draft'`);
    await q.query(`ALTER TABLE documents ADD COLUMN release_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP COLUMN release_at`);
    await q.query(`ALTER TABLE documents DROP COLUMN state`);
  }
}
