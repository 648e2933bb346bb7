import type { Comment, CommentMessage, CommentStatus, PdfRect } from '@hopso/shared';

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

export const SELECT_COMMENTS = `
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

/** One comment by id, read with `query` (the data source or a transaction's manager). */
export async function loadComment(query: { query: (sql: string, params: unknown[]) => Promise<CommentRow[]> }, id: string): Promise<Comment | null> {
  const [row] = await query.query(`${SELECT_COMMENTS} WHERE c.id = $1`, [id]);
  return row ? toComment(row) : null;
}
