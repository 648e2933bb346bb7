import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A speech paused by the chair (an interruption in the hall): the time paused is not counted. */
export class SpeechPause1764000000051 implements MigrationInterface {
  name = 'SpeechPause1764000000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE speeches ADD COLUMN paused_at timestamptz`);
    await q.query(`ALTER TABLE speeches ADD COLUMN paused_seconds int NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE speeches DROP COLUMN paused_seconds`);
    await q.query(`ALTER TABLE speeches DROP COLUMN paused_at`);
  }
}
