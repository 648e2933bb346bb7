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
import { findCitedParagraph, findMessageByClientId, insertMessageStatement, listMessagesOfGroup, toMessage } from './breakouts.repository';

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
    const rows = await listMessagesOfGroup(this.db, group.id);
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
      insertMessageStatement({
        id: message.id,
        clientId: req.clientId,
        groupId,
        authorId: caller.id,
        body: req.body,
        citedDocumentId: citation?.documentId ?? null,
        citedParagraphId: citation?.paragraphId ?? null,
        createdAt: message.createdAt,
      }),
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
    const row = !readable.has(c.documentId) ? undefined : await findCitedParagraph(this.db, c.paragraphId, c.documentId, meetingId);
    if (!row) throw new DomainError('VALIDATION_FAILED', 'The cited paragraph is not in a document of this meeting');
    return { documentId: c.documentId, paragraphId: c.paragraphId, paragraphIndex: row.index, page: row.page, excerpt: row.text.slice(0, 200) };
  }

  private async messageByClientId(authorId: string, clientId: string): Promise<GroupMessage | null> {
    const row = await findMessageByClientId(this.db, authorId, clientId);
    return row ? toMessage(row) : null;
  }
}
