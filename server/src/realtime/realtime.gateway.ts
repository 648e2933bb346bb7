import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import { z } from 'zod';
import { can, catchupPayload, isStaff, joinMeetingPayload, SESSION_COOKIE, type Ack, type MeetingEvent } from '@hopso/shared';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { BreakoutsService } from '../breakouts/breakouts.service';
import { DisplayLinksService } from '../display/display-links.service';
import { MeetingEventsService, type PublishedEvent } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { rooms, type HopsoServer, type HopsoSocket } from './socket-types';

const PRESENCE_COALESCE_MS = 300;

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/**
 * The one Socket.IO gateway. Sockets authenticate at the handshake (session cookie,
 * `auth.token`, or a hall display link's `auth.displayToken`) or are refused.
 * Room membership is decided here, on the server, from the permission table;
 * services never call this class: it listens to the event log.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private server!: HopsoServer;
  private readonly logger = new Logger('RealtimeGateway');
  private readonly subscriptions: Subscription[] = [];
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly auth: AuthService,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly displays: DisplayLinksService,
    private readonly breakouts: BreakoutsService,
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
        if (!user) return next(new Error('UNAUTHENTICATED'));
        socket.data = { kind: 'user', userId: user.id, isAdmin: user.isAdmin };
        next();
      } catch (e) {
        this.logger.error(e);
        next(new Error('UNAUTHENTICATED'));
      }
    });
    this.subscriptions.push(
      this.events.published.subscribe((p) => this.broadcast(p)),
      this.events.membershipChanged.subscribe(({ meetingId, userId }) => void this.refreshMembership(meetingId, userId)),
      this.events.groupsChanged.subscribe(({ meetingId }) => void this.joinGroupRooms(meetingId)),
      this.displays.revoked.subscribe(({ linkId, meetingId }) => {
        this.server.to(rooms.display(linkId)).emit('meeting:removed', { meetingId });
        this.server.in(rooms.display(linkId)).disconnectSockets(true);
      }),
    );
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    for (const t of this.presenceTimers.values()) clearTimeout(t);
  }

  async handleConnection(socket: HopsoSocket): Promise<void> {
    const data = socket.data;
    if (data.kind === 'display') {
      await socket.join([rooms.meeting(data.meetingId), rooms.display(data.linkId)]);
    } else {
      await socket.join(rooms.user(data.userId));
    }
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        const m = /^meeting:([0-9a-f-]{36})$/.exec(room);
        if (m) this.sendPresence(m[1]);
      }
    });
    socket.on('meeting:join', (payload, ack) => this.answer(ack, () => this.join(socket, payload)));
    socket.on('meeting:leave', (payload, ack) => this.answer(ack, () => this.leave(socket, payload)));
    socket.on('events:catchup', (payload, ack) => this.answer(ack, () => this.catchup(socket, payload)));
  }

  handleDisconnect(): void {
    // presence is sent from the 'disconnecting' handler, while the socket still knows its rooms
  }

  private async join(socket: HopsoSocket, raw: unknown) {
    const { meetingId } = parse(joinMeetingPayload, raw);
    const data = socket.data;
    if (data.kind === 'display') {
      if (meetingId !== data.meetingId) throw new DomainError('NOT_FOUND', 'Meeting not found');
      return { meetingId, seq: await this.events.currentSeq(meetingId), staff: false };
    }
    const { role } = await this.access.require(this.asUser(socket), meetingId, 'meeting.read');
    const staff = isStaff(role);
    await socket.join(rooms.meeting(meetingId));
    if (staff) await socket.join(rooms.staff(meetingId));
    await this.joinGroupRooms(meetingId, data.userId);
    this.sendPresence(meetingId);
    return { meetingId, seq: await this.events.currentSeq(meetingId), staff };
  }

  private async leave(socket: HopsoSocket, raw: unknown): Promise<undefined> {
    const { meetingId } = parse(joinMeetingPayload, raw);
    await socket.leave(rooms.meeting(meetingId));
    await socket.leave(rooms.staff(meetingId));
    this.sendPresence(meetingId);
    return undefined;
  }

  private async catchup(socket: HopsoSocket, raw: unknown): Promise<MeetingEvent[]> {
    const { meetingId, after } = parse(catchupPayload, raw);
    const data = socket.data;
    if (data.kind === 'display') {
      if (meetingId !== data.meetingId) throw new DomainError('NOT_FOUND', 'Meeting not found');
      return this.events.since(meetingId, after, { userId: '00000000-0000-0000-0000-000000000000', staff: false });
    }
    const { role } = await this.access.require(this.asUser(socket), meetingId, 'meeting.read');
    return this.events.since(meetingId, after, { userId: data.userId, staff: isStaff(role) });
  }

  private broadcast({ event, audience }: PublishedEvent): void {
    const main =
      audience.to === 'group' ? [rooms.group(audience.groupId), rooms.staff(event.meetingId)] : [audience.to === 'all' ? rooms.meeting(event.meetingId) : rooms.staff(event.meetingId)];
    this.server.to([...main, ...(audience.userIds ?? []).map(rooms.user)]).emit('meeting:event', event);
  }

  /** Members follow their breakout group's room, on every process. */
  private async joinGroupRooms(meetingId: string, onlyUserId?: string): Promise<void> {
    const rows: { group_id: string; user_id: string }[] = await this.breakouts.memberships(meetingId, onlyUserId);
    for (const r of rows) this.server.in(rooms.user(r.user_id)).socketsJoin(rooms.group(r.group_id));
  }

  /** A participant removed or demoted stops receiving the meeting's (staff) events at once, on every process. */
  private async refreshMembership(meetingId: string, userId: string): Promise<void> {
    const role = await this.access.roleOf(userId, meetingId);
    const userRoom = this.server.in(rooms.user(userId));
    // an official (người trả lời chất vấn) has no meeting.read: they leave the meeting's rooms like someone removed
    if (role === null || !can(role, 'meeting.read')) {
      this.server.to(rooms.user(userId)).emit('meeting:removed', { meetingId });
      userRoom.socketsLeave([rooms.meeting(meetingId), rooms.staff(meetingId), ...(await this.breakouts.groupIdsOfMeeting(meetingId)).map(rooms.group)]);
      this.sendPresence(meetingId);
    } else if (!isStaff(role)) {
      userRoom.socketsLeave(rooms.staff(meetingId));
    }
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

  private asUser(socket: HopsoSocket): AuthUser {
    const data = socket.data;
    if (data.kind !== 'user') throw new DomainError('FORBIDDEN', 'A display link cannot do this');
    return { id: data.userId, isAdmin: data.isAdmin, username: '', fullName: '', sessionId: '' };
  }

  /** Every client event gets an acknowledgement: its result, or an error a person can act on. Nothing crashes the server. */
  private async answer<T>(ack: unknown, work: () => Promise<T>): Promise<void> {
    let res: Ack<T>;
    try {
      res = { ok: true, data: await work() };
    } catch (e) {
      if (e instanceof DomainError) res = { ok: false, error: { code: e.code, message: e.message } };
      else {
        this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        res = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server' } };
      }
    }
    if (typeof ack === 'function') ack(res);
  }
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new DomainError('VALIDATION_FAILED', r.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
  return r.data;
}
