import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  can,
  canWriteGroupReport,
  type AutoSplitRequest,
  type Breakout,
  type BreakoutGroup,
  type BreakoutStatus,
  type Citation,
  type GroupMessage,
  type MeetingRole,
  type PostGroupMessageRequest,
  type PrepareBreakoutRequest,
  type SaveGroupReportRequest,
  type UpdateBreakoutGroupRequest,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { MeetingEntity } from '../meetings/meeting.entity';
import { ParticipantEntity } from '../meetings/participant.entity';
import { balancedSplit } from './balanced-split';

interface GroupRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  name: string;
  leader_id: string | null;
  document_ids: string[];
  report_text: string | null;
  report_updated_at: Date | null;
  report_submitted_at: Date | null;
  member_ids: string[];
  message_count: number;
  last_message_at: Date | null;
}

interface MessageRow {
  id: string;
  client_id: string;
  group_id: string;
  author_id: string;
  author_name: string;
  body: string;
  cited_document_id: string | null;
  cited_paragraph_id: string | null;
  paragraph_index: number | null;
  page: number | null;
  paragraph_text: string | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toGroup = (r: GroupRow): BreakoutGroup => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  name: r.name,
  leaderId: r.leader_id,
  memberIds: r.member_ids,
  documentIds: r.document_ids,
  report: r.report_text === null ? null : { text: r.report_text, submittedAt: iso(r.report_submitted_at), updatedAt: iso(r.report_updated_at)! },
  messageCount: r.message_count,
  lastMessageAt: iso(r.last_message_at),
});

const toMessage = (r: MessageRow): GroupMessage => ({
  id: r.id,
  clientId: r.client_id,
  groupId: r.group_id,
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  citation:
    r.cited_document_id && r.cited_paragraph_id && r.paragraph_index !== null
      ? { documentId: r.cited_document_id, paragraphId: r.cited_paragraph_id, paragraphIndex: r.paragraph_index, page: r.page!, excerpt: (r.paragraph_text ?? '').slice(0, 200) }
      : null,
  createdAt: new Date(r.created_at).toISOString(),
});

const SELECT_GROUPS = `
  SELECT g.*, COALESCE(array_agg(DISTINCT m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS member_ids,
         (SELECT count(*)::int FROM group_messages x WHERE x.group_id = g.id) AS message_count,
         (SELECT max(created_at) FROM group_messages x WHERE x.group_id = g.id) AS last_message_at
    FROM breakout_groups g LEFT JOIN breakout_members m ON m.group_id = g.id`;

const SELECT_MESSAGES = `
  SELECT gm.*, u.full_name AS author_name, p.index AS paragraph_index, p.page, p.text AS paragraph_text
    FROM group_messages gm JOIN users u ON u.id = gm.author_id LEFT JOIN paragraphs p ON p.id = gm.cited_paragraph_id`;

/** Breakout discussion groups: made by hand or split automatically, started and ended by staff. */
@Injectable()
export class BreakoutsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Every breakout of the meeting; a delegate sees only their own groups of each. */
  async list(caller: AuthUser, meetingId: string): Promise<Breakout[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    const all = await this.listAll(meetingId);
    return all.map((b) => (can(role, 'breakouts.manage') || caller.isAdmin ? b : { ...b, groups: b.groups.filter((g) => g.memberIds.includes(caller.id)) }));
  }

  /** Every breakout with every group, for the hall screen (access checked by the caller). */
  async listAll(meetingId: string): Promise<Breakout[]> {
    const items: { agenda_item_id: string }[] = await this.db.query('SELECT agenda_item_id FROM breakouts WHERE meeting_id = $1', [meetingId]);
    return Promise.all(items.map((i) => this.load(this.db.manager, i.agenda_item_id)));
  }

  async prepare(caller: AuthUser, meetingId: string, req: PrepareBreakoutRequest): Promise<Breakout> {
    await this.requireManage(caller, meetingId);
    return this.replaceGroups(meetingId, req.agendaItemId, req.groups);
  }

  async autoSplit(caller: AuthUser, meetingId: string, req: AutoSplitRequest): Promise<Breakout> {
    await this.requireManage(caller, meetingId);
    const delegates: { user_id: string }[] = await this.db.query(
      `SELECT p.user_id FROM meeting_participants p JOIN users u ON u.id = p.user_id
        WHERE p.meeting_id = $1 AND p.role = 'delegate' AND ($2::uuid[] IS NULL OR p.user_id = ANY($2))
        ORDER BY p.unit, u.full_name, u.id`,
      [meetingId, req.presentUserIds ?? null],
    );
    if (delegates.length === 0) throw new DomainError('VALIDATION_FAILED', 'No delegate of this meeting is present to split into groups');
    const groupCount = Math.min(req.groupCount, delegates.length);
    const groups = balancedSplit(
      delegates.map((d) => d.user_id),
      groupCount,
    ).map((memberIds, i) => ({ name: `Tổ ${i + 1}`, leaderId: memberIds[0] ?? null, memberIds, documentIds: req.documentIds }));
    return this.replaceGroups(meetingId, req.agendaItemId, groups);
  }

  async updateGroup(caller: AuthUser, groupId: string, req: UpdateBreakoutGroupRequest): Promise<Breakout> {
    // a group the caller cannot see answers as one that does not exist; a member who cannot manage is refused
    const group = await this.findReadableGroup(caller, groupId);
    if (!can(group.role, 'breakouts.manage')) throw forbidden('Only the chair and the secretariat manage breakout groups');
    const status = await this.statusOf(group.agenda_item_id);
    if (status === 'ended') throw new DomainError('BREAKOUT_NOT_RUNNING', 'This breakout has ended; its groups can no longer change');
    return this.events.transaction(async (tx, emit) => {
      const memberIds = req.memberIds ?? (await this.load(tx, group.agenda_item_id)).groups.find((g) => g.id === groupId)!.memberIds;
      const leaderId = req.leaderId !== undefined ? req.leaderId : group.leader_id;
      await this.assertGroupValid(tx, group.meeting_id, { memberIds, leaderId, documentIds: req.documentIds ?? group.document_ids });
      await tx.query('UPDATE breakout_groups SET name = COALESCE($2, name), leader_id = $3, document_ids = COALESCE($4, document_ids) WHERE id = $1', [
        groupId,
        req.name ?? null,
        leaderId,
        req.documentIds ?? null,
      ]);
      if (req.memberIds) {
        await tx.query('DELETE FROM breakout_members WHERE group_id = $1', [groupId]);
        // moving someone here takes them out of their previous group of this item
        await tx.query('DELETE FROM breakout_members WHERE agenda_item_id = $1 AND user_id = ANY($2)', [group.agenda_item_id, req.memberIds]);
        await this.insertMembers(tx, groupId, group.agenda_item_id, req.memberIds);
      }
      return this.announce(tx, emit, group.agenda_item_id);
    });
  }

  async start(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<Breakout> {
    return this.move(caller, meetingId, agendaItemId, 'prepared', 'running');
  }

  async end(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<Breakout> {
    return this.move(caller, meetingId, agendaItemId, 'running', 'ended');
  }

  async messages(caller: AuthUser, groupId: string): Promise<GroupMessage[]> {
    const group = await this.findReadableGroup(caller, groupId);
    const rows: MessageRow[] = await this.db.query(`${SELECT_MESSAGES} WHERE gm.group_id = $1 ORDER BY gm.created_at, gm.id`, [group.id]);
    return rows.map(toMessage);
  }

  /** Idempotent on the client id (a replay answers the stored message, even after the end). Refused once the breakout has ended. */
  async postMessage(caller: AuthUser, groupId: string, req: PostGroupMessageRequest): Promise<{ message: GroupMessage; created: boolean }> {
    const group = await this.findReadableGroup(caller, groupId);
    if (group.status !== 'running') {
      const replay = await this.messageByClientId(caller.id, req.clientId);
      if (replay) return { message: replay, created: false };
      throw new DomainError(
        'BREAKOUT_NOT_RUNNING',
        group.status === 'ended' ? 'The group discussion has ended; messages are no longer taken' : 'The group discussion has not started yet',
      );
    }
    const citation = req.citation ? await this.citationOf(group.meeting_id, req.citation) : null;
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

  /** The leader (or staff) writes the group's summary of views and may submit it. */
  async saveReport(caller: AuthUser, groupId: string, req: SaveGroupReportRequest): Promise<Breakout> {
    const group = await this.findReadableGroup(caller, groupId);
    if (!canWriteGroupReport(group.role, group.leader_id === caller.id)) throw forbidden('Only the group leader (tổ trưởng) writes the report');
    if (group.status === 'prepared') throw new DomainError('BREAKOUT_NOT_RUNNING', 'The group discussion has not started yet');
    return this.events.transaction(async (tx, emit) => {
      await tx.query(
        `UPDATE breakout_groups SET report_text = $2, report_updated_at = now(),
                report_submitted_at = CASE WHEN $3 THEN now() ELSE report_submitted_at END WHERE id = $1`,
        [groupId, req.text, req.submit],
      );
      return this.announce(tx, emit, group.agenda_item_id);
    });
  }

  private async replaceGroups(meetingId: string, agendaItemId: string, groups: { name: string; leaderId: string | null; memberIds: string[]; documentIds: string[] }[]): Promise<Breakout> {
    const [item] = await this.db.query('SELECT id FROM agenda_items WHERE id = $1 AND meeting_id = $2', [agendaItemId, meetingId]);
    if (!item) throw new DomainError('VALIDATION_FAILED', 'This agenda item does not belong to the meeting', [{ path: 'agendaItemId', message: 'Unknown agenda item' }]);
    const all = groups.flatMap((g) => g.memberIds);
    if (new Set(all).size !== all.length) throw new DomainError('VALIDATION_FAILED', 'A person can be in only one group');
    return this.events.transaction(async (tx, emit) => {
      await tx.query(`INSERT INTO breakouts (meeting_id, agenda_item_id) VALUES ($1, $2) ON CONFLICT (agenda_item_id) DO NOTHING`, [meetingId, agendaItemId]);
      const [{ status }] = await tx.query('SELECT status FROM breakouts WHERE agenda_item_id = $1 FOR UPDATE', [agendaItemId]);
      if (status !== 'prepared') throw new DomainError('CONFLICT', `The breakout is ${status === 'running' ? 'under way' : 'over'}; its groups can no longer be replaced`);
      for (const g of groups) await this.assertGroupValid(tx, meetingId, g);
      await tx.query('DELETE FROM breakout_groups WHERE agenda_item_id = $1', [agendaItemId]);
      for (const [i, g] of groups.entries()) {
        const [{ id }] = await tx.query(
          'INSERT INTO breakout_groups (meeting_id, agenda_item_id, position, name, leader_id, document_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [meetingId, agendaItemId, i + 1, g.name, g.leaderId, g.documentIds],
        );
        await this.insertMembers(tx, id, agendaItemId, g.memberIds);
      }
      return this.announce(tx, emit, agendaItemId);
    });
  }

  private async move(caller: AuthUser, meetingId: string, agendaItemId: string, from: BreakoutStatus, to: BreakoutStatus): Promise<Breakout> {
    await this.requireManage(caller, meetingId);
    return this.events.transaction(async (tx, emit) => {
      const [row] = await tx.query('SELECT status FROM breakouts WHERE agenda_item_id = $1 AND meeting_id = $2 FOR UPDATE', [agendaItemId, meetingId]);
      if (!row) throw notFound('Breakout');
      if (row.status !== from) throw new DomainError('CONFLICT', `The breakout is ${row.status}; it cannot become ${to}`);
      const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM breakout_groups WHERE agenda_item_id = $1', [agendaItemId]);
      if (to === 'running' && n === 0) throw new DomainError('CONFLICT', 'Make the groups before starting the breakout');
      await tx.query(`UPDATE breakouts SET status = $2, ${to === 'running' ? 'started_at' : 'ended_at'} = now() WHERE agenda_item_id = $1`, [agendaItemId, to]);
      return this.announce(tx, emit, agendaItemId);
    });
  }

  /** The full breakout goes into the log; who sees which groups of it is event-visibility's rule (and members' live group rooms follow it). */
  private async announce(tx: EntityManager, emit: EmitFn, agendaItemId: string): Promise<Breakout> {
    const breakout = await this.load(tx, agendaItemId);
    await emit(breakout.meetingId, 'breakout.changed', { breakout }, { to: 'all' });
    return breakout;
  }

  private async load(db: EntityManager, agendaItemId: string): Promise<Breakout> {
    const [b] = await db.query('SELECT * FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
    if (!b) throw notFound('Breakout');
    const groups: GroupRow[] = await db.query(`${SELECT_GROUPS} WHERE g.agenda_item_id = $1 GROUP BY g.id ORDER BY g.position`, [agendaItemId]);
    return { meetingId: b.meeting_id, agendaItemId, status: b.status, startedAt: iso(b.started_at), endedAt: iso(b.ended_at), groups: groups.map(toGroup) };
  }

  private async insertMembers(tx: EntityManager, groupId: string, agendaItemId: string, memberIds: string[]): Promise<void> {
    if (!memberIds.length) return;
    await tx.query('INSERT INTO breakout_members (group_id, user_id, agenda_item_id) SELECT $1, unnest($2::uuid[]), $3', [groupId, memberIds, agendaItemId]);
  }

  private async assertGroupValid(db: EntityManager, meetingId: string, g: { memberIds: string[]; leaderId: string | null; documentIds: string[] }): Promise<void> {
    if (g.memberIds.length) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM meeting_participants WHERE meeting_id = $1 AND user_id = ANY($2) AND role IN ('delegate', 'chair', 'secretary')`, [meetingId, g.memberIds]);
      if (n !== new Set(g.memberIds).size) throw new DomainError('VALIDATION_FAILED', 'Every member of a group must take part in the meeting');
    }
    if (g.leaderId && !g.memberIds.includes(g.leaderId)) throw new DomainError('VALIDATION_FAILED', 'The group leader must be a member of the group');
    if (g.documentIds.length) {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM documents WHERE meeting_id = $1 AND id = ANY($2)', [meetingId, g.documentIds]);
      if (n !== new Set(g.documentIds).size) throw new DomainError('VALIDATION_FAILED', 'The documents in focus must be documents of this meeting');
    }
  }

  /** The cited paragraph as the message will show it; refused unless it is in a document of this meeting. */
  private async citationOf(meetingId: string, c: Citation): Promise<NonNullable<GroupMessage['citation']>> {
    const [row]: { index: number; page: number; text: string }[] = await this.db.query(
      'SELECT p.index, p.page, p.text FROM paragraphs p JOIN document_versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id WHERE p.id = $1 AND d.id = $2 AND d.meeting_id = $3',
      [c.paragraphId, c.documentId, meetingId],
    );
    if (!row) throw new DomainError('VALIDATION_FAILED', 'The cited paragraph is not in a document of this meeting');
    return { documentId: c.documentId, paragraphId: c.paragraphId, paragraphIndex: row.index, page: row.page, excerpt: row.text.slice(0, 200) };
  }

  private async statusOf(agendaItemId: string): Promise<BreakoutStatus> {
    const [row] = await this.db.query('SELECT status FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
    return row.status;
  }

  /**
   * Members and staff; anyone else cannot tell the group exists. Also answers the breakout's
   * status and the caller's role. One query: it is on the path of every group message.
   */
  private async findReadableGroup(caller: AuthUser, groupId: string): Promise<GroupRow & { status: BreakoutStatus; role: MeetingRole | null }> {
    const found = await this.db.manager
      .createQueryBuilder(MeetingEntity, 'm')
      .innerJoin('breakout_groups', 'g', 'g.meeting_id = m.id')
      .innerJoin('breakouts', 'b', 'b.agenda_item_id = g.agenda_item_id')
      .leftJoin(ParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :uid', { uid: caller.id })
      .select('m')
      .addSelect('row_to_json(g)', 'grp')
      .addSelect('b.status', 'status')
      .addSelect('p.role', 'role')
      .addSelect('EXISTS (SELECT 1 FROM breakout_members x WHERE x.group_id = g.id AND x.user_id = :uid)', 'member')
      .where('g.id = :groupId', { groupId })
      .getRawAndEntities<{ grp: GroupRow; status: BreakoutStatus; role: MeetingRole | null; member: boolean }>();
    const [meeting] = found.entities;
    const [raw] = found.raw;
    if (!meeting || !raw) throw notFound('Group');
    let role: MeetingRole | null;
    try {
      ({ role } = this.access.decide(caller, meeting, raw.role, ['meeting.read']));
    } catch (e) {
      // an official has no meeting.read: a group they are not in is as unknown to them as to a non-participant
      if (e instanceof DomainError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) throw notFound('Group');
      throw e;
    }
    if (!raw.member && !can(role, 'breakouts.manage')) throw notFound('Group');
    return { ...raw.grp, status: raw.status, role };
  }

  private async requireManage(caller: AuthUser, meetingId: string): Promise<void> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    if (!can(role, 'breakouts.manage')) throw forbidden('Only the chair and the secretariat manage breakout groups');
  }

  private async messageByClientId(authorId: string, clientId: string): Promise<GroupMessage | null> {
    const [row]: MessageRow[] = await this.db.query(`${SELECT_MESSAGES} WHERE gm.author_id = $1 AND gm.client_id = $2`, [authorId, clientId]);
    return row ? toMessage(row) : null;
  }
}
