import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Page sizes for anchor checks; private annotations; comments to the secretariat. */
export class ReadingRoom1764000000002 implements MigrationInterface {
  name = 'ReadingRoom1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions ADD COLUMN page_sizes jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      CREATE TABLE annotations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
        paragraph_id uuid REFERENCES paragraphs(id) ON DELETE SET NULL,
        quote_exact text NOT NULL,
        quote_prefix text NOT NULL DEFAULT '',
        quote_suffix text NOT NULL DEFAULT '',
        rects jsonb NOT NULL,
        detached boolean NOT NULL DEFAULT false,
        color text NOT NULL,
        note text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`CREATE INDEX annotations_author_document_idx ON annotations(author_id, document_id)`);
    await q.query(`CREATE INDEX annotations_document_idx ON annotations(document_id)`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
        paragraph_id uuid REFERENCES paragraphs(id) ON DELETE SET NULL,
        quote_exact text NOT NULL,
        quote_prefix text NOT NULL DEFAULT '',
        quote_suffix text NOT NULL DEFAULT '',
        rects jsonb NOT NULL,
        detached boolean NOT NULL DEFAULT false,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'received', 'accepted', 'answered', 'declined')),
        reply text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, client_id)
      )`);
    await q.query(`CREATE INDEX comments_meeting_idx ON comments(meeting_id, created_at)`);
    await q.query(`CREATE INDEX comments_document_idx ON comments(document_id)`);
    await q.query(`CREATE INDEX audit_events_target_idx ON audit_events(target_id, action)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_target_idx`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP TABLE annotations`);
    await q.query(`ALTER TABLE document_versions DROP COLUMN page_sizes`);
  }
}
