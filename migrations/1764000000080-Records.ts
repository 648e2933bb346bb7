import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents of record: minutes (biên bản) per sitting and for the whole session, with every version kept
 * and the final one locked; the document version a passed vote adopted, marked with that vote when it closes.
 */
export class Records1764000000080 implements MigrationInterface {
  name = 'Records1764000000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sitting_id uuid REFERENCES sittings(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'final')),
        version int NOT NULL DEFAULT 1,
        content jsonb NOT NULL,
        -- the generated facts, once the secretariat freezes them (null: assembled afresh on every read)
        frozen_facts jsonb,
        return_note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finalized_at timestamptz,
        CHECK (status <> 'final' OR (frozen_facts IS NOT NULL AND finalized_at IS NOT NULL))
      )`);
    // one minutes per sitting, one for the whole session
    await q.query(`CREATE UNIQUE INDEX minutes_sitting_idx ON minutes(meeting_id, sitting_id) WHERE sitting_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX minutes_session_idx ON minutes(meeting_id) WHERE sitting_id IS NULL`);
    await q.query(`
      CREATE TABLE minutes_versions (
        minutes_id uuid NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
        version int NOT NULL,
        status text NOT NULL,
        content jsonb NOT NULL,
        frozen_facts jsonb,
        note text NOT NULL DEFAULT '',
        by_user uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (minutes_id, version)
      )`);
    // a final minutes is never changed again, whatever writes to it
    await q.query(`
      CREATE FUNCTION minutes_final_immutable() RETURNS trigger AS $$
      BEGIN
        IF OLD.status = 'final' THEN RAISE EXCEPTION 'minutes % is final', OLD.id USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER minutes_final_immutable BEFORE UPDATE ON minutes FOR EACH ROW EXECUTE FUNCTION minutes_final_immutable()`);

    await q.query(`ALTER TABLE document_versions ADD COLUMN adopted_by_vote_id uuid REFERENCES votes(id) ON DELETE SET NULL, ADD COLUMN adopted_at timestamptz`);
    // the vote closes and passes in the votes domain's own transaction: the adoption is written with it
    await q.query(`
      CREATE FUNCTION votes_mark_adopted() RETURNS trigger AS $$
      BEGIN
        -- the result is written after the status (or with it, for a show of hands): when it first appears
        IF NEW.status = 'closed' AND NEW.result IS NOT NULL AND (OLD.result IS NULL OR OLD.status <> 'closed')
           AND NEW.version_id IS NOT NULL AND NEW.paragraph_id IS NULL
           AND (NEW.result ->> 'passed')::boolean IS TRUE THEN
          UPDATE document_versions SET adopted_by_vote_id = NEW.id, adopted_at = NEW.closed_at
           WHERE id = NEW.version_id AND adopted_by_vote_id IS NULL;
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER votes_mark_adopted AFTER UPDATE OF status, result ON votes FOR EACH ROW EXECUTE FUNCTION votes_mark_adopted()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER votes_mark_adopted ON votes`);
    await q.query(`DROP FUNCTION votes_mark_adopted()`);
    await q.query(`ALTER TABLE document_versions DROP COLUMN adopted_at, DROP COLUMN adopted_by_vote_id`);
    await q.query(`DROP TRIGGER minutes_final_immutable ON minutes`);
    await q.query(`DROP FUNCTION minutes_final_immutable()`);
    await q.query(`DROP TABLE minutes_versions`);
    await q.query(`DROP TABLE minutes`);
  }
}
