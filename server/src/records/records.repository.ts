import type { AdoptedResolution, VoteResult } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

/**
 * The records domain's data access for adopted resolutions: the versions a passed vote adopted (the
 * lock on their document, the signed file, the meeting's list). Typed queries on `db` (the data source
 * outside a transaction, the transaction's manager inside).
 */

/** The number of the document's version a passed vote adopted, if any. */
export async function findAdoptedVersionNo(db: Queryable, documentId: string): Promise<number | undefined> {
  const rows = (await db.query('SELECT version_no FROM document_versions WHERE document_id = $1 AND adopted_by_vote_id IS NOT NULL LIMIT 1', [documentId])) as { version_no: number }[];
  return rows.length ? rows[0].version_no : undefined;
}

export interface AdoptedRow {
  meeting_id: string;
  council_id: string;
  time_zone: string;
  title: string;
  state: 'draft' | 'released';
  release_at: Date | null;
  version_no: number;
  file_key: string;
  question: string;
  adopted_at: Date;
}

/** An adopted version with its document, meeting's council and the vote that adopted it; undefined unless a vote adopted it. */
export async function findAdoptedVersion(db: Queryable, versionId: string): Promise<AdoptedRow | undefined> {
  const [r]: AdoptedRow[] = await db.query(
    `SELECT d.meeting_id, m.council_id, c.time_zone, d.title, d.state, d.release_at, v.version_no, v.file_key, vt.question, v.adopted_at
         FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN meetings m ON m.id = d.meeting_id
         JOIN councils c ON c.id = m.council_id JOIN votes vt ON vt.id = v.adopted_by_vote_id
        WHERE v.id = $1`,
    [versionId],
  );
  return r;
}

export interface AdoptedOfMeetingRow {
  document_id: string;
  title: string;
  version_id: string;
  version_no: number;
  vote_id: string;
  question: string;
  adopted_at: Date;
  result: VoteResult;
}

export const toAdoptedResolution = (r: AdoptedOfMeetingRow): AdoptedResolution => ({
  documentId: r.document_id,
  documentTitle: r.title,
  versionId: r.version_id,
  versionNo: r.version_no,
  voteId: r.vote_id,
  question: r.question,
  adoptedAt: new Date(r.adopted_at).toISOString(),
  result: r.result,
});

/** The meeting's document versions a passed vote adopted, in the order they were adopted. */
export async function listAdoptedVersionsOfMeeting(db: Queryable, meetingId: string): Promise<AdoptedOfMeetingRow[]> {
  return db.query(
    `SELECT d.id AS document_id, d.title, v.id AS version_id, v.version_no, vt.id AS vote_id, vt.question, v.adopted_at, vt.result
         FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN votes vt ON vt.id = v.adopted_by_vote_id
        WHERE d.meeting_id = $1 ORDER BY v.adopted_at`,
    [meetingId],
  );
}
