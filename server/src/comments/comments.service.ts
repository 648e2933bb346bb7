import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can, commentRefusal, commentSearchTexts, LATE_COMMENT_GRACE_HOURS, matchesSearch, type Comment, type CommentFilters, type CreateCommentRequest, type TriageCommentRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { ReanchorService } from '../anchoring/reanchor.service';
import { DomainError } from '../common/domain-error';
import { DocumentsService } from '../documents/documents.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import type { MeetingEntity } from '../meetings/meeting.entity';
import { CommentAccessService } from './comment-access.service';
import { findCommentByClientId, findParagraphLabel, insertCommentStatement, listCommentsOfDocument, listCommentsOfMeeting, loadComment, toComment, triageComment } from './comments.repository';

/** Comments (góp ý) from delegates to the secretariat and the chair of the meeting. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly access: MeetingAccessService,
    private readonly reanchor: ReanchorService,
    private readonly events: MeetingEventsService,
    private readonly commentAccess: CommentAccessService,
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
    const placed = anchor.paragraphId ? await findParagraphLabel(this.db, anchor.paragraphId) : undefined;
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
      messages: [],
      resolvedAt: null,
    };
    const created = await this.events.insertWithEvent(
      insertCommentStatement({
        id: comment.id,
        clientId: req.clientId,
        authorId: caller.id,
        meetingId: doc.meetingId,
        documentId,
        versionId: anchor.versionId,
        paragraphId: anchor.paragraphId,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        rects: anchor.rects,
        detached: anchor.detached,
        body: req.body,
        writtenAt,
        at,
      }),
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
    const rows = await listCommentsOfDocument(this.db, documentId, all, caller.id);
    return rows.map(toComment);
  }

  /** The secretariat desk's feed (staff: everyone's; others: their own), newest first, filtered. */
  async listForMeeting(caller: AuthUser, meetingId: string, filters: CommentFilters = {}): Promise<Comment[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    const all = can(role, 'comments.readAll');
    if (!all && !can(role, 'comments.create')) return [];
    const rows = await listCommentsOfMeeting(this.db, meetingId, all, caller.id, filters);
    const comments = rows.map(toComment);
    // the text search folds diacritics and case as the browser's filter does (one rule, in shared/)
    const q = filters.q;
    return q ? comments.filter((c) => matchesSearch(commentSearchTexts(c), q)) : comments;
  }

  async triage(caller: AuthUser, commentId: string, req: TriageCommentRequest): Promise<Comment> {
    const found = await this.commentAccess.require(caller, commentId);
    // a delegate learns nothing about other people's comments, not even that they exist
    if (!can(found.role, 'comments.triage')) throw this.commentAccess.hidden();
    return this.events.transaction(async (tx, emit) => {
      await triageComment(tx, commentId, req.status, req.reply ?? null);
      const comment = (await loadComment(tx, commentId))!;
      await emit(found.meetingId, 'comment.updated', { comment }, { to: 'staff', userIds: [comment.authorId] });
      return comment;
    });
  }

  private async findByClientId(authorId: string, clientId: string): Promise<Comment | null> {
    const row = await findCommentByClientId(this.db, authorId, clientId);
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
