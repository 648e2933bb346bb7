import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each paragraph's place in a Vietnamese legal text ("Điều 2, khoản 1, điểm a") and its kind for the reading view. */
export class ParagraphStructure1764000000070 implements MigrationInterface {
  name = 'ParagraphStructure1764000000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE paragraphs ADD COLUMN label text`);
    await q.query(`ALTER TABLE paragraphs ADD COLUMN kind text NOT NULL DEFAULT 'body' CHECK (kind IN ('header', 'heading', 'body', 'closing'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE paragraphs DROP COLUMN kind`);
    await q.query(`ALTER TABLE paragraphs DROP COLUMN label`);
  }
}
