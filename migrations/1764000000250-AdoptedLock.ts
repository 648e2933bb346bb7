import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An adopted resolution is locked: once a passed vote adopted a version of a document, no new version
 * of that document is written, whatever writes to it (the documents service refuses it first with
 * DOCUMENT_ADOPTED; this is the database's own guard).
 */
export class AdoptedLock1764000000250 implements MigrationInterface {
  name = 'AdoptedLock1764000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION document_versions_adopted_lock() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM document_versions WHERE document_id = NEW.document_id AND adopted_by_vote_id IS NOT NULL) THEN
          RAISE EXCEPTION 'document % is adopted and locked', NEW.document_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER document_versions_adopted_lock BEFORE INSERT ON document_versions FOR EACH ROW EXECUTE FUNCTION document_versions_adopted_lock()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER document_versions_adopted_lock ON document_versions`);
    await q.query(`DROP FUNCTION document_versions_adopted_lock()`);
  }
}
