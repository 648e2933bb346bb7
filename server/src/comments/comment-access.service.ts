import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingRole } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { type DomainError, notFound } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { findCommentAuthor } from './comments.repository';

export interface CommentAccess {
  meetingId: string;
  authorId: string;
  role: MeetingRole | null;
}

/** Who may touch one comment: the meeting's participants past its meeting.read; the caller decides the rest. */
@Injectable()
export class CommentAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
  ) {}

  /** The one answer for a comment out of reach, the same as for a random id. */
  hidden(): DomainError {
    return notFound('Comment');
  }

  async require(caller: AuthUser, commentId: string): Promise<CommentAccess> {
    // an official has no meeting.read: they learn of other people's comments as little as a delegate does
    const { meeting, role } = await this.access.requireFor(caller, { kind: 'comment', id: commentId }, 'meeting.read', { hideForbidden: true });
    const row = await findCommentAuthor(this.db, commentId);
    if (!row) throw this.hidden();
    return { meetingId: meeting.id, authorId: row.author_id, role };
  }
}
