import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
  type PassRule,
  type Quorum,
  quorumRequired,
  type QuorumRule,
  type ReportAbsenceRequest,
  type Sitting,
  type SittingAttendance,
  type SittingStatus,
  type UpdateVotingSettingsRequest,
} from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { updateReturning } from '../common/update-returning';
import { hasVotingRightSql } from './voting-right';
import { councilTime, type TableReport } from '../common/table-report';

interface SittingRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  status: SittingStatus;
  checkin_code: string;
  opened_at: Date | null;
  closed_at: Date | null;
}

interface EntryRow {
  user_id: string;
  full_name: string;
  unit: string;
  role: MeetingRole;
  voting_right: boolean;
  status: AttendanceStatus | null;
  excused: boolean | null;
  reason: string | null;
  source: 'self' | 'secretariat' | null;
  at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toSitting = (r: SittingRow, withCode: boolean): Sitting => ({
  id: r.id,
  meetingId: r.meeting_id,
  position: r.position,
  title: r.title,
  status: r.status,
  openedAt: iso(r.opened_at),
  closedAt: iso(r.closed_at),
  ...(withCode ? { checkinCode: r.checkin_code } : {}),
});

const toEntry = (r: EntryRow): AttendanceEntry => ({
  userId: r.user_id,
  fullName: r.full_name,
  unit: r.unit,
  role: r.role,
  votingRight: r.voting_right,
  status: r.status,
  excused: r.excused ?? false,
  reason: r.reason ?? '',
  source: r.source,
  at: iso(r.at),
});

const SELECT_ENTRIES = `
  SELECT p.user_id, u.full_name, p.unit, p.role, ${hasVotingRightSql('p')} AS voting_right,
         a.status, a.excused, a.reason, a.source, a.at
    FROM meeting_participants p JOIN users u ON u.id = p.user_id
    LEFT JOIN attendance a ON a.sitting_id = $1 AND a.user_id = p.user_id
   WHERE p.meeting_id = $2 AND p.role NOT IN ('observer', 'official')`;

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
    const staff = !caller.isAdmin && (await this.db.query('SELECT 1 FROM council_staff WHERE council_id = $1 AND user_id = $2', [councilId, caller.id])).length > 0;
    if (!councilCan(councilRoleOf(caller.isAdmin, staff), 'council.read')) throw notFound('Council');
    return this.settingsOf(this.db.manager, councilId);
  }

  async updateVotingSettings(caller: AuthUser, councilId: string, req: UpdateVotingSettingsRequest): Promise<CouncilVotingSettings> {
    if (!councilCan(councilRoleOf(caller.isAdmin, false), 'council.setDefaults')) throw forbidden('Only an administrator can set the seats and rules of a council');
    await this.settingsOf(this.db.manager, councilId);
    await this.db.query(
      `UPDATE councils SET seats = CASE WHEN $2 THEN $3::int ELSE seats END, quorum_rule = COALESCE($4, quorum_rule), default_pass_rule = COALESCE($5, default_pass_rule) WHERE id = $1`,
      [councilId, req.seats !== undefined, req.seats ?? null, req.quorumRule ?? null, req.defaultPassRule ?? null],
    );
    const settings = await this.settingsOf(this.db.manager, councilId);
    await this.audit.record({ userId: caller.id, action: 'council.votingSettings', targetId: councilId, meta: { seats: settings.seats, quorumRule: settings.quorumRule, defaultPassRule: settings.defaultPassRule } });
    return settings;
  }

  /** Seats: the administrator's number, else the delegates (chair included) of the council's latest meeting. */
  async settingsOf(tx: EntityManager, councilId: string): Promise<CouncilVotingSettings> {
    const [row]: { seats: number | null; quorum_rule: QuorumRule; default_pass_rule: PassRule; default_seats: number }[] = await tx.query(
      `SELECT c.seats, c.quorum_rule, c.default_pass_rule,
              (SELECT count(*)::int FROM meeting_participants p
                WHERE p.role IN ('chair', 'delegate')
                  AND p.meeting_id = (SELECT m.id FROM meetings m WHERE m.council_id = c.id ORDER BY m.starts_at DESC, m.created_at DESC LIMIT 1)) AS default_seats
         FROM councils c WHERE c.id = $1`,
      [councilId],
    );
    if (!row) throw notFound('Council');
    return {
      councilId,
      seats: row.seats ?? Math.max(1, row.default_seats),
      seatsIsDefault: row.seats === null,
      quorumRule: row.quorum_rule,
      defaultPassRule: row.default_pass_rule,
    };
  }

  async settingsOfMeeting(tx: EntityManager, meetingId: string): Promise<CouncilVotingSettings> {
    const [m]: { council_id: string }[] = await tx.query('SELECT council_id FROM meetings WHERE id = $1', [meetingId]);
    if (!m) throw notFound('Meeting');
    return this.settingsOf(tx, m.council_id);
  }

  // ---- voting rights ----

  async setVotingRight(caller: AuthUser, meetingId: string, userId: string, votingRight: boolean): Promise<AttendanceEntry> {
    await this.access.require(caller, meetingId, 'attendance.manage');
    const [p]: { role: MeetingRole }[] = await this.db.query('SELECT role FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId]);
    if (!p) throw notFound('Participant');
    if ((p.role === 'observer' || p.role === 'official') && votingRight) throw new DomainError('VALIDATION_FAILED', 'Observers, guests and officials answering questions never vote', [{ path: 'votingRight', message: 'Observers never vote' }]);
    await this.db.query('UPDATE meeting_participants SET voting_right = $3 WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId, votingRight]);
    await this.audit.record({ userId: caller.id, action: 'participant.votingRight', meetingId, targetId: userId, meta: { votingRight } });
    const open = await this.openSitting(this.db.manager, meetingId);
    const [row]: EntryRow[] = await this.db.query(`${SELECT_ENTRIES} AND p.user_id = $3`, [open?.id ?? null, meetingId, userId]);
    if (open) await this.events.transaction((tx, emit) => this.announceQuorum(tx, emit, open, [row.user_id]));
    return toEntry(row);
  }

  // ---- sittings ----

  async listSittings(caller: AuthUser, meetingId: string): Promise<MySitting[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    const staff = can(role, 'attendance.manage');
    const rows: SittingRow[] = await this.db.query('SELECT * FROM sittings WHERE meeting_id = $1 ORDER BY position', [meetingId]);
    return Promise.all(
      rows.map(async (r) => {
        const [mine]: EntryRow[] = await this.db.query(`${SELECT_ENTRIES} AND p.user_id = $3`, [r.id, meetingId, caller.id]);
        return { sitting: toSitting(r, staff), quorum: await this.quorum(this.db.manager, r), mine: mine ? toEntry(mine) : null };
      }),
    );
  }

  async createSitting(caller: AuthUser, meetingId: string, req: CreateSittingRequest): Promise<Sitting> {
    await this.access.require(caller, meetingId, 'attendance.manage');
    return this.events.transaction(async (tx, emit) => {
      const [row]: SittingRow[] = await tx.query(
        `INSERT INTO sittings (meeting_id, position, title, checkin_code)
         VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM sittings WHERE meeting_id = $1), $2, $3) RETURNING *`,
        [meetingId, req.title, newCode()],
      );
      await this.audit.record({ userId: caller.id, action: 'sitting.change', meetingId, targetId: row.id, meta: { status: 'planned' } });
      await emit(meetingId, 'sitting.changed', { sitting: toSitting(row, false), quorum: await this.quorum(tx, row) }, { to: 'all' });
      return toSitting(row, true);
    });
  }

  async openSitting(tx: EntityManager, meetingId: string): Promise<SittingRow | null> {
    const [row]: SittingRow[] = await tx.query(`SELECT * FROM sittings WHERE meeting_id = $1 AND status = 'open'`, [meetingId]);
    return row ?? null;
  }

  async changeSitting(caller: AuthUser, sittingId: string, to: 'open' | 'closed'): Promise<Sitting> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    const from = to === 'open' ? 'planned' : 'open';
    if (sitting.status !== from) {
      throw new DomainError(to === 'open' ? 'SITTING_CLOSED' : 'SITTING_NOT_OPEN', to === 'open' ? 'Only a planned sitting can be opened' : 'This sitting is not open');
    }
    const [other] = to === 'open' ? await this.db.query(`SELECT title FROM sittings WHERE meeting_id = $1 AND status = 'open'`, [sitting.meeting_id]) : [];
    if (other) throw new DomainError('CONFLICT', `Close the sitting "${other.title}" first`);
    return this.events.transaction(async (tx, emit) => {
      const [row] = await updateReturning<SittingRow>(
        tx,
        `UPDATE sittings SET status = $2, opened_at = CASE WHEN $2 = 'open' THEN now() ELSE opened_at END,
                closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END WHERE id = $1 AND status = $3 RETURNING *`,
        [sittingId, to, from],
      );
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
    const rows: EntryRow[] = await this.db.query(`${SELECT_ENTRIES} ORDER BY u.full_name, p.user_id`, [sittingId, sitting.meeting_id]);
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
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = ANY($2) AND ${hasVotingRightSql('p')}`, [sitting.meeting_id, ids]);
    if (n !== ids.length) throw new DomainError('VALIDATION_FAILED', 'Only voting members of this meeting are on the attendance list', [{ path: 'entries', message: 'Unknown person' }]);
    await this.write(caller, sitting, req.entries, 'secretariat', 'attendance.mark');
    return this.attendance(caller, sittingId);
  }

  /** Everyone not yet marked is marked absent (vắng), in one step. */
  async markRestAbsent(caller: AuthUser, sittingId: string, req: MarkRestAbsentRequest): Promise<SittingAttendance> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.manage');
    const sitting = await this.findSitting(sittingId);
    if (sitting.status === 'closed') throw new DomainError('SITTING_CLOSED', 'This sitting has ended; its attendance list is kept as it was');
    const rest: { user_id: string }[] = await this.db.query(
      `SELECT p.user_id FROM meeting_participants p WHERE p.meeting_id = $1 AND ${hasVotingRightSql('p')}
          AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = $2 AND a.user_id = p.user_id)`,
      [sitting.meeting_id, sittingId],
    );
    if (rest.length) {
      await this.write(caller, sitting, rest.map((r) => ({ userId: r.user_id, status: 'absent' as const, excused: req.excused, reason: req.reason })), 'secretariat', 'attendance.mark');
    }
    return this.attendance(caller, sittingId);
  }

  async quorum(tx: EntityManager, sitting: { id: string; meeting_id: string }): Promise<Quorum> {
    const settings = await this.settingsOfMeeting(tx, sitting.meeting_id);
    const [c]: { hall: number; online: number; absent: number }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE a.status = 'hall')::int AS hall, count(*) FILTER (WHERE a.status = 'online')::int AS online,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM meeting_participants p JOIN attendance a ON a.sitting_id = $1 AND a.user_id = p.user_id
        WHERE p.meeting_id = $2 AND ${hasVotingRightSql('p')}`,
      [sitting.id, sitting.meeting_id],
    );
    const present = c.hall + c.online;
    const required = quorumRequired(settings.quorumRule, settings.seats);
    return { sittingId: sitting.id, seats: settings.seats, present, hall: c.hall, online: c.online, absent: c.absent, rule: settings.quorumRule, required, met: present >= required };
  }

  async namesOf(meetingId: string): Promise<ReportNames> {
    const [r] = await this.db.query('SELECT m.title, c.name, c.time_zone FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1', [meetingId]);
    return { councilName: r.name, meetingTitle: r.title, timeZone: r.time_zone };
  }

  async findSitting(sittingId: string): Promise<SittingRow> {
    const [row]: SittingRow[] = await this.db.query('SELECT * FROM sittings WHERE id = $1', [sittingId]);
    if (!row) throw notFound('Sitting');
    return row;
  }

  private async requireSelf(caller: AuthUser, sittingId: string): Promise<SittingRow> {
    await this.access.requireFor(caller, { kind: 'sitting', id: sittingId }, 'attendance.self');
    const sitting = await this.findSitting(sittingId);
    const [p]: { voting_right: boolean }[] = await this.db.query(
      `SELECT ${hasVotingRightSql('p')} AS voting_right FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = $2`,
      [sitting.meeting_id, caller.id],
    );
    if (!p?.voting_right) throw new DomainError('NO_VOTING_RIGHT', 'Only voting members check in to a sitting');
    return sitting;
  }

  private async mySitting(caller: AuthUser, sitting: SittingRow): Promise<MySitting> {
    const [mine]: EntryRow[] = await this.db.query(`${SELECT_ENTRIES} AND p.user_id = $3`, [sitting.id, sitting.meeting_id, caller.id]);
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
      await tx.query(
        `INSERT INTO attendance (sitting_id, user_id, status, excused, reason, source, marked_by)
         SELECT $1, e.user_id, e.status, e.excused, e.reason, $2, $3
           FROM unnest($4::uuid[], $5::text[], $6::boolean[], $7::text[]) AS e(user_id, status, excused, reason)
         ON CONFLICT (sitting_id, user_id) DO UPDATE SET status = EXCLUDED.status, excused = EXCLUDED.excused, reason = EXCLUDED.reason,
            source = EXCLUDED.source, marked_by = EXCLUDED.marked_by, at = now()`,
        [sitting.id, source, caller.id, entries.map((e) => e.userId), entries.map((e) => e.status), entries.map((e) => (e.status === 'absent' ? e.excused : false)), entries.map((e) => (e.status === 'absent' ? e.reason : ''))],
      );
      await this.audit.record({ userId: caller.id, action, meetingId: sitting.meeting_id, targetId: sitting.id, meta: { count: entries.length, status: entries.length === 1 ? entries[0].status : null } });
      await this.announceQuorum(tx, emit, sitting, entries.map((e) => e.userId), source === 'self' ? [caller.id] : []);
    });
  }

  /** The changed entries to staff (and to the person themselves), the quorum to everyone. */
  private async announceQuorum(tx: EntityManager, emit: EmitFn, sitting: { id: string; meeting_id: string }, userIds: string[], alsoTo: string[] = []): Promise<void> {
    const rows: EntryRow[] = await tx.query(`${SELECT_ENTRIES} AND p.user_id = ANY($3) ORDER BY u.full_name`, [sitting.id, sitting.meeting_id, userIds]);
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
