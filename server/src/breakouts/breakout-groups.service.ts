import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { can, type AutoSplitRequest, type Breakout, type BreakoutStatus, type PrepareBreakoutRequest, type UpdateBreakoutGroupRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutAccessService } from './breakout-access.service';
import { announceBreakout } from './breakout-announce';
import {
  agendaItemOfMeetingExists,
  countDocumentsOfMeeting,
  countGroupableParticipants,
  deleteGroupsOfItem,
  deleteMembersOfGroup,
  deleteMembersOfItem,
  findBreakoutStatus,
  insertBreakoutIfMissing,
  insertGroup,
  insertMembers,
  listBreakoutItemsOfMeeting,
  listDelegatesToSplit,
  loadBreakout,
  lockBreakoutStatus,
  updateGroupFields,
} from './breakouts.repository';
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
    const items = await listBreakoutItemsOfMeeting(this.db, meetingId);
    return Promise.all(items.map((i) => loadBreakout(this.db, i.agenda_item_id)));
  }

  async prepare(caller: AuthUser, meetingId: string, req: PrepareBreakoutRequest): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
    return this.replaceGroups(meetingId, req.agendaItemId, req.groups);
  }

  async autoSplit(caller: AuthUser, meetingId: string, req: AutoSplitRequest): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
    const delegates = await listDelegatesToSplit(this.db, meetingId, req.presentUserIds ?? null);
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
      await updateGroupFields(tx, groupId, { name: req.name ?? null, leaderId, documentIds: req.documentIds ?? null });
      if (req.memberIds) {
        await deleteMembersOfGroup(tx, groupId);
        // moving someone here takes them out of their previous group of this item
        await deleteMembersOfItem(tx, group.agenda_item_id, req.memberIds);
        await this.addMembers(tx, groupId, group.agenda_item_id, req.memberIds);
      }
      return announceBreakout(tx, emit, group.agenda_item_id);
    });
  }

  private async replaceGroups(meetingId: string, agendaItemId: string, groups: GroupDraft[]): Promise<Breakout> {
    if (!(await agendaItemOfMeetingExists(this.db, agendaItemId, meetingId))) throw new DomainError('VALIDATION_FAILED', 'This agenda item does not belong to the meeting', [{ path: 'agendaItemId', message: 'Unknown agenda item' }]);
    const all = groups.flatMap((g) => g.memberIds);
    if (new Set(all).size !== all.length) throw new DomainError('VALIDATION_FAILED', 'A person can be in only one group');
    return this.events.transaction(async (tx, emit) => {
      await insertBreakoutIfMissing(tx, meetingId, agendaItemId);
      const status = await lockBreakoutStatus(tx, agendaItemId);
      if (status !== 'prepared') throw new DomainError('CONFLICT', `The breakout is ${status === 'running' ? 'under way' : 'over'}; its groups can no longer be replaced`);
      for (const g of groups) await this.assertGroupValid(tx, meetingId, g);
      await deleteGroupsOfItem(tx, agendaItemId);
      for (const [i, g] of groups.entries()) {
        const id = await insertGroup(tx, { meetingId, agendaItemId, position: i + 1, name: g.name, leaderId: g.leaderId, documentIds: g.documentIds });
        await this.addMembers(tx, id, agendaItemId, g.memberIds);
      }
      return announceBreakout(tx, emit, agendaItemId);
    });
  }

  private async addMembers(tx: EntityManager, groupId: string, agendaItemId: string, memberIds: string[]): Promise<void> {
    if (!memberIds.length) return;
    await insertMembers(tx, groupId, agendaItemId, memberIds);
  }

  private async assertGroupValid(db: EntityManager, meetingId: string, g: { memberIds: string[]; leaderId: string | null; documentIds: string[] }): Promise<void> {
    if (g.memberIds.length) {
      const n = await countGroupableParticipants(db, meetingId, g.memberIds);
      if (n !== new Set(g.memberIds).size) throw new DomainError('VALIDATION_FAILED', 'Every member of a group must take part in the meeting');
    }
    if (g.leaderId && !g.memberIds.includes(g.leaderId)) throw new DomainError('VALIDATION_FAILED', 'The group leader must be a member of the group');
    if (g.documentIds.length) {
      const n = await countDocumentsOfMeeting(db, meetingId, g.documentIds);
      if (n !== new Set(g.documentIds).size) throw new DomainError('VALIDATION_FAILED', 'The documents in focus must be documents of this meeting');
    }
  }

  private async statusOf(agendaItemId: string): Promise<BreakoutStatus> {
    return findBreakoutStatus(this.db, agendaItemId);
  }
}
