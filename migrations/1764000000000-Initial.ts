import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        phone text UNIQUE,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions(user_id)`);
    await q.query(`
      CREATE TABLE councils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'commune')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE council_staff (
        council_id uuid NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (council_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES councils(id),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('session', 'sitting')),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'in_session', 'closed')),
        location text NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        release_at timestamptz NOT NULL,
        comment_deadline timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meetings_council_idx ON meetings(council_id)`);
    await q.query(`
      CREATE TABLE meeting_participants (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('chair', 'secretary', 'delegate', 'observer')),
        unit text NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, user_id)
      )`);
    await q.query(`CREATE INDEX meeting_participants_user_idx ON meeting_participants(user_id)`);
    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        presenter text NOT NULL DEFAULT '',
        planned_minutes int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX agenda_items_meeting_idx ON agenda_items(meeting_id, position)`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES agenda_items(id) ON DELETE SET NULL,
        title text NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX documents_meeting_idx ON documents(meeting_id)`);
    await q.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version_no int NOT NULL,
        file_key text NOT NULL,
        file_name text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        page_count int NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'processing', 'ready', 'failed')),
        progress int NOT NULL DEFAULT 0,
        failure_reason text,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, version_no)
      )`);
    await q.query(`
      CREATE TABLE paragraphs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
        index int NOT NULL,
        page int NOT NULL,
        text text NOT NULL,
        rects jsonb NOT NULL,
        text_hash text NOT NULL,
        UNIQUE (version_id, index)
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
        target_id uuid,
        meta jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_meeting_idx ON audit_events(meeting_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'paragraphs',
      'document_versions',
      'documents',
      'agenda_items',
      'meeting_participants',
      'meetings',
      'council_staff',
      'councils',
      'sessions',
      'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
