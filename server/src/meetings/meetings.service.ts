import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  adminCan,
  type ChangeMeetingStatusRequest,
  councilCan,
  councilRoleOf,
  type CreateMeetingRequest,
  MEETING_TRANSITIONS,
  type MeetingDetail,
  type MeetingEdit,
  type MeetingRole,
  type MeetingSummary,
  type UpdateMeetingRequest,
} from '@hopso/shared';
import { DomainError, forbidden } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { CouncilEntity, CouncilStaffEntity } from '../councils/council.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { AgendaService } from './agenda.service';
import { MeetingEntity } from './meeting.entity';
import { documentsReleased, MeetingAccessService } from './meeting-access.service';
import { ParticipantEntity } from './participant.entity';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(CouncilEntity) private readonly councils: Repository<CouncilEntity>,
    private readonly access: MeetingAccessService,
    private readonly agenda: AgendaService,
    private readonly events: MeetingEventsService,
  ) {}

  async listMine(caller: AuthUser): Promise<MeetingSummary[]> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .innerJoin(CouncilEntity, 'c', 'c.id = m.council_id')
      .leftJoin(ParticipantEntity, 'p', 'p.meeting_id = m.id AND p.user_id = :uid', { uid: caller.id })
      .select('m')
      .addSelect(['c.name AS council_name', 'c.time_zone AS council_time_zone', 'p.role AS my_role'])
      .orderBy('m.starts_at', 'DESC');
    if (!adminCan(caller.isAdmin, 'meeting.read')) {
      // participants only; drafts only for those who prepare them
      qb.where("p.role IS NOT NULL AND (m.status <> 'draft' OR p.role IN ('chair', 'secretary'))");
    }
    const { entities, raw } = await qb.getRawAndEntities<{ council_name: string; council_time_zone: string; my_role: MeetingRole | null }>();
    return entities.map((m, i) => toSummary(m, { name: raw[i].council_name, timeZone: raw[i].council_time_zone }, raw[i].my_role));
  }

  async create(caller: AuthUser, req: CreateMeetingRequest): Promise<MeetingDetail> {
    const council = await this.councils.findOneBy({ id: req.councilId });
    if (!council) throw new DomainError('VALIDATION_FAILED', 'This council does not exist', [{ path: 'councilId', message: 'Unknown council' }]);
    const isStaff = await this.db.getRepository(CouncilStaffEntity).existsBy({ councilId: council.id, userId: caller.id });
    if (!councilCan(councilRoleOf(caller.isAdmin, isStaff), 'council.createMeeting')) throw forbidden("Only the council's secretariat can create its meetings");
    const meeting = await this.db.transaction(async (tx) => {
      const m = await tx.save(
        tx.create(MeetingEntity, {
          councilId: council.id,
          title: req.title,
          kind: req.kind,
          status: 'draft',
          location: req.location,
          startsAt: new Date(req.startsAt),
          releaseAt: new Date(req.releaseAt),
          commentDeadline: new Date(req.commentDeadline),
        }),
      );
      await tx.insert(ParticipantEntity, { meetingId: m.id, userId: caller.id, role: 'secretary', unit: '' });
      return m;
    });
    return this.get(caller, meeting.id);
  }

  async get(caller: AuthUser, id: string): Promise<MeetingDetail> {
    const { meeting, role } = await this.access.require(caller, id, 'meeting.read');
    const council = await this.councils.findOneByOrFail({ id: meeting.councilId });
    return { ...toSummary(meeting, council, role), agenda: await this.agenda.list(meeting.id) };
  }

  async update(caller: AuthUser, id: string, req: UpdateMeetingRequest): Promise<MeetingDetail> {
    const { meeting } = await this.access.require(caller, id, 'meeting.update');
    if (req.title !== undefined) meeting.title = req.title;
    if (req.kind !== undefined) meeting.kind = req.kind;
    if (req.location !== undefined) meeting.location = req.location;
    if (req.startsAt !== undefined) meeting.startsAt = new Date(req.startsAt);
    if (req.releaseAt !== undefined) meeting.releaseAt = new Date(req.releaseAt);
    if (req.commentDeadline !== undefined) meeting.commentDeadline = new Date(req.commentDeadline);
    if (meeting.commentDeadline < meeting.releaseAt) {
      throw new DomainError('VALIDATION_FAILED', 'The comment deadline must be after the release time', [
        { path: 'commentDeadline', message: 'Must be after the release time' },
      ]);
    }
    await this.events.transaction(async (tx, emit) => {
      await tx.save(meeting);
      await emit(id, 'meeting.edited', { meeting: toEdit(meeting) }, { to: 'all' });
    });
    return this.get(caller, id);
  }

  async changeStatus(caller: AuthUser, id: string, { status }: ChangeMeetingStatusRequest): Promise<MeetingDetail> {
    const { meeting } = await this.access.require(caller, id, 'meeting.update');
    if (!MEETING_TRANSITIONS[meeting.status].includes(status)) {
      throw new DomainError('CONFLICT', `A meeting that is ${meeting.status} cannot become ${status}`);
    }
    await this.events.transaction(async (tx, emit) => {
      // conditional update: two secretaries clicking at once cannot both move it
      const result = await tx.update(MeetingEntity, { id, status: meeting.status }, { status });
      if (result.affected !== 1) throw new DomainError('CONFLICT', 'The meeting changed meanwhile; reload and try again');
      await emit(id, 'meeting.updated', { meetingId: id, status, currentAgendaItemId: meeting.currentAgendaItemId }, { to: 'all' });
    });
    return this.get(caller, id);
  }

  /** The chair moves the session to an agenda item (or to none); every screen follows. */
  async setCurrentItem(caller: AuthUser, id: string, agendaItemId: string | null): Promise<MeetingDetail> {
    const { meeting } = await this.access.require(caller, id, 'meeting.update');
    if (agendaItemId && !(await this.agenda.belongsTo(id, agendaItemId))) {
      throw new DomainError('VALIDATION_FAILED', 'This agenda item does not belong to the meeting', [{ path: 'agendaItemId', message: 'Unknown agenda item' }]);
    }
    await this.events.transaction(async (tx, emit) => {
      await tx.update(MeetingEntity, { id }, { currentAgendaItemId: agendaItemId });
      await emit(id, 'meeting.updated', { meetingId: id, status: meeting.status, currentAgendaItemId: agendaItemId }, { to: 'all' });
    });
    return this.get(caller, id);
  }

  async exists(id: string): Promise<boolean> {
    return this.meetings.existsBy({ id });
  }
}

function toEdit(m: MeetingEntity): MeetingEdit {
  return {
    meetingId: m.id,
    title: m.title,
    kind: m.kind,
    location: m.location,
    startsAt: m.startsAt.toISOString(),
    releaseAt: m.releaseAt.toISOString(),
    commentDeadline: m.commentDeadline.toISOString(),
  };
}

function toSummary(m: MeetingEntity, council: { name: string; timeZone: string }, myRole: MeetingRole | null): MeetingSummary {
  return {
    id: m.id,
    councilId: m.councilId,
    councilName: council.name,
    councilTimeZone: council.timeZone,
    title: m.title,
    kind: m.kind,
    status: m.status,
    location: m.location,
    startsAt: m.startsAt.toISOString(),
    releaseAt: m.releaseAt.toISOString(),
    commentDeadline: m.commentDeadline.toISOString(),
    myRole,
    released: documentsReleased(m),
    currentAgendaItemId: m.currentAgendaItemId,
  };
}
