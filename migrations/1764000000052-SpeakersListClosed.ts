import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The chair closes an item's speakers list to new requests from phones (khép danh sách); they may still add someone. */
export class SpeakersListClosed1764000000052 implements MigrationInterface {
  name = 'SpeakersListClosed1764000000052';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE speaker_lists ADD COLUMN closed boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE speaker_lists DROP COLUMN closed`);
  }
}
