import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can, type BreakoutStatus, type MeetingRole } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { MeetingEntity } from '../meetings/meeting.entity';
import { ParticipantEntity } from '../meetings/participant.entity';
import type { GroupRow } from './breakout-rows';

export type ReadableGroup = GroupRow & { status: BreakoutStatus; role: MeetingRole | null };

/** Who may reach a breakout group (its members and staff) and who manages breakouts (the chair and the secretariat). */
@Injectable()
export class BreakoutAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
  ) {}

  /**
   * Members and staff; anyone else cannot tell the group exists. Also answers the breakout's
   * status and the caller's role. One query: it is on the path of every group message.
   */
  async findReadableGroup(caller: AuthUser, groupId: string): Promise<ReadableGroup> {
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

  /** The caller's role in the meeting (meeting.read checked). */
  async roleIn(caller: AuthUser, meetingId: string): Promise<MeetingRole | null> {
    return (await this.access.require(caller, meetingId, 'meeting.read')).role;
  }

  async requireManage(caller: AuthUser, meetingId: string): Promise<void> {
    const role = await this.roleIn(caller, meetingId);
    if (!can(role, 'breakouts.manage')) throw forbidden('Only the chair and the secretariat manage breakout groups');
  }
}
