import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digital signatures: each council's signing certificate (its PKCS#12 file and password, both sealed
 * with the server's signing key, AES-256-GCM), and the signatures hopso found in each uploaded
 * document version, checked once when the version is ingested.
 */
export class Signatures1764000000150 implements MigrationInterface {
  name = 'Signatures1764000000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_certificates (
        council_id uuid PRIMARY KEY REFERENCES councils(id) ON DELETE CASCADE,
        sealed_p12 bytea NOT NULL,
        sealed_password bytea NOT NULL,
        -- which signing key sealed them: a changed key is told apart from a damaged row
        key_id text NOT NULL,
        signer_name text,
        subject text NOT NULL,
        issuer text NOT NULL,
        serial_number text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        fingerprint_sha256 text NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE document_version_signatures (
        version_id uuid PRIMARY KEY REFERENCES document_versions(id) ON DELETE CASCADE,
        signatures jsonb NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_version_signatures`);
    await q.query(`DROP TABLE signing_certificates`);
  }
}
