import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Short one-time codes that open a hall display link on a TV (typed on /tv): only the code's hash is
 * kept; redeeming it creates the display link. Wrong codes are counted per address for the rate limit.
 */
export class TvCodes1764000000221 implements MigrationInterface {
  name = 'TvCodes1764000000221';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tv_codes (
        code_hash text PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        label text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE tv_code_failures (
        address text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX tv_code_failures_address_at ON tv_code_failures (address, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tv_code_failures');
    await q.query('DROP TABLE tv_codes');
  }
}
