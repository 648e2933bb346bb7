import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { can, type AutoSplitRequest, type Breakout, type BreakoutStatus, type PrepareBreakoutRequest, type UpdateBreakoutGroupRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutAccessService } from './breakout-access.service';
import { announceBreakout, loadBreakout } from './breakout-rows';
import { balancedSplit } from './balanced-split';

type GroupDraft = { name: string; leaderId: string | null; memberIds: string[]; documentIds: string[] };

/** The groups of a breakout: listed, made by hand or split automatically, and changed while not ended. */
@Injectable()
export class BreakoutGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: BreakoutAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Every breakout of the meeting; a delegate sees only their own groups of each. */
  async list(caller: AuthUser, meetingId: string): Promise<Breakout[]> {
    const role = await this.access.roleIn(caller, meetingId);
    const all = await this.listAll(meetingId);
    return all.map((b) => (can(role, 'breakouts.manage') || caller.isAdmin ? b : { ...b, groups: b.groups.filter((g) => g.memberIds.includes(caller.id)) }));
  }

  /** Every breakout with every group, for the hall screen (access checked by the caller). */
  async listAll(meetingId: string): Promise<Breakout[]> {
    const items: { agenda_item_id: string }[] = await this.db.query('SELECT agenda_item_id FROM breakouts WHERE meeting_id = $1', [meetingId]);
    return Promise.all(items.map((i) => loadBreakout(this.db.manager, i.agenda_item_id)));
  }

  async prepare(caller: AuthUser, meetingId: string, req: PrepareBreakoutRequest): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
    return this.replaceGroups(meetingId, req.agendaItemId, req.groups);
  }

  async autoSplit(caller: AuthUser, meetingId: string, req: AutoSplitRequest): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
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
    const group = await this.access.findReadableGroup(caller, groupId);
    if (!can(group.role, 'breakouts.manage')) throw forbidden('Only the chair and the secretariat manage breakout groups');
    const status = await this.statusOf(group.agenda_item_id);
    if (status === 'ended') throw new DomainError('BREAKOUT_NOT_RUNNING', 'This breakout has ended; its groups can no longer change');
    return this.events.transaction(async (tx, emit) => {
      const memberIds = req.memberIds ?? (await loadBreakout(tx, group.agenda_item_id)).groups.find((g) => g.id === groupId)!.memberIds;
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
      return announceBreakout(tx, emit, group.agenda_item_id);
    });
  }

  private async replaceGroups(meetingId: string, agendaItemId: string, groups: GroupDraft[]): Promise<Breakout> {
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
      return announceBreakout(tx, emit, agendaItemId);
    });
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

  private async statusOf(agendaItemId: string): Promise<BreakoutStatus> {
    const [row] = await this.db.query('SELECT status FROM breakouts WHERE agenda_item_id = $1', [agendaItemId]);
    return row.status;
  }
}
