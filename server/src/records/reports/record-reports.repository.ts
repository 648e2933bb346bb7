import type { CommentStatus } from '@hopso/shared';
import type { Queryable } from '../../common/queryable';

/**
 * The meeting-wide reports' own queries (the comments and breakouts domains are not asked): documents,
 * comments with their places, group reports. Typed queries on `db`.
 */

export async function findDocumentMeeting(db: Queryable, documentId: string): Promise<{ meeting_id: string; title: string } | undefined> {
  const [d]: { meeting_id: string; title: string }[] = await db.query('SELECT meeting_id, title FROM documents WHERE id = $1', [documentId]);
  return d;
}

export async function findDocumentMeetingId(db: Queryable, documentId: string): Promise<{ meeting_id: string } | undefined> {
  const [d]: { meeting_id: string }[] = await db.query('SELECT meeting_id FROM documents WHERE id = $1', [documentId]);
  return d;
}

export async function documentOfMeetingExists(db: Queryable, documentId: string, meetingId: string): Promise<boolean> {
  const [d] = await db.query('SELECT 1 FROM documents WHERE id = $1 AND meeting_id = $2', [documentId, meetingId]);
  return Boolean(d);
}

export async function findReportHead(db: Queryable, meetingId: string): Promise<{ council_name: string; time_zone: string; title: string }> {
  const [head]: { council_name: string; time_zone: string; title: string }[] = await db.query(
    'SELECT c.name AS council_name, c.time_zone, m.title FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1',
    [meetingId],
  );
  return head;
}

export interface ReportDocumentRow {
  id: string;
  title: string;
  agenda_item_id: string | null;
  item_title: string | null;
  presenter: string | null;
  version_id: string;
  version_no: number;
}

/** The meeting's documents (or only `documentId`), by agenda item, with their newest ready version. */
export async function listReportDocuments(db: Queryable, meetingId: string, documentId: string | null): Promise<ReportDocumentRow[]> {
  return db.query(
    `SELECT d.id, d.title, d.agenda_item_id, a.title AS item_title, a.presenter, v.id AS version_id, v.version_no
         FROM documents d
         LEFT JOIN agenda_items a ON a.id = d.agenda_item_id
         JOIN LATERAL (SELECT id, version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON true
        WHERE d.meeting_id = $1 AND ($2::uuid IS NULL OR d.id = $2)
        ORDER BY a.position NULLS LAST, d.created_at, d.title`,
    [meetingId, documentId],
  );
}

export interface ReportCommentRow {
  document_id: string;
  author_id: string;
  author: string;
  unit: string | null;
  group_name: string | null;
  on_current: boolean;
  paragraph_index: number | null;
  page: number | null;
  label: string | null;
  paragraph_text: string | null;
  old_index: number | null;
  old_page: number | null;
  old_label: string | null;
  old_version_no: number | null;
  quote_exact: string;
  body: string;
  status: CommentStatus;
  reply: string;
  created_at: Date;
}

/** The meeting's comments (or one document's): a comment's place on the current version, or (detached / on an old version) its old place. */
export async function listReportComments(db: Queryable, meetingId: string, documentId: string | null): Promise<ReportCommentRow[]> {
  return db.query(
    `SELECT c.document_id, c.author_id, u.full_name AS author, mp.unit, g.name AS group_name,
              (c.version_id = cur.id AND NOT c.detached) AS on_current,
              p.index AS paragraph_index, p.page, p.label, p.text AS paragraph_text,
              p.index AS old_index, p.page AS old_page, p.label AS old_label, ov.version_no AS old_version_no,
              c.quote_exact, c.body, c.status, c.reply, c.created_at
         FROM comments c
         JOIN documents d ON d.id = c.document_id
         JOIN LATERAL (SELECT id FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) cur ON true
         JOIN users u ON u.id = c.author_id
         LEFT JOIN meeting_participants mp ON mp.meeting_id = c.meeting_id AND mp.user_id = c.author_id
         LEFT JOIN paragraphs p ON p.id = c.paragraph_id
         LEFT JOIN document_versions ov ON ov.id = c.version_id
         LEFT JOIN breakout_members bm ON bm.user_id = c.author_id AND bm.agenda_item_id = d.agenda_item_id
         LEFT JOIN breakout_groups g ON g.id = bm.group_id
        WHERE c.meeting_id = $1 AND ($2::uuid IS NULL OR c.document_id = $2)
        ORDER BY (c.version_id = cur.id AND NOT c.detached) DESC, p.index, c.created_at`,
    [meetingId, documentId],
  );
}

/** The meeting's written group reports, in group order. */
export async function listMeetingGroupReports(db: Queryable, meetingId: string): Promise<{ agenda_item_id: string; name: string; report_text: string; report_submitted_at: Date | null }[]> {
  return db.query(
    `SELECT agenda_item_id, name, report_text, report_submitted_at FROM breakout_groups
        WHERE meeting_id = $1 AND report_text IS NOT NULL AND report_text <> '' ORDER BY position`,
    [meetingId],
  );
}
