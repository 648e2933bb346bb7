import type { MeetingRole } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { documentReadable } from './document-release';
import { listReleaseFactsOfMeeting } from './documents.repository';

/**
 * Of `documentIds`, those of the meeting that someone of `role` may read now (documentReadable): every
 * place that takes a document id from a person and answers with something of the document (its title
 * in a question's reference or a speaker's anchor, a cited paragraph) checks it first, so a document
 * not released to them answers as one that does not exist.
 */
export async function readableDocumentIds(db: Queryable, meetingId: string, role: MeetingRole | null, documentIds: readonly string[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await listReleaseFactsOfMeeting(db, meetingId, [...new Set(documentIds)]);
  return new Set(rows.filter((r) => documentReadable(role, { state: r.state, releaseAt: r.release_at }, { status: r.meeting_status, releaseAt: r.meeting_release_at })).map((r) => r.id));
}

/** Is this one document released to delegates now (as documentReadable says for the role 'delegate')? */
export async function releasedToDelegates(db: Queryable, meetingId: string, documentId: string): Promise<boolean> {
  return (await readableDocumentIds(db, meetingId, 'delegate', [documentId])).has(documentId);
}
