import type { AttendanceEntry, AttendanceStatus, MeetingRole, PassRule, QuorumRule, Sitting, SittingStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';
import { hasVotingRightSql } from './voting-right';

export interface SittingRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  status: SittingStatus;
  checkin_code: string;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface EntryRow {
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

export interface CouncilSettingsRow {
  seats: number | null;
  quorum_rule: QuorumRule;
  default_pass_rule: PassRule;
  default_seats: number;
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

export const toEntry = (r: EntryRow): AttendanceEntry => ({
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

// ---- council seats and rules ----

export async function isCouncilStaff(db: Queryable, councilId: string, userId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM council_staff WHERE council_id = $1 AND user_id = $2', [councilId, userId])).length > 0;
}

export async function updateCouncilVotingSettings(
  db: Queryable,
  councilId: string,
  s: { seats?: number | null; quorumRule?: QuorumRule | null; defaultPassRule?: PassRule | null },
): Promise<void> {
  await db.query(
    `UPDATE councils SET seats = CASE WHEN $2 THEN $3::int ELSE seats END, quorum_rule = COALESCE($4, quorum_rule), default_pass_rule = COALESCE($5, default_pass_rule) WHERE id = $1`,
    [councilId, s.seats !== undefined, s.seats ?? null, s.quorumRule ?? null, s.defaultPassRule ?? null],
  );
}

/** The council's stored seats and rules, and the delegates (chair included) of its latest meeting. */
export async function findCouncilSettings(db: Queryable, councilId: string): Promise<CouncilSettingsRow | undefined> {
  const [row]: CouncilSettingsRow[] = await db.query(
    `SELECT c.seats, c.quorum_rule, c.default_pass_rule,
              (SELECT count(*)::int FROM meeting_participants p
                WHERE p.role IN ('chair', 'delegate')
                  AND p.meeting_id = (SELECT m.id FROM meetings m WHERE m.council_id = c.id ORDER BY m.starts_at DESC, m.created_at DESC LIMIT 1)) AS default_seats
         FROM councils c WHERE c.id = $1`,
    [councilId],
  );
  return row;
}

export async function findMeetingCouncilId(db: Queryable, meetingId: string): Promise<string | undefined> {
  const [m]: { council_id: string }[] = await db.query('SELECT council_id FROM meetings WHERE id = $1', [meetingId]);
  return m?.council_id;
}

/** The council and meeting names a report shows, and the council's time zone. */
export async function findReportNames(db: Queryable, meetingId: string): Promise<{ title: string; name: string; time_zone: string }> {
  const [r] = await db.query('SELECT m.title, c.name, c.time_zone FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1', [meetingId]);
  return r;
}

// ---- participants and voting rights ----

export async function findParticipantRole(db: Queryable, meetingId: string, userId: string): Promise<MeetingRole | undefined> {
  const [p]: { role: MeetingRole }[] = await db.query('SELECT role FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId]);
  return p?.role;
}

export async function setParticipantVotingRight(db: Queryable, meetingId: string, userId: string, votingRight: boolean): Promise<void> {
  await db.query('UPDATE meeting_participants SET voting_right = $3 WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId, votingRight]);
}

export async function findVotingRight(db: Queryable, meetingId: string, userId: string): Promise<{ voting_right: boolean } | undefined> {
  const [p]: { voting_right: boolean }[] = await db.query(
    `SELECT ${hasVotingRightSql('p')} AS voting_right FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = $2`,
    [meetingId, userId],
  );
  return p;
}

export async function countVotingMembers(db: Queryable, meetingId: string, userIds: string[]): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = ANY($2) AND ${hasVotingRightSql('p')}`, [meetingId, userIds]);
  return n;
}

/** Voting members with no attendance entry yet in the sitting. */
export async function listUnmarkedVotingMembers(db: Queryable, meetingId: string, sittingId: string): Promise<{ user_id: string }[]> {
  return db.query(
    `SELECT p.user_id FROM meeting_participants p WHERE p.meeting_id = $1 AND ${hasVotingRightSql('p')}
          AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = $2 AND a.user_id = p.user_id)`,
    [meetingId, sittingId],
  );
}

// ---- sittings ----

export async function listSittingsOfMeeting(db: Queryable, meetingId: string): Promise<SittingRow[]> {
  return db.query('SELECT * FROM sittings WHERE meeting_id = $1 ORDER BY position', [meetingId]);
}

export async function insertSitting(db: Queryable, meetingId: string, title: string, checkinCode: string): Promise<SittingRow> {
  const [row]: SittingRow[] = await db.query(
    `INSERT INTO sittings (meeting_id, position, title, checkin_code)
         VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM sittings WHERE meeting_id = $1), $2, $3) RETURNING *`,
    [meetingId, title, checkinCode],
  );
  return row;
}

export async function findOpenSitting(db: Queryable, meetingId: string): Promise<SittingRow | undefined> {
  const [row]: SittingRow[] = await db.query(`SELECT * FROM sittings WHERE meeting_id = $1 AND status = 'open'`, [meetingId]);
  return row;
}

export async function findOpenSittingTitle(db: Queryable, meetingId: string): Promise<{ title: string } | undefined> {
  const [other] = await db.query(`SELECT title FROM sittings WHERE meeting_id = $1 AND status = 'open'`, [meetingId]);
  return other;
}

/** The sitting the hall shows: the open one, else the next planned, else the latest. */
export async function findHallSitting(db: Queryable, meetingId: string): Promise<SittingRow | undefined> {
  const [sitting]: SittingRow[] = await db.query(
    `SELECT * FROM sittings WHERE meeting_id = $1 ORDER BY (status = 'open') DESC, (status = 'planned') DESC, position DESC LIMIT 1`,
    [meetingId],
  );
  return sitting;
}

export async function findSitting(db: Queryable, sittingId: string): Promise<SittingRow | undefined> {
  const [row]: SittingRow[] = await db.query('SELECT * FROM sittings WHERE id = $1', [sittingId]);
  return row;
}

/** Moves the sitting from `from` to `to`; undefined when it was no longer `from`. */
export async function updateSittingStatus(db: Queryable, sittingId: string, to: 'open' | 'closed', from: 'planned' | 'open'): Promise<SittingRow | undefined> {
  const [row] = await updateReturning<SittingRow>(
    db,
    `UPDATE sittings SET status = $2, opened_at = CASE WHEN $2 = 'open' THEN now() ELSE opened_at END,
                closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END WHERE id = $1 AND status = $3 RETURNING *`,
    [sittingId, to, from],
  );
  return row;
}

// ---- attendance ----

export async function findEntry(db: Queryable, sittingId: string | null, meetingId: string, userId: string): Promise<EntryRow | undefined> {
  const [row]: EntryRow[] = await db.query(`${SELECT_ENTRIES} AND p.user_id = $3`, [sittingId, meetingId, userId]);
  return row;
}

export async function listEntries(db: Queryable, sittingId: string, meetingId: string): Promise<EntryRow[]> {
  return db.query(`${SELECT_ENTRIES} ORDER BY u.full_name, p.user_id`, [sittingId, meetingId]);
}

export async function listEntriesOf(db: Queryable, sittingId: string, meetingId: string, userIds: string[]): Promise<EntryRow[]> {
  return db.query(`${SELECT_ENTRIES} AND p.user_id = ANY($3) ORDER BY u.full_name`, [sittingId, meetingId, userIds]);
}

export async function upsertAttendance(
  db: Queryable,
  sittingId: string,
  source: 'self' | 'secretariat',
  markedBy: string,
  entries: { userId: string; status: AttendanceStatus; excused: boolean; reason: string }[],
): Promise<void> {
  await db.query(
    `INSERT INTO attendance (sitting_id, user_id, status, excused, reason, source, marked_by)
         SELECT $1, e.user_id, e.status, e.excused, e.reason, $2, $3
           FROM unnest($4::uuid[], $5::text[], $6::boolean[], $7::text[]) AS e(user_id, status, excused, reason)
         ON CONFLICT (sitting_id, user_id) DO UPDATE SET status = EXCLUDED.status, excused = EXCLUDED.excused, reason = EXCLUDED.reason,
            source = EXCLUDED.source, marked_by = EXCLUDED.marked_by, at = now()`,
    [sittingId, source, markedBy, entries.map((e) => e.userId), entries.map((e) => e.status), entries.map((e) => (e.status === 'absent' ? e.excused : false)), entries.map((e) => (e.status === 'absent' ? e.reason : ''))],
  );
}

/** Voting members of the meeting in the hall, online and absent in the sitting. */
export async function countAttendance(db: Queryable, sittingId: string, meetingId: string): Promise<{ hall: number; online: number; absent: number }> {
  const [c]: { hall: number; online: number; absent: number }[] = await db.query(
    `SELECT count(*) FILTER (WHERE a.status = 'hall')::int AS hall, count(*) FILTER (WHERE a.status = 'online')::int AS online,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM meeting_participants p JOIN attendance a ON a.sitting_id = $1 AND a.user_id = p.user_id
        WHERE p.meeting_id = $2 AND ${hasVotingRightSql('p')}`,
    [sittingId, meetingId],
  );
  return c;
}
