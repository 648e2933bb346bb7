import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins, counted per account (whatever identifier was typed) and per address (password
 * spraying across accounts). In the database so that every server process shares one budget.
 */
export class LoginFailures1764000000030 implements MigrationInterface {
  name = 'LoginFailures1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        account_key text NOT NULL,
        address text NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failures_account_idx ON login_failures(account_key, at)`);
    await q.query(`CREATE INDEX login_failures_address_idx ON login_failures(address, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
  }
}
