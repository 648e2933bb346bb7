import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { adminCan, can, type MeetingAction, type MeetingRole } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import type { MeetingEntity } from './meeting.entity';
import { findMeetingOfResourceWithRole, findMeetingWithRole, toMeetingEntity, type MeetingRow } from './meetings.repository';
import { findParticipant } from './participants.repository';

export interface MeetingAccess {
  meeting: MeetingEntity;
  role: MeetingRole | null;
}

/** Everything reached by its own id whose meeting decides who may touch it. */
export type ResourceKind =
  | 'meeting'
  | 'document'
  | 'version'
  | 'comment'
  | 'group'
  | 'displayLink'
  | 'vote'
  | 'question'
  | 'issue'
  | 'position'
  | 'agendaItem'
  | 'minutes'
  | 'sitting'
  | 'speech';

export interface ResourceRef {
  kind: ResourceKind;
  id: string;
}

export interface RequireForOptions {
  /**
   * A participant refused the action learns nothing of the resource either: FORBIDDEN answers as
   * NOT_FOUND (links, other people's comments).
   */
  hideForbidden?: boolean;
}

export function documentsReleased(meeting: MeetingEntity, now = new Date()): boolean {
  return meeting.status !== 'draft' && meeting.releaseAt.getTime() <= now.getTime();
}

/** The single place that answers "may this user do this to this meeting?" from the shared permission table. */
@Injectable()
export class MeetingAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async roleOf(userId: string, meetingId: string): Promise<MeetingRole | null> {
    const p = await findParticipant(this.db, meetingId, userId);
    return p?.role ?? null;
  }

  async require(user: AuthUser, meetingId: string, action: MeetingAction): Promise<MeetingAccess> {
    return this.requireAll(user, meetingId, [action]);
  }

  /** Every action must be allowed; one lookup of the meeting and the caller's role serves them all. */
  async requireAll(user: AuthUser, meetingId: string, actions: MeetingAction[]): Promise<MeetingAccess> {
    return this.decideOn(user, await findMeetingWithRole(this.db, user.id, meetingId), actions);
  }

  /**
   * The access check for a resource reached by its own id, made before anything of it is loaded: its
   * meeting and the caller's role in one query, then the permission table. Out of reach (no such id,
   * not a participant, a meeting still drafted) is the one NOT_FOUND, the same as a made-up id.
   */
  async requireFor(user: AuthUser, ref: ResourceRef, action: MeetingAction | MeetingAction[], options: RequireForOptions = {}): Promise<MeetingAccess> {
    const actions = Array.isArray(action) ? action : [action];
    try {
      return this.decideOn(user, await findMeetingOfResourceWithRole(this.db, user.id, ref.kind, ref.id), actions);
    } catch (e) {
      if (options.hideForbidden && e instanceof DomainError && e.code === 'FORBIDDEN') throw notFound();
      throw e;
    }
  }

  private decideOn(user: AuthUser, row: (MeetingRow & { role: MeetingRole | null }) | undefined, actions: MeetingAction[]): MeetingAccess {
    return this.decide(user, row ? toMeetingEntity(row) : null, row ? row.role : null, actions);
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
