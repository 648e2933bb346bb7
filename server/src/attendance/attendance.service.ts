import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AttendanceEntry,
  type AttendanceStatus,
  can,
  type CheckInRequest,
  councilCan,
  councilRoleOf,
  type CouncilVotingSettings,
  type CreateSittingRequest,
  type MarkAttendanceRequest,
  type MarkRestAbsentRequest,
  type MeetingRole,
  type MySitting,
  type Quorum,
  quorumRequired,
  type ReportAbsenceRequest,
  type Sitting,
  type SittingAttendance,
  type UpdateVotingSettingsRequest,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import type { Queryable } from '../common/queryable';
import { councilTime, type TableReport } from '../common/table-report';
import {
  countAttendance,
  countVotingMembers,
  findCouncilSettings,
  findEntry,
  findMeetingCouncilId,
  findOpenSitting,
  findOpenSittingTitle,
  findParticipantRole,
  findReportNames,
  findSitting,
  findVotingRight,
  insertSitting,
  isCouncilStaff,
  listEntries,
  listEntriesOf,
  listSittingsOfMeeting,
  listUnmarkedVotingMembers,
  setParticipantVotingRight,
  type SittingRow,
  toEntry,
  toSitting,
  updateCouncilVotingSettings,
  upsertAttendance,
  updateSittingStatus,
} from './attendance.repository';

const newCode = () => String(crypto.randomInt(1000, 10_000));

/** Sittings (phiên), attendance (điểm danh), quorum, seats and voting rights. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
  ) {}

  // ---- council seats and rules ----

  async votingSettings(caller: AuthUser, councilId: string): Promise<CouncilVotingSettings> {
    const staff = !caller.isAdmin && (await isCouncilStaff(this.db, councilId, caller.id));
    if (!councilCan(councilRoleOf(caller.isAdmin, staff), 'council.read')) throw notFound('Council');
    return this.settingsOf(this.db.manager, councilId);
  }

  async updateVotingSettings(caller: AuthUser, councilId: string, req: UpdateVotingSettingsRequest): Promise<CouncilVotingSettings> {
    if (!councilCan(councilRoleOf(caller.isAdmin, false), 'council.setDefaults')) throw forbidden('Only an administrator can set the seats and rules of a council');
    await this.settingsOf(this.db.manager, councilId);
    await updateCouncilVotingSettings(this.db, councilId, req);
    const settings = await this.settingsOf(this.db.manager, councilId);
    await this.audit.record({ userId: caller.id, action: 'council.votingSettings', targetId: councilId, meta: { seats: settings.seats, quorumRule: settings.quorumRule, defaultPassRule: settings.defaultPassRule } });
    return settings;
  }

  /** Seats: the administrator's number, else the delegates (chair included) of the council's latest meeting. */
  async settingsOf(tx: Queryable, councilId: string): Promise<CouncilVotingSettings> {
    const row = await findCouncilSettings(tx, councilId);
    if (!row) throw notFound('Council');
    return {
      councilId,
      seats: row.seats ?? Math.max(1, row.default_seats),
      seatsIsDefault: row.seats === null,
      quorumRule: row.quorum_rule,
      defaultPassRule: row.default_pass_rule,
    };
  }

  async settingsOfMeeting(tx: Queryable, meetingId: string): Promise<CouncilVotingSettings> {
    const councilId = await findMeetingCouncilId(tx, meetingId);
    if (!councilId) throw notFound('Meeting');
    return this.settingsOf(tx, councilId);
  }

  // ---- voting rights ----

  async setVotingRight(caller: AuthUser, meetingId: string, userId: string, votingRight: boolean): Promise<AttendanceEntry> {
    await this.access.require(caller, meetingId, 'attendance.manage');
    const role = await findParticipantRole(this.db, meetingId, userId);
    if (!role) throw notFound('Participant');
    if ((role === 'observer' || role === 'official') && votingRight) throw new DomainError('VALIDATION_FAILED', 'Observers, guests and officials answering questions never vote', [{ path: 'votingRight', message: 'Observers never vote' }]);
    await setParticipantVotingRight(this.db, meetingId, userId, votingRight);
    await this.audit.record({ userId: caller.id, action: 'participant.votingRight', meetingId, targetId: userId, meta: { votingRight } });
    const open = await this.openSitting(this.db.manager, meetingId);
    const row = (await findEntry(this.db, open?.id ?? null, meetingId, userId))!;
    if (open) await this.events.transaction((tx, emit) => this.announceQuorum(tx, emit, open, [row.user_id]));
    return toEntry(row);
  }

  // ---- sittings ----

  async listSittings(caller: AuthUser, meetingId: string): Promise<MySitting[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    const staff = can(role, 'attendance.manage');
    const rows = await listSittingsOfMeeting(this.db, meetingId);
    return Promise.all(
      rows.map(async (r) => {
        const mine = await findEntry(this.db, r.id, meetingId, caller.id);
        return { sitting: toSitting(r, staff), quorum: await this.quorum(this.db.manager, r), mine: mine ? toEntry(mine) : null };
      }),
    );
  }

  async createSitting(caller: AuthUser, meetingId: string, req: CreateSittingRequest): Promise<Sitting> {
    await this.access.require(caller, meetingId, 'attendance.manage');
    return this.events.transaction(async (tx, emit) => {
      const row = await insertSitting(tx, meetingId, req.title, newCode());
      await this.audit.record({ userId: caller.id, action: 'sitting.change', meetingId, targetId: row.id, meta: { status: 'planned' } });
      await emit(meetingId, 'sitting.changed', { sitting: toSitting(row, false), quorum: await this.quorum(tx, row) }, { to: 'all' });
      return toSitting(row, true);
    });
  }

  async openSitting(tx: Queryable, meetingId: string): Promise<SittingRow | null> {
    return (await findOpenSitting(tx, meetingId)) ?? null;
  }

  async changeSitting(caller: AuthUser, sittingId: string, to: 'open' | 'closed'): Promise<Sitting> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    const from = to === 'open' ? 'planned' : 'open';
    if (sitting.status !== from) {
      throw new DomainError(to === 'open' ? 'SITTING_CLOSED' : 'SITTING_NOT_OPEN', to === 'open' ? 'Only a planned sitting can be opened' : 'This sitting is not open');
    }
    const other = to === 'open' ? await findOpenSittingTitle(this.db, sitting.meeting_id) : undefined;
    if (other) throw new DomainError('CONFLICT', `Close the sitting "${other.title}" first`);
    return this.events.transaction(async (tx, emit) => {
      const row = await updateSittingStatus(tx, sittingId, to, from);
      if (!row) throw new DomainError('CONFLICT', 'The sitting changed meanwhile; reload');
      await this.audit.record({ userId: caller.id, action: 'sitting.change', meetingId: row.meeting_id, targetId: row.id, meta: { status: to } });
      await emit(row.meeting_id, 'sitting.changed', { sitting: toSitting(row, false), quorum: await this.quorum(tx, row) }, { to: 'all' });
      return toSitting(row, true);
    });
  }

  // ---- attendance ----

  async attendance(caller: AuthUser, sittingId: string): Promise<SittingAttendance> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    const rows = await listEntries(this.db, sittingId, sitting.meeting_id);
    return { sitting: toSitting(sitting, true), quorum: await this.quorum(this.db.manager, sitting), entries: rows.map(toEntry) };
  }

  /** The delegate taps "Có mặt": in the hall (with the code on the hall screen) or online. */
  async checkIn(caller: AuthUser, sittingId: string, req: CheckInRequest): Promise<MySitting> {
    const sitting = await this.requireSelf(caller, sittingId);
    if (sitting.status !== 'open') throw new DomainError('SITTING_NOT_OPEN', 'Check-in opens when the sitting opens');
    if (req.mode === 'hall' && req.code !== sitting.checkin_code) {
      throw new DomainError('CHECKIN_CODE_WRONG', 'The code does not match the one on the hall screen', [{ path: 'code', message: 'Wrong code' }]);
    }
    await this.write(caller, sitting, [{ userId: caller.id, status: req.mode, excused: false, reason: '' }], 'self', 'attendance.checkin');
    return this.mySitting(caller, sitting);
  }

  /** Báo vắng: before or during the sitting, with a reason the secretariat sees. */
  async reportAbsence(caller: AuthUser, sittingId: string, req: ReportAbsenceRequest): Promise<MySitting> {
    const sitting = await this.requireSelf(caller, sittingId);
    if (sitting.status === 'closed') throw new DomainError('SITTING_CLOSED', 'This sitting has ended');
    await this.write(caller, sitting, [{ userId: caller.id, status: 'absent', excused: true, reason: req.reason }], 'self', 'attendance.absence');
    return this.mySitting(caller, sitting);
  }

  async mark(caller: AuthUser, sittingId: string, req: MarkAttendanceRequest): Promise<SittingAttendance> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    if (sitting.status === 'closed') throw new DomainError('SITTING_CLOSED', 'This sitting has ended; its attendance list is kept as it was');
    const ids = [...new Set(req.entries.map((e) => e.userId))];
    if (ids.length !== req.entries.length) throw new DomainError('VALIDATION_FAILED', 'A person appears twice in the list');
    const n = await countVotingMembers(this.db, sitting.meeting_id, ids);
    if (n !== ids.length) throw new DomainError('VALIDATION_FAILED', 'Only voting members of this meeting are on the attendance list', [{ path: 'entries', message: 'Unknown person' }]);
    await this.write(caller, sitting, req.entries, 'secretariat', 'attendance.mark');
    return this.attendance(caller, sittingId);
  }

  /** Everyone not yet marked is marked absent (vắng), in one step. */
  async markRestAbsent(caller: AuthUser, sittingId: string, req: MarkRestAbsentRequest): Promise<SittingAttendance> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    if (sitting.status === 'closed') throw new DomainError('SITTING_CLOSED', 'This sitting has ended; its attendance list is kept as it was');
    const rest = await listUnmarkedVotingMembers(this.db, sitting.meeting_id, sittingId);
    if (rest.length) {
      await this.write(caller, sitting, rest.map((r) => ({ userId: r.user_id, status: 'absent' as const, excused: req.excused, reason: req.reason })), 'secretariat', 'attendance.mark');
    }
    return this.attendance(caller, sittingId);
  }

  async quorum(tx: Queryable, sitting: { id: string; meeting_id: string }): Promise<Quorum> {
    const settings = await this.settingsOfMeeting(tx, sitting.meeting_id);
    const c = await countAttendance(tx, sitting.id, sitting.meeting_id);
    const present = c.hall + c.online;
    const required = quorumRequired(settings.quorumRule, settings.seats);
    return { sittingId: sitting.id, seats: settings.seats, present, hall: c.hall, online: c.online, absent: c.absent, rule: settings.quorumRule, required, met: present >= required };
  }

  async namesOf(meetingId: string): Promise<ReportNames> {
    const r = await findReportNames(this.db, meetingId);
    return { councilName: r.name, meetingTitle: r.title, timeZone: r.time_zone };
  }

  async findSitting(sittingId: string): Promise<SittingRow> {
    const row = await findSitting(this.db, sittingId);
    if (!row) throw notFound('Sitting');
    return row;
  }

  private async requireSelf(caller: AuthUser, sittingId: string): Promise<SittingRow> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.self');
    const sitting = await this.findSitting(sittingId);
    const p = await findVotingRight(this.db, sitting.meeting_id, caller.id);
    if (!p?.voting_right) throw new DomainError('NO_VOTING_RIGHT', 'Only voting members check in to a sitting');
    return sitting;
  }

  private async mySitting(caller: AuthUser, sitting: SittingRow): Promise<MySitting> {
    const mine = (await findEntry(this.db, sitting.id, sitting.meeting_id, caller.id))!;
    return { sitting: toSitting(sitting, false), quorum: await this.quorum(this.db.manager, sitting), mine: toEntry(mine) };
  }

  private async write(
    caller: AuthUser,
    sitting: SittingRow,
    entries: { userId: string; status: AttendanceStatus; excused: boolean; reason: string }[],
    source: 'self' | 'secretariat',
    action: 'attendance.mark' | 'attendance.checkin' | 'attendance.absence',
  ): Promise<void> {
    await this.events.transaction(async (tx, emit) => {
      await upsertAttendance(tx, sitting.id, source, caller.id, entries);
      await this.audit.record({ userId: caller.id, action, meetingId: sitting.meeting_id, targetId: sitting.id, meta: { count: entries.length, status: entries.length === 1 ? entries[0].status : null } });
      await this.announceQuorum(tx, emit, sitting, entries.map((e) => e.userId), source === 'self' ? [caller.id] : []);
    });
  }

  /** The changed entries to staff (and to the person themselves), the quorum to everyone. */
  private async announceQuorum(tx: Queryable, emit: EmitFn, sitting: { id: string; meeting_id: string }, userIds: string[], alsoTo: string[] = []): Promise<void> {
    const rows = await listEntriesOf(tx, sitting.id, sitting.meeting_id, userIds);
    await emit(sitting.meeting_id, 'attendance.changed', { sittingId: sitting.id, entries: rows.map(toEntry) }, { to: 'staff', userIds: alsoTo });
    await emit(sitting.meeting_id, 'quorum.changed', { quorum: await this.quorum(tx, sitting) }, { to: 'all' });
  }
}

/** The council and meeting a report names, and the council's time zone. */
export interface ReportNames {
  councilName: string;
  meetingTitle: string;
  timeZone: string;
}

const STATUS_LABEL: Record<AttendanceStatus, string> = { hall: 'Có mặt tại hội trường', online: 'Tham dự trực tuyến', absent: 'Vắng mặt' };
const ROLE_LABEL: Record<MeetingRole, string> = { chair: 'Chủ tọa', secretary: 'Thư ký', delegate: 'Đại biểu', observer: 'Khách mời', official: 'Người trả lời chất vấn' };

/** The attendance list of a sitting for the minutes: who, how, when, reason. */
export function attendanceReport({ councilName, meetingTitle, timeZone }: ReportNames, a: SittingAttendance): TableReport {
  const q = a.quorum;
  const voting = a.entries.filter((e) => e.votingRight);
  const at = councilTime(timeZone);
  return {
    councilName,
    timeZone,
    title: 'DANH SÁCH',
    subtitle: `Điểm danh đại biểu ${a.sitting.title}, ${meetingTitle}`,
    summary: [
      `Tổng số đại biểu: ${q.seats}. Có mặt: ${q.present} (tại hội trường ${q.hall}, trực tuyến ${q.online}). Vắng mặt: ${q.absent}.`,
      `Số đại biểu cần có mặt: ${q.required}. ${q.met ? 'Đủ số đại biểu theo quy định.' : 'Chưa đủ số đại biểu theo quy định.'}`,
    ],
    columns: ['STT', 'Họ và tên', 'Đơn vị', 'Vai trò', 'Tình trạng', 'Lý do', 'Ghi nhận bởi', 'Thời điểm'],
    rows: voting.map((e, i) => [
      i + 1,
      e.fullName,
      e.unit,
      ROLE_LABEL[e.role],
      e.status ? (e.status === 'absent' ? (e.excused ? 'Vắng có lý do' : 'Vắng không lý do') : STATUS_LABEL[e.status]) : 'Chưa điểm danh',
      e.reason,
      e.source === 'self' ? 'Đại biểu' : e.source === 'secretariat' ? 'Tổ thư ký' : '',
      e.at ? at(e.at) : '',
    ]),
    fileName: `Điểm danh - ${a.sitting.title}`,
  };
}
