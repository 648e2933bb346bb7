import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's notifications. `dedupe_key` makes each one once per person whatever replays the event
 * that caused it; who still sees one is decided when it is read (server/src/notifications).
 */
export class Notifications1764000000091 implements MigrationInterface {
  name = 'Notifications1764000000091';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('document.released', 'document.replaced', 'comment.replied', 'breakout.started', 'vote.opened', 'question.answered')),
        ref_id uuid NOT NULL,
        dedupe_key text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_ref ON notifications (ref_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
