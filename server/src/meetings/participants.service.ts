import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { AddParticipantRequest, MeetingRole, Participant } from '@hopso/shared';
import { DomainError, notFound } from '../common/domain-error';
import { UserEntity } from '../users/user.entity';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from './meeting-access.service';
import { ParticipantEntity } from './participant.entity';

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  async list(caller: AuthUser, meetingId: string): Promise<Participant[]> {
    const { role } = await this.access.require(caller, meetingId, 'participants.read');
    const staffView = caller.isAdmin || role === 'chair' || role === 'secretary';
    const rows = await this.participants
      .createQueryBuilder('p')
      .innerJoin(UserEntity, 'u', 'u.id = p.user_id')
      .select(['p.user_id AS user_id', 'p.role AS role', 'p.unit AS unit', 'u.full_name AS full_name', 'u.username AS username', 'u.phone AS phone'])
      .where('p.meeting_id = :meetingId', { meetingId })
      .orderBy("CASE p.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END")
      .addOrderBy('u.full_name')
      .getRawMany<{ user_id: string; role: MeetingRole; unit: string; full_name: string; username: string; phone: string | null }>();
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      username: r.username,
      // colleagues see names and roles; contact details are for the secretariat
      phone: staffView ? r.phone : null,
      role: r.role,
      unit: r.unit,
    }));
  }

  async add(caller: AuthUser, meetingId: string, req: AddParticipantRequest): Promise<Participant[]> {
    await this.access.require(caller, meetingId, 'participants.write');
    if (!(await this.users.existsBy({ id: req.userId }))) throw new DomainError('VALIDATION_FAILED', 'This person has no account');
    if (await this.participants.existsBy({ meetingId, userId: req.userId })) {
      throw new DomainError('CONFLICT', 'This person already takes part in the meeting; change their role instead');
    }
    await this.events.transaction((tx, emit) => this.writeRole(tx, emit, meetingId, req.userId, req.role));
    return this.list(caller, meetingId);
  }

  async changeRole(caller: AuthUser, meetingId: string, userId: string, role: MeetingRole): Promise<Participant[]> {
    await this.access.require(caller, meetingId, 'participants.write');
    const p = await this.participants.findOneBy({ meetingId, userId });
    if (!p) throw notFound('Participant');
    if (p.role === 'secretary' && role !== 'secretary') await this.assertNotLastSecretary(meetingId);
    await this.events.transaction((tx, emit) => this.writeRole(tx, emit, meetingId, userId, role));
    return this.list(caller, meetingId);
  }

  async remove(caller: AuthUser, meetingId: string, userId: string): Promise<void> {
    await this.access.require(caller, meetingId, 'participants.write');
    const p = await this.participants.findOneBy({ meetingId, userId });
    if (!p) throw notFound('Participant');
    if (p.role === 'secretary') await this.assertNotLastSecretary(meetingId);
    await this.events.transaction((tx, emit) => this.writeRole(tx, emit, meetingId, userId, null));
  }

  /**
   * The one way a person's place in a meeting changes (added, another role, removed with null),
   * by hand or by the participant import: the row and its `participant.changed` event in the
   * caller's transaction. Every server process moves that person's sockets from the event
   * (realtime/meeting-stream.ts), in sequence with everything else the meeting does.
   * Rules (the last secretary) are the caller's to check first.
   */
  async writeRole(tx: EntityManager, emit: EmitFn, meetingId: string, userId: string, role: MeetingRole | null, unit?: string): Promise<void> {
    if (role === null) await tx.delete(ParticipantEntity, { meetingId, userId });
    else {
      await tx.query(
        `INSERT INTO meeting_participants (meeting_id, user_id, role, unit) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET role = EXCLUDED.role, unit = COALESCE($5, meeting_participants.unit)`,
        [meetingId, userId, role, unit ?? '', unit ?? null],
      );
    }
    await emit(meetingId, 'participant.changed', { meetingId, userId, role }, { to: 'all' });
  }

  /** A meeting without a secretary could no longer be managed by anyone but an administrator. */
  private async assertNotLastSecretary(meetingId: string): Promise<void> {
    if ((await this.participants.countBy({ meetingId, role: 'secretary' })) <= 1) {
      throw new DomainError('CONFLICT', 'A meeting needs at least one secretary; add another secretary first');
    }
  }
}
