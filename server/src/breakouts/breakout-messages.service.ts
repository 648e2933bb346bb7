import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Citation, GroupMessage, MeetingRole, PostGroupMessageRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { readableDocumentIds } from '../documents/readable-documents';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutAccessService } from './breakout-access.service';
import { SELECT_MESSAGES, toMessage, type MessageRow } from './breakout-rows';

/** A group's discussion: its messages, read by members and staff, posted while the breakout runs. */
@Injectable()
export class BreakoutMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: BreakoutAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  async messages(caller: AuthUser, groupId: string): Promise<GroupMessage[]> {
    const group = await this.access.findReadableGroup(caller, groupId);
    const rows: MessageRow[] = await this.db.query(`${SELECT_MESSAGES} WHERE gm.group_id = $1 ORDER BY gm.created_at, gm.id`, [group.id]);
    return rows.map(toMessage);
  }

  /** Idempotent on the client id (a replay answers the stored message, even after the end). Refused once the breakout has ended. */
  async postMessage(caller: AuthUser, groupId: string, req: PostGroupMessageRequest): Promise<{ message: GroupMessage; created: boolean }> {
    const group = await this.access.findReadableGroup(caller, groupId);
    if (group.status !== 'running') {
      const replay = await this.messageByClientId(caller.id, req.clientId);
      if (replay) return { message: replay, created: false };
      throw new DomainError(
        'BREAKOUT_NOT_RUNNING',
        group.status === 'ended' ? 'The group discussion has ended; messages are no longer taken' : 'The group discussion has not started yet',
      );
    }
    const citation = req.citation ? await this.citationOf(group.meeting_id, group.role, req.citation) : null;
    const message: GroupMessage = {
      id: crypto.randomUUID(),
      clientId: req.clientId,
      groupId,
      authorId: caller.id,
      authorName: caller.fullName,
      body: req.body,
      citation,
      createdAt: new Date().toISOString(),
    };
    const created = await this.events.insertWithEvent(
      {
        sql: `INSERT INTO group_messages (id, client_id, group_id, author_id, body, cited_document_id, cited_paragraph_id, created_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
        params: [message.id, req.clientId, groupId, caller.id, req.body, citation?.documentId ?? null, citation?.paragraphId ?? null, message.createdAt],
      },
      group.meeting_id,
      'group.message',
      { message },
      { to: 'group', groupId },
    );
    return created ? { message, created: true } : { message: (await this.messageByClientId(caller.id, req.clientId))!, created: false };
  }

  /**
   * The cited paragraph as the message will show it; refused unless it is in a document of this meeting
   * that the author may read (a document not released to them is as unknown as one of another meeting).
   */
  private async citationOf(meetingId: string, role: MeetingRole | null, c: Citation): Promise<NonNullable<GroupMessage['citation']>> {
    const readable = await readableDocumentIds(this.db, meetingId, role, [c.documentId]);
    const [row]: { index: number; page: number; text: string }[] = !readable.has(c.documentId)
      ? []
      : await this.db.query(
          'SELECT p.index, p.page, p.text FROM paragraphs p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id WHERE p.id = $1 AND d.id = $2 AND d.meeting_id = $3',
          [c.paragraphId, c.documentId, meetingId],
        );
    if (!row) throw new DomainError('VALIDATION_FAILED', 'The cited paragraph is not in a document of this meeting');
    return { documentId: c.documentId, paragraphId: c.paragraphId, paragraphIndex: row.index, page: row.page, excerpt: row.text.slice(0, 200) };
  }

  private async messageByClientId(authorId: string, clientId: string): Promise<GroupMessage | null> {
    const [row]: MessageRow[] = await this.db.query(`${SELECT_MESSAGES} WHERE gm.author_id = $1 AND gm.client_id = $2`, [authorId, clientId]);
    return row ? toMessage(row) : null;
  }
}
