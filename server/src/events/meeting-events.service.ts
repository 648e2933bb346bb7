import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingEvent, MeetingEventPayloads, MeetingEventType, MeetingRole } from '@hopso/shared';
import { viewOf, type MeetingVisibilityState, type StoredEvent, type Viewer } from './event-visibility';
import {
  appendEvent,
  findEventSeq,
  findJoinSnapshot,
  findStreamStateRow,
  insertWithAppendedEvent,
  listEventsBetween,
  listEventsBetweenLimited,
  listGroupIdsOfMember,
  toEvent,
  toStored,
} from './meeting-events.repository';

/**
 * Who receives an event: every participant; the chair and secretaries; or one breakout
 * group's members (and the staff); plus named users (an author).
 */
export type Audience = { to: 'all' | 'staff'; userIds?: string[] } | { to: 'group'; groupId: string; userIds?: string[] };

export type PublishedEvent = StoredEvent;

export type EmitFn = <T extends MeetingEventType>(meetingId: string, type: T, payload: MeetingEventPayloads[T], audience: Audience) => Promise<void>;

/** A meeting's position in its event log with what decides visibility, read in one snapshot. */
export interface MeetingStreamState extends MeetingVisibilityState {
  seq: number;
}

/**
 * The meeting event log. Services write events in the same transaction as the
 * change they describe; the events are published (to the realtime gateway) only
 * after that transaction commits, so no client sees a write that was rolled back.
 */
@Injectable()
export class MeetingEventsService {
  readonly published = new Subject<PublishedEvent>();

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
    const rows = await insertWithAppendedEvent(this.db, insert, meetingId, type, payload, audience);
    if (!rows.length) return false;
    this.published.next(toStored(rows[0]));
    return true;
  }

  async currentSeq(meetingId: string): Promise<number> {
    const row = await findEventSeq(this.db, meetingId);
    return row ? Number(row.event_seq) : 0;
  }

  /**
   * What a viewer missed after `after`, in order, each once: exactly what REST shows them now
   * (the one rule of event-visibility.ts). Up to `limit` events; fewer means nothing more is there.
   */
  async since(meetingId: string, after: number, viewer: Viewer, limit = 1000): Promise<MeetingEvent[]> {
    const state = await this.streamState(meetingId);
    if (!state) return [];
    const out: MeetingEvent[] = [];
    const batch = Math.max(limit, 500);
    let from = after;
    for (;;) {
      const rows = await listEventsBetweenLimited(this.db, meetingId, from, state.seq, batch);
      for (const row of rows) {
        const seen = viewOf(toStored(row), viewer, state);
        if (seen) out.push(seen);
        if (out.length === limit) return out;
      }
      if (rows.length < batch) return out;
      from = Number(rows[rows.length - 1].seq);
    }
  }

  /**
   * Takes the meeting's next sequence number and writes the event in one statement,
   * so the meeting row's lock (which keeps commit order equal to sequence order, and
   * so makes catch-up exact) is held for as short a time as possible. Callers emit
   * last, just before their transaction commits.
   */
  private async append(tx: EntityManager, meetingId: string, type: MeetingEventType, payload: unknown, audience: Audience): Promise<MeetingEvent> {
    return toEvent(await appendEvent(tx, meetingId, type, payload, audience));
  }

  /** The newest sequence number with the meeting state that goes with it (null: no such meeting). */
  async streamState(meetingId: string): Promise<MeetingStreamState | null> {
    const row = await findStreamStateRow(this.db, meetingId);
    return row ? { seq: Number(row.event_seq), status: row.status, releaseAt: new Date(row.release_at) } : null;
  }

  /** The stored events after `after` up to `through` (inclusive), in order, with their audiences: the realtime layer fills gaps from here. */
  async storedBetween(meetingId: string, after: number, through: number): Promise<StoredEvent[]> {
    return (await listEventsBetween(this.db, meetingId, after, through)).map(toStored);
  }

  /**
   * The newest sequence number with a person's role and breakout groups, in one statement (one
   * snapshot): a socket joining the meeting's stream is judged as of exactly that number.
   */
  async joinSnapshot(meetingId: string, userId: string): Promise<{ seq: number; role: MeetingRole | null; groups: { agendaItemId: string; groupId: string }[] } | null> {
    const row = await findJoinSnapshot(this.db, meetingId, userId);
    return row ? { seq: Number(row.event_seq), role: row.role, groups: row.groups } : null;
  }

  /** A signed-in viewer as the database knows them now: role given by the caller's access check, groups read here. */
  async userViewer(meetingId: string, user: { id: string; isAdmin: boolean }, role: MeetingRole | null): Promise<Viewer> {
    const rows = await listGroupIdsOfMember(this.db, meetingId, user.id);
    return { kind: 'user', userId: user.id, role, isAdmin: user.isAdmin, groupIds: new Set(rows.map((r) => r.group_id)) };
  }
}
