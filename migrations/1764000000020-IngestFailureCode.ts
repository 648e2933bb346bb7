import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an ingest failed, as a stable error code the client shows in the reader's language. */
export class IngestFailureCode1764000000020 implements MigrationInterface {
  name = 'IngestFailureCode1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions ADD COLUMN failure_code text`);
    await q.query(`UPDATE document_versions SET failure_code = 'INGEST_FAILED' WHERE status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions DROP COLUMN failure_code`);
  }
}
