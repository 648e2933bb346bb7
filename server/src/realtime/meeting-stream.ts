import { can, isStaff, type MeetingEvent } from '@hopso/shared';
import { viewOf, type MeetingVisibilityState, type StoredEvent, type Viewer } from '../events/event-visibility';
import { rooms, type HopsoServer, type HopsoSocket } from './socket-types';

/** How long a missing sequence number may hold the later ones before it is read from the database. */
const GAP_FILL_MS = 40;

/** One socket following the meeting on this process, and what the database says it may see. */
export interface StreamMember {
  socket: HopsoSocket;
  viewer: Viewer;
  /** Events up to here were settled by the join (the client catches up or refetches); only later ones are sent. */
  fromSeq: number;
  /** The groups this person is in, per breakout (agenda item), as the newest breakout.changed says. */
  groupsByItem: Map<string, string[]>;
}

export interface StreamHooks {
  /** Reads committed events (after, through] in order: a gap is always committed, as commit order is sequence order. */
  read(meetingId: string, after: number, through: number): Promise<StoredEvent[]>;
  /** A member's role changed or they were removed: rooms used for presence follow, staff learn who is online. */
  presenceChanged(meetingId: string): void;
  warn(message: string): void;
}

/**
 * One meeting's events as this server process releases them to its own sockets: in sequence
 * order, each once, each projected for its viewer by the one visibility rule.
 *
 * Sequence numbers are taken under the meeting row's lock, so transactions commit in sequence
 * order; but their "committed" news reaches this process in any order (40 writes in flight, or
 * another process's writes through the adapter). The stream holds a later event until the ones
 * before it arrived, and reads a missing one from the database if it is late. Room membership is
 * part of the same stream: a breakout.changed or participant.changed moves the member's view
 * before any later event is judged, on every process, because every process runs the stream.
 */
export class MeetingStream {
  private readonly pending = new Map<number, StoredEvent>();
  private readonly members = new Map<string, StreamMember>();
  private gapTimer: NodeJS.Timeout | null = null;
  private filling = false;
  /** Joins in progress keep the stream alive while it is empty. */
  joining = 0;

  constructor(
    readonly meetingId: string,
    private readonly io: HopsoServer,
    private readonly hooks: StreamHooks,
  ) {}

  /** Everything up to here is settled: released, or older than the state the stream started from. */
  private released = 0;
  private state: MeetingVisibilityState | null = null;

  /**
   * Starts from the meeting's state read from the database; events offered while that read was
   * under way were held, and those it already covers are dropped.
   */
  start(seq: number, state: MeetingVisibilityState): void {
    this.released = seq;
    this.state = state;
    for (const s of this.pending.keys()) if (s <= seq) this.pending.delete(s);
    this.drain();
  }

  get started(): boolean {
    return this.state !== null;
  }

  get lastReleased(): number {
    return this.released;
  }

  get size(): number {
    return this.members.size;
  }

  add(member: StreamMember): void {
    this.members.set(member.socket.id, member);
  }

  remove(socketId: string): void {
    this.members.delete(socketId);
  }

  has(socketId: string): boolean {
    return this.members.has(socketId);
  }

  close(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.pending.clear();
    this.members.clear();
  }

  /** A committed event (from this process or another): released once everything before it is. */
  offer(stored: StoredEvent): void {
    const seq = stored.event.seq;
    if ((this.state && seq <= this.released) || this.pending.has(seq)) return;
    this.pending.set(seq, stored);
    this.drain();
  }

  private drain(): void {
    if (!this.state) return;
    for (let next = this.pending.get(this.released + 1); next; next = this.pending.get(this.released + 1)) {
      this.pending.delete(next.event.seq);
      this.released = next.event.seq;
      this.release(next);
    }
    if (this.pending.size === 0) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else if (!this.gapTimer && !this.filling) {
      this.gapTimer = setTimeout(() => void this.fillGap(), GAP_FILL_MS);
    }
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = null;
    if (this.pending.size === 0) return;
    // everything up to the earliest held event is committed (commit order is sequence order)
    const through = Math.min(...this.pending.keys()) - 1;
    this.filling = true;
    try {
      for (const stored of await this.hooks.read(this.meetingId, this.released, through)) {
        if (stored.event.seq > this.released && !this.pending.has(stored.event.seq)) this.pending.set(stored.event.seq, stored);
      }
    } catch (e) {
      this.hooks.warn(`meeting ${this.meetingId}: gap fill failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.filling = false;
    }
    this.drain();
    // a number the log does not hold either (the meeting was deleted meanwhile) must not hold the later ones forever;
    // a gap that opened after the read began is only waited for (drain armed the timer again)
    if (this.released < through && !this.pending.has(this.released + 1) && this.pending.size > 0) {
      this.hooks.warn(`meeting ${this.meetingId}: events ${this.released + 1}..${through} are not in the log; skipped`);
      this.released = Math.min(...this.pending.keys()) - 1;
      this.drain();
    }
  }

  private release(stored: StoredEvent): void {
    const { event } = stored;
    this.follow(event);
    const memo = new Map<string, MeetingEvent | null>();
    const bySeen = new Map<MeetingEvent, string[]>();
    for (const member of this.members.values()) {
      if (event.seq <= member.fromSeq) continue;
      const seen = viewOf(stored, member.viewer, this.state!, memo);
      if (!seen) continue;
      const ids = bySeen.get(seen);
      if (ids) ids.push(member.socket.id);
      else bySeen.set(seen, [member.socket.id]);
    }
    // one encoding per distinct view, to this process's sockets only (each process runs its own stream)
    for (const [seen, ids] of bySeen) this.io.local.to(ids).emit('meeting:event', seen);
  }

  /** What an event changes about who sees what, applied before the event itself is judged. */
  private follow(event: MeetingEvent): void {
    switch (event.type) {
      case 'meeting.updated':
        this.state!.status = event.payload.status;
        return;
      case 'meeting.edited':
        this.state!.releaseAt = new Date(event.payload.meeting.releaseAt);
        return;
      case 'breakout.changed': {
        const { breakout } = event.payload;
        for (const member of this.members.values()) {
          const viewer = member.viewer;
          if (viewer.kind !== 'user') continue;
          member.groupsByItem.set(
            breakout.agendaItemId,
            breakout.groups.filter((g) => g.memberIds.includes(viewer.userId)).map((g) => g.id),
          );
          member.viewer = { ...viewer, groupIds: new Set([...member.groupsByItem.values()].flat()) };
        }
        return;
      }
      case 'participant.changed': {
        const { userId, role } = event.payload;
        let moved = false;
        for (const member of [...this.members.values()]) {
          const viewer = member.viewer;
          if (viewer.kind !== 'user' || viewer.userId !== userId) continue;
          moved = true;
          const socket = member.socket;
          // removed, or made an official (người trả lời chất vấn), who may read nothing of the meeting's events
          if ((role === null && !viewer.isAdmin) || (role !== null && !can(role, 'meeting.read'))) {
            this.members.delete(socket.id);
            socket.emit('meeting:removed', { meetingId: this.meetingId });
            void socket.leave(rooms.meeting(this.meetingId));
            void socket.leave(rooms.staff(this.meetingId));
            continue;
          }
          member.viewer = { ...viewer, role };
          if (isStaff(role)) void socket.join(rooms.staff(this.meetingId));
          else void socket.leave(rooms.staff(this.meetingId));
        }
        if (moved) this.hooks.presenceChanged(this.meetingId);
        return;
      }
      default:
        return;
    }
  }
}
