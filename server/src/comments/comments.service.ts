import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can, commentRefusal, LATE_COMMENT_GRACE_HOURS, type Comment, type CommentFilters, type CommentStatus, type ParagraphCommentCount, type CreateCommentRequest, type PdfRect, type ReadReceipt, type TriageCommentRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { ReanchorService } from '../anchoring/reanchor.service';
import { DomainError } from '../common/domain-error';
import { DocumentsService } from '../documents/documents.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import type { MeetingEntity } from '../meetings/meeting.entity';
import type { ReportSection, SynthesisReport } from './synthesis-report';

interface CommentRow {
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
}

const SELECT_COMMENTS = `
  SELECT c.*, d.title AS document_title, d.agenda_item_id, u.full_name AS author_name, p.index AS paragraph_index, p.label AS paragraph_label
    FROM comments c
    JOIN documents d ON d.id = c.document_id
    JOIN users u ON u.id = c.author_id
    LEFT JOIN paragraphs p ON p.id = c.paragraph_id`;

const toComment = (r: CommentRow): Comment => ({
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
});

/** Comments (góp ý) from delegates to the secretariat and the chair of the meeting. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly access: MeetingAccessService,
    private readonly reanchor: ReanchorService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Idempotent on the client id: a retry returns the stored comment, even after the deadline. */
  async create(caller: AuthUser, documentId: string, req: CreateCommentRequest, now = new Date()): Promise<{ comment: Comment; created: boolean }> {
    const { doc, access } = await this.documents.requireDocument(caller, documentId, 'comments.create');
    const writtenAt = req.writtenAt ? new Date(req.writtenAt) : now;
    try {
      assertCommentWindow(access.meeting, now, writtenAt);
    } catch (e) {
      const replay = await this.findByClientId(caller.id, req.clientId);
      if (replay) return { comment: replay, created: false };
      throw e;
    }
    const { anchor, paragraphIndex } = await this.reanchor.acceptNew(documentId, req.anchor);
    const [placed]: { label: string | null }[] = anchor.paragraphId ? await this.db.query('SELECT label FROM paragraphs WHERE id = $1', [anchor.paragraphId]) : [];
    const at = now.toISOString();
    const comment: Comment = {
      id: crypto.randomUUID(),
      clientId: req.clientId,
      meetingId: doc.meetingId,
      documentId,
      documentTitle: doc.title,
      agendaItemId: doc.agendaItemId,
      authorId: caller.id,
      authorName: caller.fullName,
      anchor,
      paragraphIndex,
      paragraphLabel: placed?.label ?? null,
      body: req.body,
      status: 'sent',
      reply: '',
      writtenAt: writtenAt.toISOString(),
      createdAt: at,
      updatedAt: at,
    };
    const created = await this.events.insertWithEvent(
      {
        sql: `INSERT INTO comments (id, client_id, author_id, meeting_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, body, written_at, created_at, updated_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
              ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
        params: [comment.id, req.clientId, caller.id, doc.meetingId, documentId, anchor.versionId, anchor.paragraphId, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, JSON.stringify(anchor.rects), anchor.detached, req.body, writtenAt, at],
      },
      doc.meetingId,
      'comment.created',
      { comment },
      { to: 'staff', userIds: [caller.id] },
    );
    return created ? { comment, created: true } : { comment: (await this.findByClientId(caller.id, req.clientId))!, created: false };
  }

  /** Staff see every comment on the document; anyone else only their own. */
  async listForDocument(caller: AuthUser, documentId: string): Promise<Comment[]> {
    // meeting.read as well: an official (người trả lời chất vấn) reads documents but no comments
    const { access } = await this.documents.requireDocument(caller, documentId, 'meeting.read');
    const all = can(access.role, 'comments.readAll');
    const rows: CommentRow[] = await this.db.query(
      `${SELECT_COMMENTS} WHERE c.document_id = $1 AND ($2::boolean OR c.author_id = $3) ORDER BY p.index NULLS LAST, c.created_at`,
      [documentId, all, caller.id],
    );
    return rows.map(toComment);
  }

  /** The secretariat desk's feed (staff: everyone's; others: their own), newest first, filtered. */
  async listForMeeting(caller: AuthUser, meetingId: string, filters: CommentFilters = {}): Promise<Comment[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    const all = can(role, 'comments.readAll');
    if (!all && !can(role, 'comments.create')) return [];
    const rows: CommentRow[] = await this.db.query(
      `${SELECT_COMMENTS}
        WHERE c.meeting_id = $1 AND ($2::boolean OR c.author_id = $3)
          AND ($4::uuid IS NULL OR d.agenda_item_id = $4) AND ($5::uuid IS NULL OR c.document_id = $5)
          AND ($6::uuid IS NULL OR c.paragraph_id = $6) AND ($7::text IS NULL OR c.status = $7)
          AND ($8::uuid IS NULL OR c.author_id = $8)
          AND ($9::text IS NULL OR c.body ILIKE $9 OR c.quote_exact ILIKE $9 OR u.full_name ILIKE $9 OR d.title ILIKE $9)
        ORDER BY c.created_at DESC`,
      [
        meetingId,
        all,
        caller.id,
        filters.agendaItemId ?? null,
        filters.documentId ?? null,
        filters.paragraphId ?? null,
        filters.status ?? null,
        filters.authorId ?? null,
        filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      ],
    );
    return rows.map(toComment);
  }

  /** Comments per paragraph of the document's newest ready version (the one delegates comment on), for the desk's heat strip (staff only). */
  async countsByParagraph(caller: AuthUser, documentId: string): Promise<ParagraphCommentCount[]> {
    await this.documents.requireDocument(caller, documentId, 'comments.readAll');
    const rows: { paragraph_id: string; index: number; page: number; label: string | null; count: number }[] = await this.db.query(
      `SELECT p.id AS paragraph_id, p.index, p.page, p.label, count(c.id)::int AS count
         FROM paragraphs p
         JOIN (SELECT id FROM document_versions WHERE document_id = $1 ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON v.id = p.version_id
         LEFT JOIN comments c ON c.paragraph_id = p.id
        GROUP BY p.id, p.index, p.page, p.label
        ORDER BY p.index`,
      [documentId],
    );
    return rows.map((r) => ({ paragraphId: r.paragraph_id, paragraphIndex: r.index, page: r.page, label: r.label, count: r.count }));
  }

  async triage(caller: AuthUser, commentId: string, req: TriageCommentRequest): Promise<Comment> {
    // a delegate (or an official, who has no meeting.read) learns nothing about other people's comments, not even that they exist
    const { meeting } = await this.access.requireFor(caller, { kind: 'comment', id: commentId }, ['meeting.read', 'comments.triage'], { hideForbidden: true });
    return this.events.transaction(async (tx, emit) => {
      await tx.query('UPDATE comments SET status = $2, reply = COALESCE($3, reply), updated_at = now() WHERE id = $1', [commentId, req.status, req.reply ?? null]);
      const [updated]: CommentRow[] = await tx.query(`${SELECT_COMMENTS} WHERE c.id = $1`, [commentId]);
      const comment = toComment(updated);
      await emit(meeting.id, 'comment.updated', { comment }, { to: 'staff', userIds: [comment.authorId] });
      return comment;
    });
  }

  async readReceipts(caller: AuthUser, documentId: string): Promise<ReadReceipt[]> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'readReceipts.read');
    const rows: { user_id: string; full_name: string; unit: string; first_at: Date | null; last_at: Date | null; views: number }[] = await this.db.query(
      `SELECT p.user_id, u.full_name, p.unit, min(e.at) AS first_at, max(e.at) AS last_at, count(e.id)::int AS views
         FROM meeting_participants p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN audit_events e ON e.user_id = p.user_id AND e.target_id = $2 AND e.action IN ('document.view', 'document.download')
        WHERE p.meeting_id = $1 AND p.role = 'delegate'
        GROUP BY p.user_id, u.full_name, p.unit
        ORDER BY min(e.at) NULLS LAST, u.full_name`,
      [doc.meetingId, documentId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      unit: r.unit,
      firstOpenedAt: r.first_at ? new Date(r.first_at).toISOString() : null,
      lastOpenedAt: r.last_at ? new Date(r.last_at).toISOString() : null,
      views: r.views,
    }));
  }

  /** The comment synthesis report's content: every comment on the document, by paragraph in document order. */
  async synthesisReport(caller: AuthUser, documentId: string): Promise<SynthesisReport> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'comments.readAll');
    const [head]: { council_name: string; time_zone: string; meeting_title: string; version_id: string; version_no: number }[] = await this.db.query(
      `SELECT c.name AS council_name, c.time_zone, m.title AS meeting_title, v.id AS version_id, v.version_no
         FROM documents d JOIN meetings m ON m.id = d.meeting_id JOIN councils c ON c.id = m.council_id
         JOIN LATERAL (SELECT id, version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON true
        WHERE d.id = $1`,
      [documentId],
    );
    const rows: { paragraph_index: number | null; page: number | null; paragraph_label: string | null; paragraph_text: string | null; on_current: boolean; author: string; unit: string | null; quote_exact: string; body: string; status: CommentStatus; reply: string; created_at: Date }[] =
      await this.db.query(
        `SELECT p.index AS paragraph_index, p.page, p.label AS paragraph_label, p.text AS paragraph_text, (c.version_id = $2 AND NOT c.detached) AS on_current,
                u.full_name AS author, mp.unit, c.quote_exact, c.body, c.status, c.reply, c.created_at
           FROM comments c
           JOIN users u ON u.id = c.author_id
           LEFT JOIN meeting_participants mp ON mp.meeting_id = c.meeting_id AND mp.user_id = c.author_id
           LEFT JOIN paragraphs p ON p.id = c.paragraph_id
          WHERE c.document_id = $1
          ORDER BY (c.version_id = $2 AND NOT c.detached) DESC, p.index, c.created_at`,
        [documentId, head.version_id],
      );
    const sections: ReportSection[] = [];
    for (const r of rows) {
      const index = r.on_current ? r.paragraph_index : null;
      let section = sections.find((s) => s.paragraphIndex === index);
      if (!section) {
        section = { paragraphIndex: index, page: r.on_current ? r.page : null, label: r.on_current ? r.paragraph_label : null, paragraphText: r.on_current ? (r.paragraph_text ?? '') : '', comments: [] };
        sections.push(section);
      }
      section.comments.push({ author: r.author, unit: r.unit ?? '', quote: r.quote_exact, body: r.body, status: r.status, reply: r.reply, at: new Date(r.created_at) });
    }
    const groupReports: { name: string; report_text: string; report_submitted_at: Date | null }[] = doc.agendaItemId
      ? await this.db.query(
          `SELECT name, report_text, report_submitted_at FROM breakout_groups
            WHERE agenda_item_id = $1 AND report_text IS NOT NULL AND report_text <> '' ORDER BY position`,
          [doc.agendaItemId],
        )
      : [];
    return {
      councilName: head.council_name,
      meetingTitle: head.meeting_title,
      documentTitle: doc.title,
      versionNo: head.version_no,
      generatedAt: new Date(),
      timeZone: head.time_zone,
      sections,
      groupReports: groupReports.map((g) => ({ groupName: g.name, text: g.report_text, submitted: g.report_submitted_at !== null })),
    };
  }

  private async findByClientId(authorId: string, clientId: string): Promise<Comment | null> {
    const [row]: CommentRow[] = await this.db.query(`${SELECT_COMMENTS} WHERE c.author_id = $1 AND c.client_id = $2`, [authorId, clientId]);
    return row ? toComment(row) : null;
  }
}

/**
 * Comments are taken from the release time until the comment deadline. One written
 * offline before the deadline (its `writtenAt`) may arrive up to
 * LATE_COMMENT_GRACE_HOURS later, but not once the meeting has started. The rule is
 * shared with the web client (commentRefusal); this turns each refusal into its error.
 */
export function assertCommentWindow(meeting: MeetingEntity, now: Date, writtenAt: Date = now): void {
  const refusal = commentRefusal(meeting, now, writtenAt);
  if (refusal === null) return;
  const deadline = meeting.commentDeadline.toISOString();
  switch (refusal) {
    case 'meeting-closed':
      throw new DomainError('COMMENTS_CLOSED', 'The meeting is closed; comments are no longer taken');
    case 'not-open':
      throw new DomainError('COMMENTS_NOT_OPEN', `Comments open when the documents are released, at ${meeting.releaseAt.toISOString()}`);
    case 'impossible-time':
      throw new DomainError('VALIDATION_FAILED', 'The time the comment was written is not possible; check the phone’s clock', [{ path: 'writtenAt', message: 'Impossible time' }]);
    case 'deadline-passed':
      throw new DomainError('COMMENTS_CLOSED', `The comment deadline passed at ${deadline}; send your view to the secretariat directly`);
    case 'arrived-too-late':
      throw new DomainError(
        'COMMENTS_CLOSED',
        `This comment was written before the deadline (${deadline}) but arrived too late: comments written offline are taken up to ${LATE_COMMENT_GRACE_HOURS} hours after the deadline and never after the meeting starts`,
      );
  }
}
