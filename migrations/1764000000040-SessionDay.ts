import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The session day: council seats and rules, voting rights, sittings with attendance, votes.
 * Secret ballots live in two tables that share nothing but the vote: who voted (no choice,
 * no time) and per-choice counters (no voter, no row per ballot). See server/src/votes/secret-ballots.ts.
 */
export class SessionDay1764000000040 implements MigrationInterface {
  name = 'SessionDay1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE councils ADD COLUMN seats int CHECK (seats > 0)`);
    await q.query(`ALTER TABLE councils ADD COLUMN quorum_rule text NOT NULL DEFAULT 'two_thirds_of_seats' CHECK (quorum_rule IN ('two_thirds_of_seats', 'majority_of_seats'))`);
    await q.query(`ALTER TABLE councils ADD COLUMN default_pass_rule text NOT NULL DEFAULT 'majority_of_seats'
      CHECK (default_pass_rule IN ('majority_of_seats', 'two_thirds_of_seats', 'majority_of_present', 'majority_of_cast'))`);
    // null: the role's default (chair and delegates vote)
    await q.query(`ALTER TABLE meeting_participants ADD COLUMN voting_right boolean`);
    await q.query(`
      CREATE TABLE sittings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
        checkin_code text NOT NULL,
        opened_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sittings_meeting_idx ON sittings(meeting_id, position)`);
    await q.query(`CREATE UNIQUE INDEX sittings_one_open_idx ON sittings(meeting_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE attendance (
        sitting_id uuid NOT NULL REFERENCES sittings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('hall', 'online', 'absent')),
        excused boolean NOT NULL DEFAULT false,
        reason text NOT NULL DEFAULT '',
        source text NOT NULL CHECK (source IN ('self', 'secretariat')),
        marked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sitting_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sitting_id uuid REFERENCES sittings(id) ON DELETE SET NULL,
        agenda_item_id uuid REFERENCES agenda_items(id) ON DELETE SET NULL,
        document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        version_id uuid REFERENCES document_versions(id) ON DELETE SET NULL,
        paragraph_id uuid REFERENCES paragraphs(id) ON DELETE SET NULL,
        section_label text NOT NULL DEFAULT '',
        question text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('named', 'secret', 'show_of_hands')),
        pass_rule text NOT NULL CHECK (pass_rule IN ('majority_of_seats', 'two_thirds_of_seats', 'majority_of_present', 'majority_of_cast')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        duration_seconds int,
        seats int,
        opened_at timestamptz,
        closes_at timestamptz,
        closed_at timestamptz,
        result jsonb,
        repeat_of uuid REFERENCES votes(id) ON DELETE SET NULL,
        superseded_by uuid REFERENCES votes(id) ON DELETE SET NULL,
        on_hall boolean NOT NULL DEFAULT false,
        records_published boolean NOT NULL DEFAULT false,
        position int NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX votes_meeting_idx ON votes(meeting_id, position)`);
    // a closed vote never changes once its result is written: only what is shown where, and the link to its repeat
    await q.query(`
      CREATE FUNCTION votes_closed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'closed' AND OLD.result IS NOT NULL AND (NEW.status, NEW.result, NEW.question, NEW.kind, NEW.pass_rule, NEW.seats, NEW.closed_at)
             IS DISTINCT FROM (OLD.status, OLD.result, OLD.question, OLD.kind, OLD.pass_rule, OLD.seats, OLD.closed_at) THEN
          RAISE EXCEPTION 'a closed vote cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER votes_closed_immutable BEFORE UPDATE ON votes FOR EACH ROW EXECUTE FUNCTION votes_closed_immutable()`);
    await q.query(`
      CREATE TABLE named_ballots (
        vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
        client_ids uuid[] NOT NULL,
        cast_at timestamptz NOT NULL DEFAULT now(),
        changed_at timestamptz,
        PRIMARY KEY (vote_id, voter_id)
      )`);
    // who has voted in a secret vote: no choice, no time
    await q.query(`
      CREATE TABLE secret_ballot_voters (
        vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        voter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id uuid,
        PRIMARY KEY (vote_id, voter_id)
      )`);
    // what was chosen: counters only, no voter, no row per ballot
    await q.query(`
      CREATE TABLE secret_ballot_tallies (
        vote_id uuid NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
        count int NOT NULL DEFAULT 0,
        PRIMARY KEY (vote_id, choice)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE secret_ballot_tallies`);
    await q.query(`DROP TABLE secret_ballot_voters`);
    await q.query(`DROP TABLE named_ballots`);
    await q.query(`DROP TABLE votes`);
    await q.query(`DROP FUNCTION votes_closed_immutable()`);
    await q.query(`DROP TABLE attendance`);
    await q.query(`DROP TABLE sittings`);
    await q.query(`ALTER TABLE meeting_participants DROP COLUMN voting_right`);
    await q.query(`ALTER TABLE councils DROP COLUMN default_pass_rule`);
    await q.query(`ALTER TABLE councils DROP COLUMN quorum_rule`);
    await q.query(`ALTER TABLE councils DROP COLUMN seats`);
  }
}
