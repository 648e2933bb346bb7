import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import { z } from 'zod';
import { catchupPayload, isStaff, joinMeetingPayload, SESSION_COOKIE, SOCKET_RATE_LIMITS, type Ack, type JoinedMeeting, type MeetingEvent } from '@hopso/shared';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions.service';
import { DomainError, notFound } from '../common/domain-error';
import { findNul, nulError } from '../common/nul-guard';
import { APP_CONFIG, type AppConfig } from '../config';
import { DisplayLinksService } from '../display/display-links.service';
import type { StoredEvent, Viewer } from '../events/event-visibility';
import { MeetingEventsService } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { MeetingStream, type StreamMember } from './meeting-stream';
import { RateLimiter } from './rate-limit';
import { rooms, type HopsoServer, type HopsoSocket } from './socket-types';
import { NotificationsService } from '../notifications/notifications.service';

const PRESENCE_COALESCE_MS = 300;
/** setTimeout's longest delay; a longer session is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A join re-reads its snapshot while the stream has already released past it (see join()). */
const JOIN_SNAPSHOT_ATTEMPTS = 10;

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/**
 * The one Socket.IO gateway. Sockets authenticate at the handshake (session cookie,
 * `auth.token`, or a hall display link's `auth.displayToken`) or are refused; every later
 * request is judged again against the session and the database (rights are never cached).
 * Meeting events reach sockets through one MeetingStream per meeting and process: in sequence
 * order, each projected by the one visibility rule; services never call this class.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() private server!: HopsoServer;
  private readonly logger = new Logger('RealtimeGateway');
  private readonly subscriptions: Subscription[] = [];
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly streams = new Map<string, MeetingStream>();
  private readonly starting = new Map<MeetingStream, Promise<void>>();
  private readonly socketLimits = new RateLimiter(SOCKET_RATE_LIMITS.perSocket);
  private readonly personLimits = new RateLimiter(SOCKET_RATE_LIMITS.perUser);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly displays: DisplayLinksService,
    private readonly notifications: NotificationsService,
  ) {}

  afterInit(server: HopsoServer): void {
    server.use(async (socket, next) => {
      try {
        const { token, displayToken } = (socket.handshake.auth ?? {}) as { token?: unknown; displayToken?: unknown };
        if (typeof displayToken === 'string') {
          const link = await this.displays.resolve(displayToken);
          if (!link) return next(new Error('UNAUTHENTICATED'));
          socket.data = { kind: 'display', linkId: link.id, meetingId: link.meetingId };
          return next();
        }
        const sessionToken = typeof token === 'string' ? token : cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
        const user = sessionToken ? await this.auth.authenticate(sessionToken) : null;
        const session = user ? await this.sessions.current(user.sessionId) : null;
        if (!user || !session) return next(new Error('UNAUTHENTICATED'));
        socket.data = { kind: 'user', userId: user.id, sessionId: user.sessionId, expiresAt: session.expiresAt.getTime() };
        next();
      } catch (e) {
        this.logger.error(e);
        next(new Error('UNAUTHENTICATED'));
      }
    });
    this.subscriptions.push(
      this.events.published.subscribe((stored) => this.committed(stored, true)),
      this.sessions.ended.subscribe((ended) => {
        // adapter-wide: the sockets of an ended session go on every server process
        const room = 'userId' in ended ? rooms.user(ended.userId) : ended.sessionIds.map(rooms.session);
        this.server.in(room).disconnectSockets(true);
      }),
      // adapter-wide, sent once by the process that wrote it: the person's own sockets, wherever they are
      this.notifications.delivered.subscribe(({ userId, notification }) => this.server.to(rooms.user(userId)).emit('notification:new', notification)),
      this.displays.revoked.subscribe(({ linkId, meetingId }) => {
        this.server.to(rooms.display(linkId)).emit('meeting:removed', { meetingId });
        this.server.in(rooms.display(linkId)).disconnectSockets(true);
      }),
    );
    if (this.config.socketScaleOut) server.on('meeting:committed', (stored) => this.committed(stored, false));
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    for (const t of this.presenceTimers.values()) clearTimeout(t);
    for (const stream of this.streams.values()) stream.close();
  }

  async handleConnection(socket: HopsoSocket): Promise<void> {
    const data = socket.data;
    // handlers first: a client may ask the moment it is connected, while the joins below are under way
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        const m = /^meeting:([0-9a-f-]{36})$/.exec(room);
        if (m) this.sendPresence(m[1]);
      }
    });
    socket.on('disconnect', () => {
      for (const stream of [...this.streams.values()]) if (stream.has(socket.id)) this.leaveStream(stream, socket.id);
      this.socketLimits.forget(socket.id);
    });
    socket.on('meeting:join', (payload, ack) => this.answer(socket, ack, () => this.join(socket, payload)));
    socket.on('meeting:leave', (payload, ack) => this.answer(socket, ack, () => this.leave(socket, payload)));
    socket.on('events:catchup', (payload, ack) => this.answer(socket, ack, () => this.catchup(socket, payload)));
    if (data.kind === 'display') {
      await socket.join([rooms.meeting(data.meetingId), rooms.display(data.linkId)]);
      // a hall screen follows its one meeting from the moment it connects
      await this.enterAsDisplay(socket, data.meetingId).catch((e) => this.logger.warn(`display ${data.linkId}: ${e instanceof Error ? e.message : String(e)}`));
    } else {
      await socket.join([rooms.user(data.userId), rooms.session(data.sessionId)]);
      this.endAtExpiry(socket, data.expiresAt);
    }
  }

  // ---- the event streams ----

  /** A committed event: to this process's stream of the meeting, and (scaled out) to every other process's. */
  private committed(stored: StoredEvent, local: boolean): void {
    if (local && this.config.socketScaleOut) this.server.serverSideEmit('meeting:committed', stored);
    // adapter-wide, so sent once by the process that wrote it
    if (local && stored.event.type === 'questions.changed' && stored.audience.userIds?.length) {
      this.server.to(stored.audience.userIds.map(rooms.user)).emit('questions:changed', { meetingId: stored.event.meetingId });
    }
    this.streams.get(stored.event.meetingId)?.offer(stored);
  }

  /** The meeting's stream on this process, started from the database the first time a socket joins. */
  private async openStream(meetingId: string): Promise<MeetingStream> {
    const existing = this.streams.get(meetingId);
    if (existing) {
      await this.starting.get(existing);
      // its start failed (the meeting is gone): the first caller's error is this one's too
      if (this.streams.get(meetingId) !== existing) throw notFound('Meeting');
      return existing;
    }
    const stream = new MeetingStream(meetingId, this.server, {
      read: (id, after, through) => this.events.storedBetween(id, after, through),
      presenceChanged: (id) => this.sendPresence(id),
      warn: (message) => this.logger.warn(message),
    });
    // registered before the read, so events committed meanwhile are held, not missed
    this.streams.set(meetingId, stream);
    const ready = (async () => {
      const state = await this.events.streamState(meetingId);
      if (!state) throw notFound('Meeting');
      stream.start(state.seq, state);
    })();
    this.starting.set(stream, ready);
    try {
      await ready;
    } catch (e) {
      if (this.streams.get(meetingId) === stream) this.streams.delete(meetingId);
      stream.close();
      throw e;
    } finally {
      this.starting.delete(stream);
    }
    return stream;
  }

  private leaveStream(stream: MeetingStream, socketId: string): void {
    stream.remove(socketId);
    if (stream.size === 0 && stream.joining === 0 && this.streams.get(stream.meetingId) === stream) {
      this.streams.delete(stream.meetingId);
      stream.close();
    }
  }

  /**
   * Adds the socket to the meeting's stream as of a snapshot (newest seq, role, groups) that the
   * stream has not yet released past, so no membership change can slip between the two.
   */
  private async enter(socket: HopsoSocket, meetingId: string, snapshot: () => Promise<{ seq: number; member: Omit<StreamMember, 'socket' | 'fromSeq'> }>): Promise<number> {
    const stream = await this.openStream(meetingId);
    stream.joining += 1;
    try {
      for (let attempt = 1; ; attempt++) {
        const { seq, member } = await snapshot();
        if (seq >= stream.lastReleased || attempt === JOIN_SNAPSHOT_ATTEMPTS) {
          if (this.streams.get(meetingId) !== stream || !socket.connected) return seq;
          stream.add({ ...member, socket, fromSeq: seq });
          return seq;
        }
      }
    } finally {
      stream.joining -= 1;
      if (stream.size === 0) this.leaveStream(stream, socket.id);
    }
  }

  // ---- socket requests ----

  private async join(socket: HopsoSocket, raw: unknown): Promise<JoinedMeeting> {
    const { meetingId } = parse(joinMeetingPayload, raw);
    const data = socket.data;
    if (data.kind === 'display') {
      if (meetingId !== data.meetingId) throw notFound('Meeting');
      return { meetingId, seq: await this.enterAsDisplay(socket, meetingId), staff: false };
    }
    const user = await this.currentUser(socket);
    await this.access.require(user, meetingId, 'meeting.read');
    let staff = false;
    const seq = await this.enter(socket, meetingId, async () => {
      const snap = await this.events.joinSnapshot(meetingId, user.id);
      if (!snap) throw notFound('Meeting');
      staff = isStaff(snap.role);
      const groupsByItem = new Map<string, string[]>();
      for (const g of snap.groups) groupsByItem.set(g.agendaItemId, [...(groupsByItem.get(g.agendaItemId) ?? []), g.groupId]);
      const viewer: Viewer = { kind: 'user', userId: user.id, role: snap.role, isAdmin: user.isAdmin, groupIds: new Set(snap.groups.map((g) => g.groupId)) };
      return { seq: snap.seq, member: { viewer, groupsByItem } };
    });
    await socket.join(rooms.meeting(meetingId));
    if (staff) await socket.join(rooms.staff(meetingId));
    else await socket.leave(rooms.staff(meetingId));
    this.sendPresence(meetingId);
    return { meetingId, seq, staff };
  }

  private enterAsDisplay(socket: HopsoSocket, meetingId: string): Promise<number> {
    return this.enter(socket, meetingId, async () => ({
      seq: await this.events.currentSeq(meetingId),
      member: { viewer: { kind: 'display' }, groupsByItem: new Map() },
    }));
  }

  private async leave(socket: HopsoSocket, raw: unknown): Promise<undefined> {
    const { meetingId } = parse(joinMeetingPayload, raw);
    const stream = this.streams.get(meetingId);
    if (stream) this.leaveStream(stream, socket.id);
    await socket.leave(rooms.meeting(meetingId));
    await socket.leave(rooms.staff(meetingId));
    this.sendPresence(meetingId);
    return undefined;
  }

  /** What the socket missed after `after`: exactly what GET /meetings/:id/events answers this viewer. */
  private async catchup(socket: HopsoSocket, raw: unknown): Promise<MeetingEvent[]> {
    const { meetingId, after } = parse(catchupPayload, raw);
    const data = socket.data;
    if (data.kind === 'display') {
      if (meetingId !== data.meetingId) throw notFound('Meeting');
      return this.events.since(meetingId, after, { kind: 'display' });
    }
    const user = await this.currentUser(socket);
    const { role } = await this.access.require(user, meetingId, 'meeting.read');
    return this.events.since(meetingId, after, await this.events.userViewer(meetingId, user, role));
  }

  /** The socket's person as the database knows them now; an ended session ends the socket too. */
  private async currentUser(socket: HopsoSocket): Promise<AuthUser> {
    const data = socket.data;
    if (data.kind !== 'user') throw new DomainError('FORBIDDEN', 'A display link cannot do this');
    const session = await this.sessions.current(data.sessionId);
    if (!session) {
      setImmediate(() => socket.disconnect(true));
      throw new DomainError('UNAUTHENTICATED', 'Your session has ended; sign in again');
    }
    return session.user;
  }

  /** The session ends on this socket the moment it expires, not at the next request. */
  private endAtExpiry(socket: HopsoSocket, expiresAt: number): void {
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) {
        socket.disconnect(true);
        return;
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    socket.once('disconnect', () => timer && clearTimeout(timer));
    arm();
  }

  /**
   * Staff see who is online in the meeting now. Joins and leaves are coalesced per
   * meeting: when a whole hall reconnects at once, staff get one snapshot, not one per phone.
   */
  private sendPresence(meetingId: string): void {
    if (this.presenceTimers.has(meetingId)) return;
    this.presenceTimers.set(
      meetingId,
      setTimeout(() => {
        this.presenceTimers.delete(meetingId);
        void this.pushPresence(meetingId).catch((e) => this.logger.error(e));
      }, PRESENCE_COALESCE_MS),
    );
  }

  private async pushPresence(meetingId: string): Promise<void> {
    const sockets = await this.server.in(rooms.meeting(meetingId)).fetchSockets();
    const onlineUserIds = [...new Set(sockets.flatMap((s) => (s.data.kind === 'user' ? [s.data.userId] : [])))];
    this.server.to(rooms.staff(meetingId)).emit('presence', { meetingId, onlineUserIds });
  }

  /**
   * Every client event gets an acknowledgement: its result, or an error a person can act on.
   * Nothing crashes the server, and one socket or person sending too fast is refused at once.
   */
  private async answer<T>(socket: HopsoSocket, ack: unknown, work: () => Promise<T>): Promise<void> {
    let res: Ack<T>;
    const data = socket.data;
    const person = data.kind === 'user' ? `user:${data.userId}` : `display:${data.linkId}`;
    if (!this.socketLimits.take(socket.id) || !this.personLimits.take(person)) {
      res = { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many requests on this connection; wait a moment and try again' } };
    } else {
      try {
        res = { ok: true, data: await work() };
      } catch (e) {
        if (e instanceof DomainError) res = { ok: false, error: { code: e.code, message: e.message } };
        else {
          this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
          res = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server' } };
        }
      }
    }
    if (typeof ack === 'function') ack(res);
  }
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const nulAt = findNul(raw);
  if (nulAt !== null) throw nulError(nulAt);
  const r = schema.safeParse(raw);
  if (!r.success) throw new DomainError('VALIDATION_FAILED', r.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
  return r.data;
}
