import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError } from 'typeorm';
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
import { CouncilEntity } from '../councils/council.entity';
import { findCouncil, isCouncilStaff } from '../councils/councils.repository';
import { MeetingEventsService } from '../events/meeting-events.service';
import { AgendaService } from './agenda.service';
import type { MeetingEntity } from './meeting.entity';
import { documentsReleased, MeetingAccessService } from './meeting-access.service';
import {
  changeMeetingStatus,
  insertMeeting,
  listMeetingsFor,
  meetingExists,
  setCurrentAgendaItem,
  toMeetingEntity,
  updateMeetingFields,
} from './meetings.repository';
import { upsertParticipant } from './participants.repository';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly agenda: AgendaService,
    private readonly events: MeetingEventsService,
  ) {}

  async listMine(caller: AuthUser): Promise<MeetingSummary[]> {
    // participants only (drafts only for those who prepare them), unless the permission table lets the caller read every meeting
    const rows = await listMeetingsFor(this.db, caller.id, !adminCan(caller.isAdmin, 'meeting.read'));
    return rows.map((r) => toSummary(toMeetingEntity(r), { name: r.council_name, timeZone: r.council_time_zone }, r.my_role));
  }

  async create(caller: AuthUser, req: CreateMeetingRequest): Promise<MeetingDetail> {
    const council = await findCouncil(this.db.manager, req.councilId);
    if (!council) throw new DomainError('VALIDATION_FAILED', 'This council does not exist', [{ path: 'councilId', message: 'Unknown council' }]);
    const isStaff = await isCouncilStaff(this.db.manager, caller.id, council.id);
    if (!councilCan(councilRoleOf(caller.isAdmin, isStaff), 'council.createMeeting')) throw forbidden("Only the council's secretariat can create its meetings");
    const meetingId = await this.db.transaction(async (tx) => {
      const id = await insertMeeting(tx, {
        councilId: council.id,
        title: req.title,
        kind: req.kind,
        location: req.location,
        startsAt: new Date(req.startsAt),
        releaseAt: new Date(req.releaseAt),
        commentDeadline: new Date(req.commentDeadline),
      });
      await upsertParticipant(tx, id, caller.id, 'secretary', '');
      return id;
    });
    return this.get(caller, meetingId);
  }

  async get(caller: AuthUser, id: string): Promise<MeetingDetail> {
    const { meeting, role } = await this.access.require(caller, id, 'meeting.read');
    const council = await findCouncil(this.db.manager, meeting.councilId);
    if (!council) throw new EntityNotFoundError(CouncilEntity, { id: meeting.councilId });
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
      await updateMeetingFields(tx, meeting);
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
      if (!(await changeMeetingStatus(tx, id, meeting.status, status))) throw new DomainError('CONFLICT', 'The meeting changed meanwhile; reload and try again');
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
      await setCurrentAgendaItem(tx, id, agendaItemId);
      await emit(id, 'meeting.updated', { meetingId: id, status: meeting.status, currentAgendaItemId: agendaItemId }, { to: 'all' });
    });
    return this.get(caller, id);
  }

  async exists(id: string): Promise<boolean> {
    return meetingExists(this.db, id);
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
