import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { can, COMMENT_THREAD_MAX, type Comment, type CommentMessageRequest, type CommentResolutionRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { CommentAccessService, type CommentAccess } from './comment-access.service';
import { findMessageCommentByClientId, findThreadState, insertCommentMessage, loadComment, lockComment, lockCommentResolution, setCommentResolved, touchComment } from './comments.repository';

/**
 * A comment's conversation (staff write, its author answers, staff write again…) and its
 * resolution. Each change goes out as the comment's `comment.updated`, seen by the staff and the
 * author only, exactly as REST shows the comment; the author is notified of a staff message.
 */
@Injectable()
export class CommentThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commentAccess: CommentAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Staff or the comment's author; anyone else as for a random id. Idempotent on the client id. */
  async post(caller: AuthUser, commentId: string, req: CommentMessageRequest): Promise<{ comment: Comment; created: boolean }> {
    const found = await this.commentAccess.require(caller, commentId);
    const fromStaff = this.side(caller, found);
    const replay = await findMessageCommentByClientId(this.db, caller.id, req.clientId);
    if (replay) return { comment: await this.replayed(replay.comment_id, commentId), created: false };
    return this.events.transaction(async (tx, emit) => {
      // one writer per thread at a time: positions follow commit order, and so do the events; the
      // thread is read by a statement after the lock, so it sees what the writer before committed
      await lockComment(tx, commentId);
      const state = await findThreadState(tx, commentId);
      if (state.resolved_at) throw new DomainError('COMMENT_RESOLVED', 'The comment is resolved; its conversation is closed');
      // the author answers the staff: the conversation opens with the staff's reply or message
      if (!fromStaff && !state.reply.trim() && !state.staff_wrote) {
        throw new DomainError('COMMENT_THREAD_NOT_OPEN', 'The secretariat has not replied to this comment yet');
      }
      if (state.count >= COMMENT_THREAD_MAX) throw new DomainError('COMMENT_THREAD_FULL', `A comment's conversation holds at most ${COMMENT_THREAD_MAX} messages`);
      const inserted = await insertCommentMessage(tx, { id: crypto.randomUUID(), commentId, authorId: caller.id, clientId: req.clientId, fromStaff, body: req.body, position: state.count + 1 });
      // the same client id landed meanwhile from a parallel retry: that one stands
      if (inserted.length === 0) return { comment: (await loadComment(tx, commentId))!, created: false };
      return { comment: await this.touched(tx, emit, found, commentId), created: true };
    });
  }

  /** Staff only: marked resolved (đã giải quyết), or open again. */
  async resolve(caller: AuthUser, commentId: string, req: CommentResolutionRequest): Promise<Comment> {
    const found = await this.commentAccess.require(caller, commentId);
    if (!can(found.role, 'comments.triage')) throw this.commentAccess.hidden();
    return this.events.transaction(async (tx, emit) => {
      const state = await lockCommentResolution(tx, commentId);
      // nothing changes: no event, the comment as it is
      if ((state.resolved_at !== null) === req.resolved) return (await loadComment(tx, commentId))!;
      await setCommentResolved(tx, commentId, req.resolved, caller.id);
      return this.touched(tx, emit, found, commentId);
    });
  }

  /** true for the staff, false for the comment's author; anyone else is told it does not exist. */
  private side(caller: AuthUser, found: CommentAccess): boolean {
    if (can(found.role, 'comments.triage')) return true;
    if (found.authorId === caller.id && can(found.role, 'comments.create')) return false;
    throw this.commentAccess.hidden();
  }

  private async replayed(storedOn: string, commentId: string): Promise<Comment> {
    if (storedOn !== commentId) throw new DomainError('VALIDATION_FAILED', 'This client id was used for a message on another comment', [{ path: 'clientId', message: 'Already used' }]);
    return (await loadComment(this.db, commentId))!;
  }

  /** Stamps the change (after the lock, so the stamps rise in commit order) and emits the comment. */
  private async touched(tx: EntityManager, emit: EmitFn, found: CommentAccess, commentId: string): Promise<Comment> {
    await touchComment(tx, commentId);
    const comment = (await loadComment(tx, commentId))!;
    await emit(found.meetingId, 'comment.updated', { comment }, { to: 'staff', userIds: [found.authorId] });
    return comment;
  }
}
