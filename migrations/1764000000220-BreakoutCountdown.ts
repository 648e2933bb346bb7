import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Group discussion gets a countdown: the end time the server holds, set by the chair while the groups meet. */
export class BreakoutCountdown1764000000220 implements MigrationInterface {
  name = 'BreakoutCountdown1764000000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE breakouts ADD COLUMN ends_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE breakouts DROP COLUMN ends_at');
  }
}
