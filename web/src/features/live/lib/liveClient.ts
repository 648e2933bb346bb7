import type { Socket } from 'socket.io-client';
import { EventOrder, type Ack, type BallotReceipt, type CastBallotPayload, type ClientToServerEvents, type JoinedMeeting, type MeetingEvent, type PresenceSnapshot, type ServerToClientEvents } from '@hopso/shared';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** What the handshake carries besides the session cookie: nothing for a signed-in user, `{ displayToken }` for the hall screen. */
export type LiveAuth = Record<string, string>;

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface MeetingLiveState {
  connection: ConnectionState;
  /** Joined the meeting's room and caught up: what the screen shows is current. */
  live: boolean;
  /** The server said this caller is chair or secretariat of the meeting (they also get `presence`). */
  staff: boolean;
  /** The server took this client out of the meeting (participant removed, display link revoked). */
  removed: boolean;
  /** The server refused the join (error code such as FORBIDDEN or NOT_FOUND). */
  joinError: string | null;
}

export interface LiveSink {
  /** New events of one meeting, in seq order, each exactly once. */
  apply(meetingId: string, events: readonly MeetingEvent[]): void;
  /**
   * The client joined without knowing which events it missed (a first join, or a catch-up that
   * failed): fetch the meeting's server state again. `since` is the time the join was answered.
   */
  resync(meetingId: string, since: number): void;
  presence(snapshot: PresenceSnapshot): void;
  removed(meetingId: string): void;
  /** The server refused or dropped the connection itself (expired session, revoked display link). */
  refused(): void;
}

export interface LiveClientOptions {
  auth?: LiveAuth;
  sink: LiveSink;
  /** Creates the (not yet connected) socket; the default loads socket.io-client on first use. */
  createSocket?: (auth: LiveAuth | undefined) => Promise<LiveSocket>;
  ackTimeoutMs?: number;
  /** How long a meeting nobody watches stays joined (moving between the desk, console and meeting page). */
  roomGraceMs?: number;
}

interface Room {
  meetingId: string;
  watchers: number;
  /** What was applied, in order; null until the first join. */
  order: EventOrder | null;
  /** Seq the caller's REST data is known to be current at (the hall's HallState.seq). */
  baseline: number | null;
  joined: boolean;
  syncing: boolean;
  /** Live events that arrived while joining or catching up, applied after the catch-up. */
  buffer: MeetingEvent[];
  /** Bumped at every join and on removal, so a late answer to an older request is ignored. */
  generation: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
  staff: boolean;
  removed: boolean;
  joinError: string | null;
  snapshot: MeetingLiveState;
}

/** Catch-up answers shorter than this are complete; a full page means "ask again after the last one". */
const CATCHUP_PAGE = 1000;
const MAX_CATCHUP_PAGES = 50;
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const IDLE: MeetingLiveState = Object.freeze({ connection: 'idle', live: false, staff: false, removed: false, joinError: null });

async function defaultCreateSocket(auth: LiveAuth | undefined): Promise<LiveSocket> {
  // loaded on first use, so pages without live updates (login, lists) don't ship it
  const { io } = await import('socket.io-client');
  return io({ path: '/socket.io', withCredentials: true, autoConnect: false, ...(auth ? { auth } : {}) });
}

/** Emits with an acknowledgement and a deadline: an answer lost with the connection must not hang a join forever. */
function request<T>(timeoutMs: number, send: (ack: (res: Ack<T>) => void) => void): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No answer from the server')), timeoutMs);
    send((res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

/**
 * One Socket.IO connection and the meetings it follows. Joins each watched meeting's room, catches
 * up after a reconnect from the last seq it applied, and hands every event to the sink once, in
 * order. Holds no server data itself: the sink puts events into the TanStack Query cache.
 */
export class LiveClient {
  private socket: LiveSocket | null = null;
  private loading: Promise<void> | null = null;
  private connection: ConnectionState = 'idle';
  private readonly rooms = new Map<string, Room>();
  private readonly listeners = new Set<() => void>();
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectAttempt = 0;
  private closed = false;
  private readonly ackTimeoutMs: number;
  private readonly roomGraceMs: number;

  constructor(private readonly options: LiveClientOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.roomGraceMs = options.roomGraceMs ?? 5_000;
  }

  /** Follow a meeting until the returned function is called. `baseline`: the seq the caller's data is current at. */
  watch(meetingId: string, opts: { baseline?: number } = {}): () => void {
    this.closed = false;
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = {
        meetingId,
        watchers: 0,
        order: null,
        baseline: opts.baseline ?? null,
        joined: false,
        syncing: false,
        buffer: [],
        generation: 0,
        releaseTimer: null,
        staff: false,
        removed: false,
        joinError: null,
        snapshot: IDLE,
      };
      this.rooms.set(meetingId, room);
      this.refresh(room);
      if (this.socket?.connected) void this.join(room);
    }
    if (room.releaseTimer) {
      clearTimeout(room.releaseTimer);
      room.releaseTimer = null;
    }
    room.watchers += 1;
    this.ensureSocket();
    const watched = room;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      watched.watchers -= 1;
      if (watched.watchers === 0) watched.releaseTimer = setTimeout(() => this.release(watched), this.roomGraceMs);
    };
  }

  getState(meetingId: string | undefined): MeetingLiveState {
    return (meetingId && this.rooms.get(meetingId)?.snapshot) || IDLE;
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Disconnects and forgets every meeting (the hall screen leaving, a test ending). */
  close(): void {
    this.closed = true;
    for (const room of this.rooms.values()) if (room.releaseTimer) clearTimeout(room.releaseTimer);
    this.rooms.clear();
    this.clearReconnectTimer();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.loading = null;
    this.setConnection('idle');
  }

  /**
   * A ballot on the connection already open, answered by an ack (the receipt or an error); null when
   * the socket is not connected now, so the caller sends it over REST instead. Never queued.
   */
  castBallot(payload: CastBallotPayload): Promise<Ack<BallotReceipt>> | null {
    const socket = this.socket;
    if (!socket?.connected) return null;
    return request<BallotReceipt>(this.ackTimeoutMs, (ack) => socket.emit('vote:cast', payload, ack));
  }

  // ---- connection ----

  private ensureSocket(): void {
    if (this.socket || this.loading) {
      if (this.socket && !this.socket.connected && !this.socket.active && !this.reconnectTimer) this.connectNow();
      return;
    }
    this.setConnection('connecting');
    const create = this.options.createSocket ?? defaultCreateSocket;
    this.loading = create(this.options.auth)
      .then((socket) => {
        this.loading = null;
        if (this.closed || this.rooms.size === 0) {
          socket.disconnect();
          if (this.rooms.size === 0 && !this.closed) this.setConnection('idle');
          return;
        }
        this.socket = socket;
        this.attach(socket);
        socket.connect();
      })
      .catch(() => {
        // the chunk failed to load (offline at first use): try again like a lost connection
        this.loading = null;
        this.setConnection('reconnecting');
        this.scheduleReconnect();
      });
  }

  private attach(socket: LiveSocket): void {
    socket.on('connect', () => {
      this.reconnectAttempt = 0;
      this.clearReconnectTimer();
      this.setConnection('connected');
      for (const room of this.rooms.values()) void this.join(room);
    });
    socket.on('disconnect', (reason) => {
      for (const room of this.rooms.values()) {
        room.joined = false;
        room.syncing = false;
        room.generation += 1;
        this.refresh(room, false);
      }
      if (this.closed || reason === 'io client disconnect') return;
      this.setConnection('reconnecting');
      if (reason === 'io server disconnect') {
        // the server dropped us on purpose; socket.io won't retry on its own
        this.options.sink.refused();
        this.scheduleReconnect();
      }
    });
    socket.on('connect_error', () => {
      if (this.closed) return;
      this.setConnection('reconnecting');
      if (!socket.active) {
        // refused by the server's handshake check, not a network error: socket.io won't retry on its own
        this.options.sink.refused();
        this.scheduleReconnect();
      }
    });
    socket.on('meeting:event', (event) => {
      const room = this.rooms.get(event.meetingId);
      if (!room) return;
      if (room.syncing || room.order === null) room.buffer.push(event);
      else this.deliver(room, [event]);
    });
    socket.on('presence', (snapshot) => {
      if (this.rooms.has(snapshot.meetingId)) this.options.sink.presence(snapshot);
    });
    socket.on('meeting:removed', ({ meetingId }) => {
      const room = this.rooms.get(meetingId);
      if (!room) return;
      room.generation += 1;
      room.joined = false;
      room.syncing = false;
      room.buffer = [];
      room.removed = true;
      this.refresh(room);
      this.options.sink.removed(meetingId);
    });
  }

  private connectNow(): void {
    if (this.closed || this.rooms.size === 0) return;
    if (this.socket) this.socket.connect();
    else this.ensureSocket();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.closed || this.rooms.size === 0) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.reconnectAttempt, RECONNECT_DELAYS_MS.length - 1)];
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connectNow();
    }, delay);
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  // ---- rooms ----

  private async join(room: Room): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || room.removed) return;
    const generation = ++room.generation;
    const current = () => this.rooms.get(room.meetingId) === room && room.generation === generation && this.socket === socket;
    room.syncing = true;
    room.joinError = null;
    this.refresh(room);

    const askAgainLater = () => {
      room.syncing = false;
      this.refresh(room);
      setTimeout(() => {
        if (current()) void this.join(room);
      }, RECONNECT_DELAYS_MS[1]);
    };
    let joined: JoinedMeeting;
    try {
      const res = await request<JoinedMeeting>(this.ackTimeoutMs, (ack) => socket.emit('meeting:join', { meetingId: room.meetingId }, ack));
      if (!current()) return;
      // asked too fast (many tabs reconnecting at once): ask again shortly, as after no answer
      if (!res.ok && res.error.code === 'RATE_LIMITED') return askAgainLater();
      if (!res.ok) {
        room.syncing = false;
        room.buffer = [];
        room.joinError = res.error.code;
        this.refresh(room);
        return;
      }
      joined = res.data;
    } catch {
      // no answer: ask again later, as long as the connection holds
      if (current()) askAgainLater();
      return;
    }

    room.joined = true;
    room.staff = joined.staff;
    if (room.order === null && room.baseline === null) {
      // what the screen shows came from REST at some moment before this join: fetch it again
      room.order = new EventOrder(joined.seq);
      this.options.sink.resync(room.meetingId, Date.now());
    } else {
      if (room.order === null) room.order = new EventOrder(room.baseline ?? 0);
      const complete = await this.catchUp(room, socket, current);
      if (!current()) return;
      if (!complete) {
        room.order.settle(joined.seq);
        this.options.sink.resync(room.meetingId, Date.now());
      }
    }
    const buffered = room.buffer;
    room.buffer = [];
    room.syncing = false;
    this.deliver(room, buffered);
    this.refresh(room);
  }

  /** Asks for what came after the last applied seq, page by page. False when it could not. */
  private async catchUp(room: Room, socket: LiveSocket, current: () => boolean): Promise<boolean> {
    for (let page = 0; page < MAX_CATCHUP_PAGES; page++) {
      let res: Ack<MeetingEvent[]>;
      try {
        res = await request<MeetingEvent[]>(this.ackTimeoutMs, (ack) =>
          socket.emit('events:catchup', { meetingId: room.meetingId, after: room.order?.lastSeq ?? 0 }, ack),
        );
      } catch {
        return false;
      }
      if (!current()) return true;
      if (!res.ok) return false;
      this.deliver(room, res.data);
      if (res.data.length < CATCHUP_PAGE) return true;
    }
    return false;
  }

  private deliver(room: Room, events: readonly MeetingEvent[]): void {
    if (events.length === 0 || room.order === null) return;
    const { fresh, late } = room.order.accept(events);
    if (fresh.length > 0) this.options.sink.apply(room.meetingId, fresh);
    // an event that can no longer be applied in order is never dropped unseen: the state is fetched again
    if (late.length > 0) this.options.sink.resync(room.meetingId, Date.now());
  }

  private release(room: Room): void {
    room.releaseTimer = null;
    if (room.watchers > 0 || this.rooms.get(room.meetingId) !== room) return;
    this.rooms.delete(room.meetingId);
    room.generation += 1;
    if (room.joined && this.socket?.connected) this.socket.emit('meeting:leave', { meetingId: room.meetingId }, () => undefined);
    if (this.rooms.size === 0) {
      // nobody follows a meeting any more (signed out, left the meeting pages): hang up
      this.clearReconnectTimer();
      this.socket?.removeAllListeners();
      this.socket?.disconnect();
      this.socket = null;
      this.setConnection('idle');
    }
  }

  // ---- state for React ----

  private setConnection(connection: ConnectionState): void {
    if (this.connection === connection) return;
    this.connection = connection;
    for (const room of this.rooms.values()) this.refresh(room, false);
    this.notify();
  }

  private refresh(room: Room, notify = true): void {
    const next: MeetingLiveState = {
      connection: this.connection,
      live: this.connection === 'connected' && room.joined && !room.syncing && !room.removed,
      staff: room.staff,
      removed: room.removed,
      joinError: room.joinError,
    };
    const prev = room.snapshot;
    if (
      prev.connection === next.connection &&
      prev.live === next.live &&
      prev.staff === next.staff &&
      prev.removed === next.removed &&
      prev.joinError === next.joinError
    ) {
      return;
    }
    room.snapshot = next;
    if (notify) this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
