import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { adminCan, can, type MeetingAction, type MeetingRole } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { MeetingEntity } from './meeting.entity';
import { ParticipantEntity } from './participant.entity';

export interface MeetingAccess {
  meeting: MeetingEntity;
  role: MeetingRole | null;
}

export function documentsReleased(meeting: MeetingEntity, now = new Date()): boolean {
  return meeting.status !== 'draft' && meeting.releaseAt.getTime() <= now.getTime();
}

/** The single place that answers "may this user do this to this meeting?" from the shared permission table. */
@Injectable()
export class MeetingAccessService {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
  ) {}

  async roleOf(userId: string, meetingId: string): Promise<MeetingRole | null> {
    const p = await this.participants.findOneBy({ meetingId, userId });
    return p?.role ?? null;
  }

  async require(user: AuthUser, meetingId: string, action: MeetingAction): Promise<MeetingAccess> {
    return this.requireAll(user, meetingId, [action]);
  }

  /** Every action must be allowed; one lookup of the meeting and the caller's role serves them all. */
  async requireAll(user: AuthUser, meetingId: string, actions: MeetingAction[]): Promise<MeetingAccess> {
    const row = await this.meetings
      .createQueryBuilder('m')
      .leftJoin(ParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :uid', { uid: user.id })
      .select('m')
      .addSelect('p.role', 'role')
      .where('m.id = :meetingId', { meetingId })
      .getRawAndEntities<{ role: MeetingRole | null }>();
    const meeting = row.entities[0] ?? null;
    return this.decide(user, meeting, meeting ? (row.raw[0]?.role ?? null) : null, actions);
  }

  /**
   * The same decision for a meeting and role the caller loaded itself, in the query that
   * also loads its own row (one round trip on hot paths such as group messages).
   */
  decide(user: AuthUser, meeting: MeetingEntity | null, role: MeetingRole | null, actions: MeetingAction[]): MeetingAccess {
    let access: MeetingAccess = { meeting: meeting!, role };
    for (const action of actions) access = this.check(user, meeting, role, action);
    return access;
  }

  private check(user: AuthUser, meeting: MeetingEntity | null, role: MeetingRole | null, action: MeetingAction): MeetingAccess {
    const adminAllowed = adminCan(user.isAdmin, action);
    // non-participants learn nothing, not even that the meeting exists
    if (!meeting || (role === null && !adminAllowed)) throw notFound('Meeting');
    if (adminAllowed) return { meeting, role };
    // delegates and observers don't see a meeting still being drafted
    if (meeting.status === 'draft' && !can(role, 'meeting.update')) throw notFound('Meeting');
    if (action === 'documents.readReleased' || action === 'documents.readUnreleased') {
      if (can(role, 'documents.readUnreleased')) return { meeting, role };
      if (!can(role, 'documents.readReleased')) throw forbidden();
      if (!documentsReleased(meeting)) {
        throw new DomainError(
          'NOT_RELEASED',
          `The documents of this meeting are released at ${meeting.releaseAt.toISOString()}`,
        );
      }
      return { meeting, role };
    }
    if (!can(role, action)) throw forbidden();
    return { meeting, role };
  }
}
