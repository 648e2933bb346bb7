import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speakers lists with server-stamped timers, and chất vấn (written questions, issues, answers, follow-ups).
 * Adds the per-meeting role `official` (người trả lời chất vấn).
 */
export class SpeakersQuestions1764000000050 implements MigrationInterface {
  name = 'SpeakersQuestions1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_participants DROP CONSTRAINT meeting_participants_role_check`);
    await q.query(
      `ALTER TABLE meeting_participants ADD CONSTRAINT meeting_participants_role_check CHECK (role IN ('chair', 'secretary', 'delegate', 'observer', 'official'))`,
    );
    // speaking times in seconds per type: the council's defaults, and a meeting's own
    await q.query(`ALTER TABLE councils ADD COLUMN speaking_times jsonb`);
    await q.query(`ALTER TABLE meetings ADD COLUMN speaking_times jsonb`);

    await q.query(`
      CREATE TABLE speaker_lists (
        agenda_item_id uuid PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        version int NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE speeches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES speaker_lists(agenda_item_id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id uuid,
        type text NOT NULL CHECK (type IN ('contribution', 'reply', 'procedural', 'question', 'followup', 'answer')),
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'speaking', 'done', 'withdrawn')),
        position double precision NOT NULL,
        reply_to_speech_id uuid REFERENCES speeches(id) ON DELETE SET NULL,
        anchor_document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        anchor_paragraph_id uuid REFERENCES paragraphs(id) ON DELETE SET NULL,
        question_issue_id uuid,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        allotted_seconds int NOT NULL CHECK (allotted_seconds > 0),
        extra_seconds int NOT NULL DEFAULT 0 CHECK (extra_seconds >= 0),
        started_at timestamptz,
        ended_at timestamptz,
        duration_seconds int,
        overrun_seconds int,
        UNIQUE (user_id, client_id)
      )`);
    await q.query(`CREATE INDEX speeches_item_idx ON speeches(agenda_item_id, status, position)`);
    // one speaker at a time in a meeting, and one waiting request per person per item
    await q.query(`CREATE UNIQUE INDEX speeches_one_speaking ON speeches(meeting_id) WHERE status = 'speaking'`);
    await q.query(`CREATE UNIQUE INDEX speeches_one_waiting ON speeches(agenda_item_id, user_id) WHERE status = 'waiting'`);

    await q.query(`
      CREATE TABLE question_settings (
        meeting_id uuid PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        submit_deadline timestamptz,
        answer_days int NOT NULL DEFAULT 20 CHECK (answer_days BETWEEN 1 AND 365)
      )`);
    await q.query(`
      CREATE TABLE official_positions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        title text NOT NULL,
        official_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, title)
      )`);
    await q.query(`
      CREATE TABLE question_issues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        title text NOT NULL,
        position_id uuid NOT NULL REFERENCES official_positions(id),
        selected_for_hall boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_hall', 'answered_in_hall', 'answered_in_writing')),
        commitment text,
        answer_due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX question_issues_meeting_idx ON question_issues(meeting_id)`);
    // one issue open in the hall at a time per meeting
    await q.query(`CREATE UNIQUE INDEX question_issues_one_in_hall ON question_issues(meeting_id) WHERE status = 'in_hall'`);
    await q.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        position_id uuid NOT NULL REFERENCES official_positions(id),
        body text NOT NULL,
        refs jsonb NOT NULL DEFAULT '[]',
        issue_id uuid REFERENCES question_issues(id) ON DELETE SET NULL,
        merged_into_id uuid REFERENCES questions(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`CREATE INDEX questions_meeting_idx ON questions(meeting_id)`);
    await q.query(`
      CREATE TABLE question_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issue_id uuid NOT NULL REFERENCES question_issues(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('answer', 'followup')),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`CREATE INDEX question_messages_issue_idx ON question_messages(issue_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE question_messages`);
    await q.query(`DROP TABLE questions`);
    await q.query(`DROP TABLE question_issues`);
    await q.query(`DROP TABLE official_positions`);
    await q.query(`DROP TABLE question_settings`);
    await q.query(`DROP TABLE speeches`);
    await q.query(`DROP TABLE speaker_lists`);
    await q.query(`ALTER TABLE meetings DROP COLUMN speaking_times`);
    await q.query(`ALTER TABLE councils DROP COLUMN speaking_times`);
    await q.query(`DELETE FROM meeting_participants WHERE role = 'official'`);
    await q.query(`ALTER TABLE meeting_participants DROP CONSTRAINT meeting_participants_role_check`);
    await q.query(`ALTER TABLE meeting_participants ADD CONSTRAINT meeting_participants_role_check CHECK (role IN ('chair', 'secretary', 'delegate', 'observer'))`);
  }
}
