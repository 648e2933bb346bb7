import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a comment was written, for comments sent late from an offline outbox. */
export class CommentWrittenAt1764000000006 implements MigrationInterface {
  name = 'CommentWrittenAt1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments ADD COLUMN written_at timestamptz`);
    await q.query(`UPDATE comments SET written_at = created_at`);
    await q.query(`ALTER TABLE comments ALTER COLUMN written_at SET NOT NULL, ALTER COLUMN written_at SET DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP COLUMN written_at`);
  }
}
