import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Table rows as a paragraph kind of their own, with their cells, for the reading view. */
export class ParagraphTables1764000000240 implements MigrationInterface {
  name = 'ParagraphTables1764000000240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE paragraphs DROP CONSTRAINT paragraphs_kind_check`);
    await q.query(`ALTER TABLE paragraphs ADD CONSTRAINT paragraphs_kind_check CHECK (kind IN ('header', 'heading', 'body', 'closing', 'table'))`);
    await q.query(`ALTER TABLE paragraphs ADD COLUMN cells jsonb CHECK (cells IS NULL OR (kind = 'table' AND jsonb_typeof(cells) = 'array'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE paragraphs DROP COLUMN cells`);
    await q.query(`UPDATE paragraphs SET kind = 'body' WHERE kind = 'table'`);
    await q.query(`ALTER TABLE paragraphs DROP CONSTRAINT paragraphs_kind_check`);
    await q.query(`ALTER TABLE paragraphs ADD CONSTRAINT paragraphs_kind_check CHECK (kind IN ('header', 'heading', 'body', 'closing'))`);
  }
}
