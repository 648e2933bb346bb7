import type { EntityManager } from 'typeorm';
import type { MeetingRole, MeetingStatus } from '@hopso/shared';
import { documentReadable } from './document-release';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Of `documentIds`, those of the meeting that someone of `role` may read now (documentReadable): every
 * place that takes a document id from a person and answers with something of the document (its title
 * in a question's reference or a speaker's anchor, a cited paragraph) checks it first, so a document
 * not released to them answers as one that does not exist.
 */
export async function readableDocumentIds(db: Queryable, meetingId: string, role: MeetingRole | null, documentIds: readonly string[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows: { id: string; state: 'draft' | 'released'; release_at: Date | null; meeting_status: MeetingStatus; meeting_release_at: Date }[] = await db.query(
    `SELECT d.id, d.state, d.release_at, m.status AS meeting_status, m.release_at AS meeting_release_at
       FROM documents d JOIN meetings m ON m.id = d.meeting_id
      WHERE d.meeting_id = $1 AND d.id = ANY($2::uuid[])`,
    [meetingId, [...new Set(documentIds)]],
  );
  return new Set(rows.filter((r) => documentReadable(role, { state: r.state, releaseAt: r.release_at }, { status: r.meeting_status, releaseAt: r.meeting_release_at })).map((r) => r.id));
}

/** Is this one document released to delegates now (as documentReadable says for the role 'delegate')? */
export async function releasedToDelegates(db: Queryable, meetingId: string, documentId: string): Promise<boolean> {
  return (await readableDocumentIds(db, meetingId, 'delegate', [documentId])).has(documentId);
}
