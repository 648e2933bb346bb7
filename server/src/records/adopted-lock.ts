import { DomainError } from '../common/domain-error';

/** Anything that runs SQL and answers rows: a DataSource or a transaction's EntityManager. */
interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * A document one of whose versions a passed vote adopted is locked: its adopted version stays the
 * last one. Called before a new version is stored, and again under the document's lock in the
 * transaction that writes it (a trigger of migration 1764000000250 guards the table as well).
 */
export async function assertNotAdopted(db: SqlRunner, documentId: string): Promise<void> {
  const rows = (await db.query('SELECT version_no FROM document_versions WHERE document_id = $1 AND adopted_by_vote_id IS NOT NULL LIMIT 1', [documentId])) as { version_no: number }[];
  if (rows.length) throw new DomainError('DOCUMENT_ADOPTED', `Version ${rows[0].version_no} of this document was adopted by a vote and is locked: no new version can be uploaded`);
}
