import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { can, COMMENT_THREAD_MAX, type Comment, type CommentMessageRequest, type CommentResolutionRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { CommentAccessService, type CommentAccess } from './comment-access.service';
import { loadComment } from './comment-rows';

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
    const [replay]: { comment_id: string }[] = await this.db.query('SELECT comment_id FROM comment_messages WHERE author_id = $1 AND client_id = $2', [caller.id, req.clientId]);
    if (replay) return { comment: await this.replayed(replay.comment_id, commentId), created: false };
    return this.events.transaction(async (tx, emit) => {
      // one writer per thread at a time: positions follow commit order, and so do the events; the
      // thread is read by a statement after the lock, so it sees what the writer before committed
      await tx.query('SELECT 1 FROM comments WHERE id = $1 FOR UPDATE', [commentId]);
      const [state]: { reply: string; resolved_at: Date | null; count: number; staff_wrote: boolean }[] = await tx.query(
        `SELECT c.reply, c.resolved_at,
                (SELECT count(*)::int FROM comment_messages m WHERE m.comment_id = c.id) AS count,
                EXISTS (SELECT 1 FROM comment_messages m WHERE m.comment_id = c.id AND m.from_staff) AS staff_wrote
           FROM comments c WHERE c.id = $1`,
        [commentId],
      );
      if (state.resolved_at) throw new DomainError('COMMENT_RESOLVED', 'The comment is resolved; its conversation is closed');
      // the author answers the staff: the conversation opens with the staff's reply or message
      if (!fromStaff && !state.reply.trim() && !state.staff_wrote) {
        throw new DomainError('COMMENT_THREAD_NOT_OPEN', 'The secretariat has not replied to this comment yet');
      }
      if (state.count >= COMMENT_THREAD_MAX) throw new DomainError('COMMENT_THREAD_FULL', `A comment's conversation holds at most ${COMMENT_THREAD_MAX} messages`);
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO comment_messages (id, comment_id, author_id, client_id, from_staff, body, position, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
         ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
        [crypto.randomUUID(), commentId, caller.id, req.clientId, fromStaff, req.body, state.count + 1],
      );
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
      const [state]: { resolved_at: Date | null }[] = await tx.query('SELECT resolved_at FROM comments WHERE id = $1 FOR UPDATE', [commentId]);
      // nothing changes: no event, the comment as it is
      if ((state.resolved_at !== null) === req.resolved) return (await loadComment(tx, commentId))!;
      await tx.query('UPDATE comments SET resolved_at = CASE WHEN $2 THEN clock_timestamp() END, resolved_by = CASE WHEN $2 THEN $3::uuid END WHERE id = $1', [commentId, req.resolved, caller.id]);
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
    await tx.query('UPDATE comments SET updated_at = clock_timestamp() WHERE id = $1', [commentId]);
    const comment = (await loadComment(tx, commentId))!;
    await emit(found.meetingId, 'comment.updated', { comment }, { to: 'staff', userIds: [found.authorId] });
    return comment;
  }
}
