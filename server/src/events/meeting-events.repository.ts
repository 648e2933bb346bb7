import type { MeetingEvent, MeetingEventType, MeetingRole, MeetingStatus } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import type { StoredEvent } from './event-visibility';
import type { Audience } from './meeting-events.service';

export interface EventRow {
  meeting_id: string;
  seq: string;
  type: MeetingEventType;
  payload: unknown;
  at: Date;
  audience: 'all' | 'staff' | 'group';
  user_ids: string[];
  group_id: string | null;
}

export const toEvent = (r: EventRow) => ({ meetingId: r.meeting_id, seq: Number(r.seq), type: r.type, at: new Date(r.at).toISOString(), payload: r.payload }) as MeetingEvent;

export const toStored = (r: EventRow): StoredEvent => ({
  event: toEvent(r),
  audience: r.audience === 'group' ? { to: 'group', groupId: r.group_id!, userIds: r.user_ids } : { to: r.audience, userIds: r.user_ids },
});

const EVENT_COLUMNS = 'meeting_id, seq, type, payload, at, audience, user_ids, group_id';

/**
 * The tail of a WITH statement that takes the meeting's next sequence number (when `when` holds)
 * and writes the event under it; its parameters are eventParams(), numbered after the first `offset`.
 */
function appendEventSql(offset: number, when: string): string {
  const $ = (i: number) => `$${offset + i}`;
  return `next AS (UPDATE meetings SET event_seq = event_seq + 1 WHERE id = ${$(1)} AND ${when} RETURNING event_seq)
       INSERT INTO meeting_events (meeting_id, seq, type, payload, audience, user_ids, group_id)
       SELECT ${$(1)}, next.event_seq, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)} FROM next
       RETURNING ${EVENT_COLUMNS}`;
}

function eventParams(meetingId: string, type: MeetingEventType, payload: unknown, audience: Audience): unknown[] {
  return [meetingId, type, JSON.stringify(payload), audience.to, audience.userIds ?? [], audience.to === 'group' ? audience.groupId : null];
}

/** `insert` (ending in RETURNING) and, when it wrote a row, the event under the meeting's next sequence number, in one statement. */
export async function insertWithAppendedEvent(
  db: Queryable,
  insert: { sql: string; params: unknown[] },
  meetingId: string,
  type: MeetingEventType,
  payload: unknown,
  audience: Audience,
): Promise<EventRow[]> {
  return db.query(`WITH inserted AS (${insert.sql}), ${appendEventSql(insert.params.length, 'EXISTS (SELECT 1 FROM inserted)')}`, [
    ...insert.params,
    ...eventParams(meetingId, type, payload, audience),
  ]);
}

/** Takes the meeting's next sequence number and writes the event under it, in one statement. */
export async function appendEvent(db: Queryable, meetingId: string, type: MeetingEventType, payload: unknown, audience: Audience): Promise<EventRow> {
  const [row]: EventRow[] = await db.query(`WITH ${appendEventSql(0, 'true')}`, eventParams(meetingId, type, payload, audience));
  return row;
}

export async function findEventSeq(db: Queryable, meetingId: string): Promise<{ event_seq: string } | undefined> {
  const [row]: { event_seq: string }[] = await db.query('SELECT event_seq FROM meetings WHERE id = $1', [meetingId]);
  return row;
}

/** Up to `limit` stored events after `after` up to `through` (inclusive), in order. */
export async function listEventsBetweenLimited(db: Queryable, meetingId: string, after: number, through: number, limit: number): Promise<EventRow[]> {
  return db.query(`SELECT ${EVENT_COLUMNS} FROM meeting_events WHERE meeting_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`, [meetingId, after, through, limit]);
}

/** The stored events after `after` up to `through` (inclusive), in order. */
export async function listEventsBetween(db: Queryable, meetingId: string, after: number, through: number): Promise<EventRow[]> {
  return db.query(`SELECT ${EVENT_COLUMNS} FROM meeting_events WHERE meeting_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [meetingId, after, through]);
}

export async function findStreamStateRow(db: Queryable, meetingId: string): Promise<{ event_seq: string; status: MeetingStatus; release_at: Date } | undefined> {
  const [row]: { event_seq: string; status: MeetingStatus; release_at: Date }[] = await db.query('SELECT event_seq, status, release_at FROM meetings WHERE id = $1', [
    meetingId,
  ]);
  return row;
}

export interface JoinSnapshotRow {
  event_seq: string;
  role: MeetingRole | null;
  groups: { agendaItemId: string; groupId: string }[];
}

/** The newest sequence number with a person's role and breakout groups, in one statement (one snapshot). */
export async function findJoinSnapshot(db: Queryable, meetingId: string, userId: string): Promise<JoinSnapshotRow | undefined> {
  const [row]: JoinSnapshotRow[] = await db.query(
    `SELECT m.event_seq,
            (SELECT p.role FROM meeting_participants p WHERE p.meeting_id = m.id AND p.user_id = $2) AS role,
            COALESCE((SELECT json_agg(json_build_object('agendaItemId', g.agenda_item_id, 'groupId', g.id))
                        FROM breakout_members bm JOIN breakout_groups g ON g.id = bm.group_id
                       WHERE g.meeting_id = m.id AND bm.user_id = $2), '[]'::json) AS groups
       FROM meetings m WHERE m.id = $1`,
    [meetingId, userId],
  );
  return row;
}

/** The breakout groups of the meeting a person is a member of. */
export async function listGroupIdsOfMember(db: Queryable, meetingId: string, userId: string): Promise<{ group_id: string }[]> {
  return db.query('SELECT m.group_id FROM breakout_members m JOIN breakout_groups g ON g.id = m.group_id WHERE g.meeting_id = $1 AND m.user_id = $2', [meetingId, userId]);
}
