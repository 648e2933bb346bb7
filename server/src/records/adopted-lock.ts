import { DomainError } from '../common/domain-error';
import type { Queryable } from '../common/queryable';
import { findAdoptedVersionNo } from './records.repository';

/**
 * A document one of whose versions a passed vote adopted is locked: its adopted version stays the
 * last one. Called before a new version is stored, and again under the document's lock in the
 * transaction that writes it (a trigger of migration 1764000000250 guards the table as well).
 */
export async function assertNotAdopted(db: Queryable, documentId: string): Promise<void> {
  const versionNo = await findAdoptedVersionNo(db, documentId);
  if (versionNo !== undefined) throw new DomainError('DOCUMENT_ADOPTED', `Version ${versionNo} of this document was adopted by a vote and is locked: no new version can be uploaded`);
}
