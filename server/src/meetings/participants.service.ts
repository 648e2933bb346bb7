import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { adminCan, can, canChangeParticipant, type AddParticipantRequest, type MeetingRole, type Participant } from '@hopso/shared';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { findUserFullName } from '../users/users.repository';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from './meeting-access.service';
import {
  countSecretaries,
  deleteParticipant,
  findParticipant,
  listParticipantsOfMeeting,
  updateParticipantUnit,
  upsertParticipant,
} from './participants.repository';

/** Where a participant change came from, kept in the audit log. */
export type ParticipantChangeSource = 'manual' | 'import';

/**
 * Who takes part in a meeting and in which role. Every change, by hand or by import, goes through
 * `setRole`/`remove`: the same permission check, the same last-secretary rule, the same audit entry
 * and the same membership event (which moves sockets between rooms).
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, meetingId: string): Promise<Participant[]> {
    const { role } = await this.access.require(caller, meetingId, 'participants.read');
    // colleagues see names and roles; contact details are for the secretariat (shared/src/roles.ts)
    const seesContacts = can(role, 'participants.readContacts') || adminCan(caller.isAdmin, 'participants.readContacts');
    const rows = await listParticipantsOfMeeting(this.db, meetingId);
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      username: r.username,
      phone: seesContacts ? r.phone : null,
      role: r.role,
      unit: r.unit,
    }));
  }

  async add(caller: AuthUser, meetingId: string, req: AddParticipantRequest): Promise<Participant[]> {
    await this.requireWrite(caller, meetingId, req.userId);
    if (await findParticipant(this.db, meetingId, req.userId)) {
      throw new DomainError('CONFLICT', 'This person already takes part in the meeting; change their role instead', undefined, { code: 'ALREADY_PARTICIPANT' });
    }
    await this.events.transaction((tx, emit) => this.setRole(caller, meetingId, req.userId, req.role, undefined, 'manual', tx, emit));
    return this.list(caller, meetingId);
  }

  async changeRole(caller: AuthUser, meetingId: string, userId: string, role: MeetingRole): Promise<Participant[]> {
    await this.requireWrite(caller, meetingId, userId);
    if (!(await findParticipant(this.db, meetingId, userId))) throw notFound('Participant');
    await this.events.transaction((tx, emit) => this.setRole(caller, meetingId, userId, role, undefined, 'manual', tx, emit));
    return this.list(caller, meetingId);
  }

  async remove(caller: AuthUser, meetingId: string, userId: string): Promise<void> {
    await this.requireWrite(caller, meetingId, userId);
    const p = await findParticipant(this.db, meetingId, userId);
    if (!p) throw notFound('Participant');
    const name = await this.nameOf(userId);
    await this.events.transaction(async (tx, emit) => {
      if (p.role === 'secretary') await this.assertNotLastSecretary(tx, meetingId);
      await this.writeRole(tx, emit, meetingId, userId, null);
    });
    await this.audit.record({ userId: caller.id, action: 'participant.removed', meetingId, targetId: userId, meta: { ...name, role: p.role } });
  }

  /** participants.write on the meeting, and the rule about changing oneself (shared/src/roles.ts). */
  async requireWrite(caller: AuthUser, meetingId: string, targetUserId: string): Promise<void> {
    const { role } = await this.access.require(caller, meetingId, 'participants.write');
    if (!canChangeParticipant(role, caller.isAdmin, targetUserId === caller.id)) {
      throw forbidden('An administrator cannot add themselves to a meeting or change their own part in it; ask its secretariat');
    }
  }

  /**
   * Adds the person or changes their role (and unit, when given): the one write behind the form and
   * the import, inside the caller's transaction. Callers check `requireWrite` first. Refuses to take
   * the last secretary away.
   */
  async setRole(
    caller: AuthUser,
    meetingId: string,
    userId: string,
    role: MeetingRole,
    unit: string | undefined,
    source: ParticipantChangeSource,
    tx: EntityManager,
    emit: EmitFn,
  ): Promise<'added' | 'updated'> {
    const existing = await findParticipant(tx, meetingId, userId);
    if (existing) {
      if (existing.role === role) {
        if (unit && unit !== existing.unit) await updateParticipantUnit(tx, meetingId, userId, unit);
        return 'updated';
      }
      if (existing.role === 'secretary') await this.assertNotLastSecretary(tx, meetingId);
      await this.writeRole(tx, emit, meetingId, userId, role, unit || undefined);
      await this.audit.record({ userId: caller.id, action: 'participant.roleChanged', meetingId, targetId: userId, meta: { ...(await this.nameOf(userId, tx)), role, fromRole: existing.role, source } }, tx);
      return 'updated';
    }
    await this.writeRole(tx, emit, meetingId, userId, role, unit);
    await this.audit.record({ userId: caller.id, action: 'participant.added', meetingId, targetId: userId, meta: { ...(await this.nameOf(userId, tx)), role, source } }, tx);
    return 'added';
  }

  /**
   * The one way a person's place in a meeting is written (added, another role, removed with null):
   * the row and its `participant.changed` event in the caller's transaction. Every server process
   * moves that person's sockets from the event (realtime/meeting-stream.ts), in sequence with
   * everything else the meeting does. Rules (the last secretary) are the caller's to check first.
   */
  async writeRole(tx: EntityManager, emit: EmitFn, meetingId: string, userId: string, role: MeetingRole | null, unit?: string): Promise<void> {
    if (role === null) await deleteParticipant(tx, meetingId, userId);
    else await upsertParticipant(tx, meetingId, userId, role, unit);
    await emit(meetingId, 'participant.changed', { meetingId, userId, role }, { to: 'all' });
  }

  /** `db` is the caller's transaction when there is one: an account the import just made is visible only there. */
  private async nameOf(userId: string, db: EntityManager = this.db.manager): Promise<{ name: string }> {
    return { name: (await findUserFullName(db, userId)) ?? '' };
  }

  /** A meeting without a secretary could no longer be managed by anyone but an administrator. */
  private async assertNotLastSecretary(db: EntityManager, meetingId: string): Promise<void> {
    if ((await countSecretaries(db, meetingId)) <= 1) {
      throw new DomainError('CONFLICT', 'A meeting needs at least one secretary; add another secretary first', undefined, { code: 'LAST_SECRETARY' });
    }
  }
}
