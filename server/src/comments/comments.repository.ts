import type { Comment, CommentFilters, CommentMessage, CommentStatus, ParagraphCommentCount, PdfRect, ReadReceipt } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

/**
 * The comments domain's data access: comments with their threads, the desk's counts and reports, read
 * receipts. Typed queries on `db` (the data source outside a transaction, the transaction's manager inside).
 */

/** A comment as SELECT_COMMENTS reads it: the row with its document, author, paragraph and thread. */
export interface CommentRow {
  id: string;
  client_id: string;
  meeting_id: string;
  document_id: string;
  document_title: string;
  agenda_item_id: string | null;
  author_id: string;
  author_name: string;
  version_id: string;
  paragraph_id: string | null;
  paragraph_index: number | null;
  paragraph_label: string | null;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  rects: PdfRect[];
  detached: boolean;
  body: string;
  status: CommentStatus;
  reply: string;
  written_at: Date;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  messages: (Omit<CommentMessage, 'createdAt'> & { createdAt: string })[];
}

const SELECT_COMMENTS = `
  SELECT c.*, d.title AS document_title, d.agenda_item_id, u.full_name AS author_name, p.index AS paragraph_index, p.label AS paragraph_label,
         COALESCE((SELECT json_agg(json_build_object('id', m.id, 'authorId', m.author_id, 'authorName', mu.full_name, 'fromStaff', m.from_staff, 'body', m.body, 'createdAt', m.created_at) ORDER BY m.position)
                     FROM comment_messages m JOIN users mu ON mu.id = m.author_id WHERE m.comment_id = c.id), '[]'::json) AS messages
    FROM comments c
    JOIN documents d ON d.id = c.document_id
    JOIN users u ON u.id = c.author_id
    LEFT JOIN paragraphs p ON p.id = c.paragraph_id`;

export const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  clientId: r.client_id,
  meetingId: r.meeting_id,
  documentId: r.document_id,
  documentTitle: r.document_title,
  agendaItemId: r.agenda_item_id,
  authorId: r.author_id,
  authorName: r.author_name,
  anchor: {
    versionId: r.version_id,
    paragraphId: r.paragraph_id ?? '',
    quote: { exact: r.quote_exact, prefix: r.quote_prefix, suffix: r.quote_suffix },
    rects: r.rects,
    detached: r.detached,
  },
  paragraphIndex: r.paragraph_index,
  paragraphLabel: r.paragraph_label,
  body: r.body,
  status: r.status,
  reply: r.reply,
  writtenAt: new Date(r.written_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  messages: r.messages.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() })),
  resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
});

/** One comment by id (the data source or a transaction's manager). */
export async function loadComment(db: Queryable, id: string): Promise<Comment | null> {
  const [row]: CommentRow[] = await db.query(`${SELECT_COMMENTS} WHERE c.id = $1`, [id]);
  return row ? toComment(row) : null;
}

export async function findCommentByClientId(db: Queryable, authorId: string, clientId: string): Promise<CommentRow | undefined> {
  const [row]: CommentRow[] = await db.query(`${SELECT_COMMENTS} WHERE c.author_id = $1 AND c.client_id = $2`, [authorId, clientId]);
  return row;
}

/** Every comment on the document (`all`), or only the caller's, in paragraph order. */
export async function listCommentsOfDocument(db: Queryable, documentId: string, all: boolean, callerId: string): Promise<CommentRow[]> {
  return db.query(`${SELECT_COMMENTS} WHERE c.document_id = $1 AND ($2::boolean OR c.author_id = $3) ORDER BY p.index NULLS LAST, c.created_at`, [documentId, all, callerId]);
}

/** The desk's feed of the meeting (everyone's with `all`, else the caller's), newest first, filtered (all but the text search). */
export async function listCommentsOfMeeting(db: Queryable, meetingId: string, all: boolean, callerId: string, filters: CommentFilters): Promise<CommentRow[]> {
  return db.query(
    `${SELECT_COMMENTS}
        WHERE c.meeting_id = $1 AND ($2::boolean OR c.author_id = $3)
          AND ($4::uuid IS NULL OR d.agenda_item_id = $4) AND ($5::uuid IS NULL OR c.document_id = $5)
          AND ($6::uuid IS NULL OR c.paragraph_id = $6) AND ($7::text IS NULL OR c.status = $7)
          AND ($8::uuid IS NULL OR c.author_id = $8)
        ORDER BY c.created_at DESC`,
    [
      meetingId,
      all,
      callerId,
      filters.agendaItemId ?? null,
      filters.documentId ?? null,
      filters.paragraphId ?? null,
      filters.status ?? null,
      filters.authorId ?? null,
    ],
  );
}

export async function findCommentAuthor(db: Queryable, commentId: string): Promise<{ author_id: string } | undefined> {
  const [row]: { author_id: string }[] = await db.query('SELECT author_id FROM comments WHERE id = $1', [commentId]);
  return row;
}

export async function findParagraphLabel(db: Queryable, paragraphId: string): Promise<{ label: string | null } | undefined> {
  const [row]: { label: string | null }[] = await db.query('SELECT label FROM paragraphs WHERE id = $1', [paragraphId]);
  return row;
}

export interface NewCommentRow {
  id: string;
  clientId: string;
  authorId: string;
  meetingId: string;
  documentId: string;
  versionId: string;
  paragraphId: string | null;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  rects: PdfRect[];
  detached: boolean;
  body: string;
  writtenAt: Date;
  at: string;
}

/** The INSERT of a new comment (nothing on a replayed client id), for `events.insertWithEvent`. */
export function insertCommentStatement(c: NewCommentRow): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO comments (id, client_id, author_id, meeting_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, body, written_at, created_at, updated_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
              ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    params: [c.id, c.clientId, c.authorId, c.meetingId, c.documentId, c.versionId, c.paragraphId, c.quoteExact, c.quotePrefix, c.quoteSuffix, JSON.stringify(c.rects), c.detached, c.body, c.writtenAt, c.at],
  };
}

export async function triageComment(db: Queryable, commentId: string, status: CommentStatus, reply: string | null): Promise<void> {
  await db.query('UPDATE comments SET status = $2, reply = COALESCE($3, reply), updated_at = now() WHERE id = $1', [commentId, status, reply]);
}

/** Stamps a change of the comment. */
export async function touchComment(db: Queryable, commentId: string): Promise<void> {
  await db.query('UPDATE comments SET updated_at = clock_timestamp() WHERE id = $1', [commentId]);
}

// ── the thread (comment_messages) and the resolution ──

export async function findMessageCommentByClientId(db: Queryable, authorId: string, clientId: string): Promise<{ comment_id: string } | undefined> {
  const [row]: { comment_id: string }[] = await db.query('SELECT comment_id FROM comment_messages WHERE author_id = $1 AND client_id = $2', [authorId, clientId]);
  return row;
}

export async function lockComment(db: Queryable, commentId: string): Promise<void> {
  await db.query('SELECT 1 FROM comments WHERE id = $1 FOR UPDATE', [commentId]);
}

export interface ThreadStateRow {
  reply: string;
  resolved_at: Date | null;
  count: number;
  staff_wrote: boolean;
}

export async function findThreadState(db: Queryable, commentId: string): Promise<ThreadStateRow> {
  const [state]: ThreadStateRow[] = await db.query(
    `SELECT c.reply, c.resolved_at,
                (SELECT count(*)::int FROM comment_messages m WHERE m.comment_id = c.id) AS count,
                EXISTS (SELECT 1 FROM comment_messages m WHERE m.comment_id = c.id AND m.from_staff) AS staff_wrote
           FROM comments c WHERE c.id = $1`,
    [commentId],
  );
  return state;
}

/** The message, or [] when the same author's client id is already stored. */
export async function insertCommentMessage(
  db: Queryable,
  m: { id: string; commentId: string; authorId: string; clientId: string; fromStaff: boolean; body: string; position: number },
): Promise<{ id: string }[]> {
  return db.query(
    `INSERT INTO comment_messages (id, comment_id, author_id, client_id, from_staff, body, position, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
         ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
    [m.id, m.commentId, m.authorId, m.clientId, m.fromStaff, m.body, m.position],
  );
}

export async function lockCommentResolution(db: Queryable, commentId: string): Promise<{ resolved_at: Date | null }> {
  const [state]: { resolved_at: Date | null }[] = await db.query('SELECT resolved_at FROM comments WHERE id = $1 FOR UPDATE', [commentId]);
  return state;
}

export async function setCommentResolved(db: Queryable, commentId: string, resolved: boolean, by: string): Promise<void> {
  await db.query('UPDATE comments SET resolved_at = CASE WHEN $2 THEN clock_timestamp() END, resolved_by = CASE WHEN $2 THEN $3::uuid END WHERE id = $1', [commentId, resolved, by]);
}

// ── what the secretariat reads out of the comments ──

export interface ParagraphCountRow {
  paragraph_id: string;
  index: number;
  page: number;
  label: string | null;
  count: number;
}

export const toParagraphCount = (r: ParagraphCountRow): ParagraphCommentCount => ({ paragraphId: r.paragraph_id, paragraphIndex: r.index, page: r.page, label: r.label, count: r.count });

/** Comments per paragraph of the document's newest ready version. */
export async function countCommentsByParagraph(db: Queryable, documentId: string): Promise<ParagraphCountRow[]> {
  return db.query(
    `SELECT p.id AS paragraph_id, p.index, p.page, p.label, count(c.id)::int AS count
         FROM paragraphs p
         JOIN (SELECT id FROM document_versions WHERE document_id = $1 ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON v.id = p.version_id
         LEFT JOIN comments c ON c.paragraph_id = p.id
        GROUP BY p.id, p.index, p.page, p.label
        ORDER BY p.index`,
    [documentId],
  );
}

export interface SynthesisHeadRow {
  council_name: string;
  time_zone: string;
  meeting_title: string;
  version_id: string;
  version_no: number;
}

/** The synthesis report's heading: council, meeting and the document's newest ready version. */
export async function findSynthesisHead(db: Queryable, documentId: string): Promise<SynthesisHeadRow> {
  const [head]: SynthesisHeadRow[] = await db.query(
    `SELECT c.name AS council_name, c.time_zone, m.title AS meeting_title, v.id AS version_id, v.version_no
         FROM documents d JOIN meetings m ON m.id = d.meeting_id JOIN councils c ON c.id = m.council_id
         JOIN LATERAL (SELECT id, version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON true
        WHERE d.id = $1`,
    [documentId],
  );
  return head;
}

export interface SynthesisCommentRow {
  paragraph_index: number | null;
  page: number | null;
  paragraph_label: string | null;
  paragraph_text: string | null;
  on_current: boolean;
  author: string;
  unit: string | null;
  quote_exact: string;
  body: string;
  status: CommentStatus;
  reply: string;
  created_at: Date;
}

/** Every comment on the document, those on the current version (`versionId`) first, by paragraph. */
export async function listSynthesisComments(db: Queryable, documentId: string, versionId: string): Promise<SynthesisCommentRow[]> {
  return db.query(
    `SELECT p.index AS paragraph_index, p.page, p.label AS paragraph_label, p.text AS paragraph_text, (c.version_id = $2 AND NOT c.detached) AS on_current,
                u.full_name AS author, mp.unit, c.quote_exact, c.body, c.status, c.reply, c.created_at
           FROM comments c
           JOIN users u ON u.id = c.author_id
           LEFT JOIN meeting_participants mp ON mp.meeting_id = c.meeting_id AND mp.user_id = c.author_id
           LEFT JOIN paragraphs p ON p.id = c.paragraph_id
          WHERE c.document_id = $1
          ORDER BY (c.version_id = $2 AND NOT c.detached) DESC, p.index, c.created_at`,
    [documentId, versionId],
  );
}

/** The written group reports of an agenda item's breakout, in group order. */
export async function listGroupReportsOfItem(db: Queryable, agendaItemId: string): Promise<{ name: string; report_text: string; report_submitted_at: Date | null }[]> {
  return db.query(
    `SELECT name, report_text, report_submitted_at FROM breakout_groups
            WHERE agenda_item_id = $1 AND report_text IS NOT NULL AND report_text <> '' ORDER BY position`,
    [agendaItemId],
  );
}

export interface ReadReceiptRow {
  user_id: string;
  full_name: string;
  unit: string;
  first_at: Date | null;
  last_at: Date | null;
  views: number;
}

export const toReadReceipt = (r: ReadReceiptRow): ReadReceipt => ({
  userId: r.user_id,
  fullName: r.full_name,
  unit: r.unit,
  firstOpenedAt: r.first_at ? new Date(r.first_at).toISOString() : null,
  lastOpenedAt: r.last_at ? new Date(r.last_at).toISOString() : null,
  views: r.views,
});

/** Per delegate of the meeting: when they opened or downloaded the document, from the audit log. */
export async function listReadReceipts(db: Queryable, meetingId: string, documentId: string): Promise<ReadReceiptRow[]> {
  return db.query(
    `SELECT p.user_id, u.full_name, p.unit, min(e.at) AS first_at, max(e.at) AS last_at, count(e.id)::int AS views
         FROM meeting_participants p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN audit_events e ON e.user_id = p.user_id AND e.target_id = $2 AND e.action IN ('document.view', 'document.download')
        WHERE p.meeting_id = $1 AND p.role = 'delegate'
        GROUP BY p.user_id, u.full_name, p.unit
        ORDER BY min(e.at) NULLS LAST, u.full_name`,
    [meetingId, documentId],
  );
}
