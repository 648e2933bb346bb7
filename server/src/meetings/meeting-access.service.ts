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

/** The meeting of each kind of resource, as a subquery on its id (`:rid`). */
const MEETING_OF: Record<ResourceKind, string> = {
  meeting: 'SELECT id FROM meetings WHERE id = :rid',
  document: 'SELECT meeting_id FROM documents WHERE id = :rid',
  version: 'SELECT d.meeting_id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = :rid',
  comment: 'SELECT meeting_id FROM comments WHERE id = :rid',
  group: 'SELECT meeting_id FROM breakout_groups WHERE id = :rid',
  displayLink: 'SELECT meeting_id FROM display_links WHERE id = :rid',
  vote: 'SELECT meeting_id FROM votes WHERE id = :rid',
  question: 'SELECT meeting_id FROM questions WHERE id = :rid',
  issue: 'SELECT meeting_id FROM question_issues WHERE id = :rid',
  position: 'SELECT meeting_id FROM official_positions WHERE id = :rid',
  agendaItem: 'SELECT meeting_id FROM agenda_items WHERE id = :rid',
  minutes: 'SELECT meeting_id FROM minutes WHERE id = :rid',
  sitting: 'SELECT meeting_id FROM sittings WHERE id = :rid',
  speech: 'SELECT meeting_id FROM speeches WHERE id = :rid',
};

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
    return this.decideOn(user, 'm.id = :meetingId', { meetingId }, actions);
  }

  /**
   * The access check for a resource reached by its own id, made before anything of it is loaded: its
   * meeting and the caller's role in one query, then the permission table. Out of reach (no such id,
   * not a participant, a meeting still drafted) is the one NOT_FOUND, the same as a made-up id.
   */
  async requireFor(user: AuthUser, ref: ResourceRef, action: MeetingAction | MeetingAction[], options: RequireForOptions = {}): Promise<MeetingAccess> {
    const actions = Array.isArray(action) ? action : [action];
    try {
      return await this.decideOn(user, `m.id = (${MEETING_OF[ref.kind]})`, { rid: ref.id }, actions);
    } catch (e) {
      if (options.hideForbidden && e instanceof DomainError && e.code === 'FORBIDDEN') throw notFound();
      throw e;
    }
  }

  private async decideOn(user: AuthUser, where: string, params: Record<string, string>, actions: MeetingAction[]): Promise<MeetingAccess> {
    const row = await this.meetings
      .createQueryBuilder('m')
      .leftJoin(ParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :uid', { uid: user.id })
      .select('m')
      .addSelect('p.role', 'role')
      .where(where, params)
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
