import type { MeetingRole } from '@hopso/shared';
import type { Queryable } from '../common/queryable';

export interface ParticipantRow {
  role: MeetingRole;
  unit: string;
}

/** The person's place in the meeting, when they take part. */
export async function findParticipant(db: Queryable, meetingId: string, userId: string): Promise<ParticipantRow | undefined> {
  const [row]: ParticipantRow[] = await db.query('SELECT role, unit FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId]);
  return row;
}

export interface ParticipantListRow {
  user_id: string;
  role: MeetingRole;
  unit: string;
  full_name: string;
  username: string;
  phone: string | null;
}

/** The meeting's participants with their accounts: chair, secretaries, delegates, then the others, each by name. */
export async function listParticipantsOfMeeting(db: Queryable, meetingId: string): Promise<ParticipantListRow[]> {
  return db.query(
    `SELECT p.user_id AS user_id, p.role AS role, p.unit AS unit, u.full_name AS full_name, u.username AS username, u.phone AS phone
       FROM meeting_participants p INNER JOIN users u ON u.id = p.user_id
      WHERE p.meeting_id = $1
      ORDER BY CASE p.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 WHEN 'delegate' THEN 2 ELSE 3 END, u.full_name`,
    [meetingId],
  );
}

export async function updateParticipantUnit(tx: Queryable, meetingId: string, userId: string, unit: string): Promise<void> {
  await tx.query('UPDATE meeting_participants SET unit = $3 WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId, unit]);
}

/** Adds the person with this role, or gives them this role (and the unit, when one is given). */
export async function upsertParticipant(tx: Queryable, meetingId: string, userId: string, role: MeetingRole, unit?: string): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_participants (meeting_id, user_id, role, unit) VALUES ($1, $2, $3, $4)
     ON CONFLICT (meeting_id, user_id) DO UPDATE SET role = EXCLUDED.role, unit = COALESCE($5, meeting_participants.unit)`,
    [meetingId, userId, role, unit ?? '', unit ?? null],
  );
}

export async function deleteParticipant(tx: Queryable, meetingId: string, userId: string): Promise<void> {
  await tx.query('DELETE FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId]);
}

export async function countSecretaries(db: Queryable, meetingId: string): Promise<number> {
  const [row]: { count: number }[] = await db.query(`SELECT count(*)::int AS count FROM meeting_participants WHERE meeting_id = $1 AND role = 'secretary'`, [meetingId]);
  return row.count;
}
