import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingEvent, MeetingEventPayloads, MeetingEventType } from '@hopso/shared';

/**
 * Who receives an event: every participant; the chair and secretaries; or one breakout
 * group's members (and the staff); plus named users (an author).
 */
export type Audience = { to: 'all' | 'staff'; userIds?: string[] } | { to: 'group'; groupId: string; userIds?: string[] };

export interface PublishedEvent {
  event: MeetingEvent;
  audience: Audience;
}

/** Membership changes the realtime layer must act on at once (leave rooms). */
export interface MembershipChange {
  meetingId: string;
  userId: string;
}

export type EmitFn = <T extends MeetingEventType>(meetingId: string, type: T, payload: MeetingEventPayloads[T], audience: Audience) => Promise<void>;

interface EventRow {
  meeting_id: string;
  seq: string;
  type: MeetingEventType;
  payload: unknown;
  at: Date;
}

const toEvent = (r: EventRow) => ({ meetingId: r.meeting_id, seq: Number(r.seq), type: r.type, at: new Date(r.at).toISOString(), payload: r.payload }) as MeetingEvent;

/**
 * The tail of a WITH statement that takes the meeting's next sequence number (when `when` holds)
 * and writes the event under it; its parameters are eventParams(), numbered after the first `offset`.
 */
function appendEventSql(offset: number, when: string): string {
  const $ = (i: number) => `$${offset + i}`;
  return `next AS (UPDATE meetings SET event_seq = event_seq + 1 WHERE id = ${$(1)} AND ${when} RETURNING event_seq)
       INSERT INTO meeting_events (meeting_id, seq, type, payload, audience, user_ids, group_id)
       SELECT ${$(1)}, next.event_seq, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)} FROM next
       RETURNING meeting_id, seq, type, payload, at`;
}

function eventParams(meetingId: string, type: MeetingEventType, payload: unknown, audience: Audience): unknown[] {
  return [meetingId, type, JSON.stringify(payload), audience.to, audience.userIds ?? [], audience.to === 'group' ? audience.groupId : null];
}

/**
 * The meeting event log. Services write events in the same transaction as the
 * change they describe; the events are published (to the realtime gateway) only
 * after that transaction commits, so no client sees a write that was rolled back.
 */
@Injectable()
export class MeetingEventsService {
  readonly published = new Subject<PublishedEvent>();
  readonly membershipChanged = new Subject<MembershipChange>();
  /** Breakout groups of a meeting were made or changed: members' sockets join their group rooms. */
  readonly groupsChanged = new Subject<{ meetingId: string }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` in a transaction; events it emits are published after the commit. */
  async transaction<R>(work: (tx: EntityManager, emit: EmitFn) => Promise<R>): Promise<R> {
    const pending: PublishedEvent[] = [];
    const result = await this.db.transaction((tx) =>
      work(tx, async (meetingId, type, payload, audience) => {
        pending.push({ event: await this.append(tx, meetingId, type, payload, audience), audience });
      }),
    );
    for (const p of pending) this.published.next(p);
    return result;
  }

  /** One event in its own transaction (when the change itself is already committed). */
  emit<T extends MeetingEventType>(meetingId: string, type: T, payload: MeetingEventPayloads[T], audience: Audience): Promise<void> {
    return this.transaction((_tx, emit) => emit(meetingId, type, payload, audience));
  }

  /**
   * An INSERT and the event describing it in one autocommitted statement: one round trip
   * instead of five (BEGIN, insert, read back, event, COMMIT), for the hottest writes.
   * `insert` must end in RETURNING; when it writes no row (an ON CONFLICT DO NOTHING
   * replay) no event is written either. The event is published once the statement is done.
   * Returns whether the row was written.
   */
  async insertWithEvent<T extends MeetingEventType>(
    insert: { sql: string; params: unknown[] },
    meetingId: string,
    type: T,
    payload: MeetingEventPayloads[T],
    audience: Audience,
  ): Promise<boolean> {
    const rows: EventRow[] = await this.db.query(
      `WITH inserted AS (${insert.sql}), ${appendEventSql(insert.params.length, 'EXISTS (SELECT 1 FROM inserted)')}`,
      [...insert.params, ...eventParams(meetingId, type, payload, audience)],
    );
    if (!rows.length) return false;
    this.published.next({ event: toEvent(rows[0]), audience });
    return true;
  }

  async currentSeq(meetingId: string): Promise<number> {
    const [row] = await this.db.query('SELECT event_seq FROM meetings WHERE id = $1', [meetingId]);
    return row ? Number(row.event_seq) : 0;
  }

  /** What a caller missed after `after`, in order, filtered to what they may see. */
  async since(meetingId: string, after: number, viewer: { userId: string; staff: boolean }, limit = 5000): Promise<MeetingEvent[]> {
    const rows: EventRow[] = await this.db.query(
      `SELECT meeting_id, seq, type, payload, at FROM meeting_events
        WHERE meeting_id = $1 AND seq > $2
          AND (audience = 'all' OR ($3::boolean AND audience IN ('staff', 'group')) OR $4::uuid = ANY(user_ids)
               OR (audience = 'group' AND group_id IN (SELECT group_id FROM breakout_members WHERE user_id = $4)))
        ORDER BY seq LIMIT $5`,
      [meetingId, after, viewer.staff, viewer.userId, limit],
    );
    return rows.map(toEvent);
  }

  /**
   * Takes the meeting's next sequence number and writes the event in one statement,
   * so the meeting row's lock (which keeps commit order equal to sequence order, and
   * so makes catch-up exact) is held for as short a time as possible. Callers emit
   * last, just before their transaction commits.
   */
  private async append(tx: EntityManager, meetingId: string, type: MeetingEventType, payload: unknown, audience: Audience): Promise<MeetingEvent> {
    const [row]: EventRow[] = await tx.query(`WITH ${appendEventSql(0, 'true')}`, eventParams(meetingId, type, payload, audience));
    return toEvent(row);
  }
}
