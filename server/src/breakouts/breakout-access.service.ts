import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can, type BreakoutStatus, type MeetingRole } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { findGroupWithMeeting, type GroupRow } from './breakouts.repository';

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
    const found = await findGroupWithMeeting(this.db, groupId, caller.id);
    if (!found) throw notFound('Group');
    const { meeting, ...raw } = found;
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
