import type { MeetingKind, MeetingRole, MeetingStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { updateReturning } from '../common/update-returning';
import type { MeetingEntity } from './meeting.entity';
import type { ResourceKind } from './meeting-access.service';

/** A meetings row as PostgreSQL returns it (the columns its entity selects). */
export interface MeetingRow {
  id: string;
  council_id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  location: string;
  starts_at: Date;
  release_at: Date;
  comment_deadline: Date;
  current_agenda_item_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns of MeetingRow, on the meetings table aliased `m`. */
export const MEETING_COLUMNS =
  'm.id, m.council_id, m.title, m.kind, m.status, m.location, m.starts_at, m.release_at, m.comment_deadline, m.current_agenda_item_id, m.created_at, m.updated_at';

/** The meeting as the access layer and the services hand it around. */
export const toMeetingEntity = (r: MeetingRow): MeetingEntity => ({
  id: r.id,
  councilId: r.council_id,
  title: r.title,
  kind: r.kind,
  status: r.status,
  location: r.location,
  startsAt: r.starts_at,
  releaseAt: r.release_at,
  commentDeadline: r.comment_deadline,
  currentAgendaItemId: r.current_agenda_item_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The meeting of each kind of resource, as a subquery on its id (`$2`). */
const MEETING_OF: Record<ResourceKind, string> = {
  meeting: 'SELECT id FROM meetings WHERE id = $2',
  document: 'SELECT meeting_id FROM documents WHERE id = $2',
  version: 'SELECT d.meeting_id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $2',
  comment: 'SELECT meeting_id FROM comments WHERE id = $2',
  group: 'SELECT meeting_id FROM breakout_groups WHERE id = $2',
  displayLink: 'SELECT meeting_id FROM display_links WHERE id = $2',
  vote: 'SELECT meeting_id FROM votes WHERE id = $2',
  question: 'SELECT meeting_id FROM questions WHERE id = $2',
  issue: 'SELECT meeting_id FROM question_issues WHERE id = $2',
  position: 'SELECT meeting_id FROM official_positions WHERE id = $2',
  agendaItem: 'SELECT meeting_id FROM agenda_items WHERE id = $2',
  minutes: 'SELECT meeting_id FROM minutes WHERE id = $2',
  sitting: 'SELECT meeting_id FROM sittings WHERE id = $2',
  speech: 'SELECT meeting_id FROM speeches WHERE id = $2',
};

/** The meeting with the user's role in it, when there is such a meeting. */
export async function findMeetingWithRole(db: Queryable, userId: string, meetingId: string): Promise<(MeetingRow & { role: MeetingRole | null }) | undefined> {
  const [row]: (MeetingRow & { role: MeetingRole | null })[] = await db.query(
    `SELECT ${MEETING_COLUMNS}, p.role AS role
       FROM meetings m LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $1
      WHERE m.id = $2`,
    [userId, meetingId],
  );
  return row;
}

/** The meeting of a resource reached by its own id, with the user's role in it, in one query. */
export async function findMeetingOfResourceWithRole(
  db: Queryable,
  userId: string,
  kind: ResourceKind,
  resourceId: string,
): Promise<(MeetingRow & { role: MeetingRole | null }) | undefined> {
  const [row]: (MeetingRow & { role: MeetingRole | null })[] = await db.query(
    `SELECT ${MEETING_COLUMNS}, p.role AS role
       FROM meetings m LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $1
      WHERE m.id = (${MEETING_OF[kind]})`,
    [userId, resourceId],
  );
  return row;
}

export type MeetingListRow = MeetingRow & { council_name: string; council_time_zone: string; my_role: MeetingRole | null };

/**
 * Meetings with their council and the user's role, newest first: every meeting, or (`participantsOnly`)
 * those the user takes part in, drafts only for those who prepare them.
 */
export async function listMeetingsFor(db: Queryable, userId: string, participantsOnly: boolean): Promise<MeetingListRow[]> {
  return db.query(
    `SELECT ${MEETING_COLUMNS}, c.name AS council_name, c.time_zone AS council_time_zone, p.role AS my_role
       FROM meetings m
       JOIN councils c ON c.id = m.council_id
       LEFT JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = $1
      ${participantsOnly ? "WHERE p.role IS NOT NULL AND (m.status <> 'draft' OR p.role IN ('chair', 'secretary'))" : ''}
      ORDER BY m.starts_at DESC`,
    [userId],
  );
}

/** A new drafted meeting; its id. */
export async function insertMeeting(
  tx: Queryable,
  m: { councilId: string; title: string; kind: MeetingKind; location: string; startsAt: Date; releaseAt: Date; commentDeadline: Date },
): Promise<string> {
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO meetings (council_id, title, kind, status, location, starts_at, release_at, comment_deadline)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7) RETURNING id`,
    [m.councilId, m.title, m.kind, m.location, m.startsAt, m.releaseAt, m.commentDeadline],
  );
  return row.id;
}

/** The meeting's editable fields as `m` holds them. */
export async function updateMeetingFields(tx: Queryable, m: MeetingEntity): Promise<void> {
  await tx.query(
    `UPDATE meetings SET title = $2, kind = $3, location = $4, starts_at = $5, release_at = $6, comment_deadline = $7, updated_at = CURRENT_TIMESTAMP
      WHERE id = $1`,
    [m.id, m.title, m.kind, m.location, m.startsAt, m.releaseAt, m.commentDeadline],
  );
}

/** Moves the meeting from `from` to `to` only if it is still `from`; whether it moved. */
export async function changeMeetingStatus(tx: Queryable, meetingId: string, from: MeetingStatus, to: MeetingStatus): Promise<boolean> {
  const rows = await updateReturning<{ id: string }>(
    tx,
    'UPDATE meetings SET status = $3, updated_at = CURRENT_TIMESTAMP WHERE id = $1 AND status = $2 RETURNING id',
    [meetingId, from, to],
  );
  return rows.length === 1;
}

export async function setCurrentAgendaItem(tx: Queryable, meetingId: string, agendaItemId: string | null): Promise<void> {
  await tx.query('UPDATE meetings SET current_agenda_item_id = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1', [meetingId, agendaItemId]);
}

export async function meetingExists(db: Queryable, meetingId: string): Promise<boolean> {
  const rows: unknown[] = await db.query('SELECT 1 FROM meetings WHERE id = $1', [meetingId]);
  return rows.length > 0;
}

/** Locks the meeting row until the transaction ends. */
export async function lockMeeting(tx: Queryable, meetingId: string): Promise<void> {
  await tx.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
}
