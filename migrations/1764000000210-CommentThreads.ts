import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comment's conversation between the staff and its author (after the reply), and its resolution.
 * `position` orders a thread and, unique per comment, keeps concurrent posts from sharing a place;
 * `(author_id, client_id)` makes a retried post land once.
 */
export class CommentThreads1764000000210 implements MigrationInterface {
  name = 'CommentThreads1764000000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        from_staff boolean NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        position int NOT NULL CHECK (position >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (comment_id, position),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`ALTER TABLE comments ADD COLUMN resolved_at timestamptz, ADD COLUMN resolved_by uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments DROP COLUMN resolved_by, DROP COLUMN resolved_at`);
    await q.query(`DROP TABLE comment_messages`);
  }
}
