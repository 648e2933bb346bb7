import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A council's own time zone: every date it prints or shows is in it, never in the server's. */
export class CouncilTimeZone1764000000075 implements MigrationInterface {
  name = 'CouncilTimeZone1764000000075';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE councils ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE councils DROP COLUMN time_zone`);
  }
}
