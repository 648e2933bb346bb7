import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Breakout discussion groups per agenda item, their messages and reports; group-only events. */
export class Breakouts1764000000005 implements MigrationInterface {
  name = 'Breakouts1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE breakouts (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'running', 'ended')),
        started_at timestamptz,
        ended_at timestamptz,
        PRIMARY KEY (agenda_item_id)
      )`);
    await q.query(`CREATE INDEX breakouts_meeting_idx ON breakouts(meeting_id)`);
    await q.query(`
      CREATE TABLE breakout_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES breakouts(agenda_item_id) ON DELETE CASCADE,
        position int NOT NULL,
        name text NOT NULL,
        leader_id uuid REFERENCES users(id) ON DELETE SET NULL,
        document_ids uuid[] NOT NULL DEFAULT '{}',
        report_text text,
        report_updated_at timestamptz,
        report_submitted_at timestamptz
      )`);
    await q.query(`CREATE INDEX breakout_groups_item_idx ON breakout_groups(agenda_item_id, position)`);
    await q.query(`
      CREATE TABLE breakout_members (
        group_id uuid NOT NULL REFERENCES breakout_groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL,
        PRIMARY KEY (group_id, user_id),
        UNIQUE (agenda_item_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE group_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        group_id uuid NOT NULL REFERENCES breakout_groups(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body text NOT NULL,
        cited_document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        cited_paragraph_id uuid REFERENCES paragraphs(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`CREATE INDEX group_messages_group_idx ON group_messages(group_id, created_at)`);
    await q.query(`ALTER TABLE meeting_events ADD COLUMN group_id uuid`);
    await q.query(`ALTER TABLE meeting_events DROP CONSTRAINT meeting_events_audience_check`);
    await q.query(`ALTER TABLE meeting_events ADD CONSTRAINT meeting_events_audience_check CHECK (audience IN ('all', 'staff', 'group'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM meeting_events WHERE audience = 'group'`);
    await q.query(`ALTER TABLE meeting_events DROP CONSTRAINT meeting_events_audience_check`);
    await q.query(`ALTER TABLE meeting_events ADD CONSTRAINT meeting_events_audience_check CHECK (audience IN ('all', 'staff'))`);
    await q.query(`ALTER TABLE meeting_events DROP COLUMN group_id`);
    await q.query(`DROP TABLE group_messages`);
    await q.query(`DROP TABLE breakout_members`);
    await q.query(`DROP TABLE breakout_groups`);
    await q.query(`DROP TABLE breakouts`);
  }
}
