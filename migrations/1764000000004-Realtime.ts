import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live updates: a per-meeting event log with sequence numbers (catch-up after a
 * reconnect), the chair's current agenda item, hall display links, and the table
 * the Socket.IO Postgres adapter uses for large payloads when several processes serve.
 */
export class Realtime1764000000004 implements MigrationInterface {
  name = 'Realtime1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meetings ADD COLUMN event_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE meetings ADD COLUMN current_agenda_item_id uuid REFERENCES agenda_items(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE meeting_events (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        audience text NOT NULL CHECK (audience IN ('all', 'staff')),
        user_ids uuid[] NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, seq)
      )`);
    await q.query(`
      CREATE TABLE display_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        label text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX display_links_meeting_idx ON display_links(meeting_id)`);
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE socket_io_attachments`);
    await q.query(`DROP TABLE display_links`);
    await q.query(`DROP TABLE meeting_events`);
    await q.query(`ALTER TABLE meetings DROP COLUMN current_agenda_item_id`);
    await q.query(`ALTER TABLE meetings DROP COLUMN event_seq`);
  }
}
