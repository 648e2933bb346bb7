import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offline edits: when an annotation was edited, and conflict copies of concurrent edits. */
export class AnnotationConflicts1764000000007 implements MigrationInterface {
  name = 'AnnotationConflicts1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE annotations ADD COLUMN edited_at timestamptz`);
    await q.query(`UPDATE annotations SET edited_at = updated_at`);
    await q.query(`ALTER TABLE annotations ALTER COLUMN edited_at SET NOT NULL, ALTER COLUMN edited_at SET DEFAULT now()`);
    await q.query(`ALTER TABLE annotations ADD COLUMN conflict_of uuid REFERENCES annotations(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE annotations DROP COLUMN conflict_of`);
    await q.query(`ALTER TABLE annotations DROP COLUMN edited_at`);
  }
}
