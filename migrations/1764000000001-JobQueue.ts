import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/**
 * The background job queue (pg-boss) keeps its tables in its own schema. Creating
 * them here keeps every schema change in migrations; the app starts pg-boss with
 * `migrate: false`, so a pg-boss upgrade needs a migration of its own.
 */
export class JobQueue1764000000001 implements MigrationInterface {
  name = 'JobQueue1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(PgBoss.getConstructionPlans('pgboss'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA pgboss CASCADE');
  }
}
