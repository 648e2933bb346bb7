import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingRole } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';

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
    const [row]: { meeting_id: string; author_id: string }[] = await this.db.query('SELECT meeting_id, author_id FROM comments WHERE id = $1', [commentId]);
    if (!row) throw this.hidden();
    const { role } = await this.access.require(caller, row.meeting_id, 'meeting.read').catch((e: unknown) => {
      // an official has no meeting.read: they learn of other people's comments as little as a delegate does
      if (e instanceof DomainError && e.code === 'FORBIDDEN') throw this.hidden();
      throw e;
    });
    return { meetingId: row.meeting_id, authorId: row.author_id, role };
  }
}
