import type { Ack, JoinedMeeting, MeetingEvent, PresenceSnapshot } from '@hopso/shared';
import { LiveClient, type LiveSink, type LiveSocket } from './liveClient';

const MEETING = '6f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70';

function event(seq: number, currentAgendaItemId: string | null = null): MeetingEvent {
  return { meetingId: MEETING, seq, type: 'meeting.updated', at: new Date(0).toISOString(), payload: { meetingId: MEETING, status: 'in_session', currentAgendaItemId } };
}

type Handler = (...args: unknown[]) => void;

/** Just enough of a Socket.IO client socket: the test plays the server. */
class FakeSocket {
  connected = false;
  active = false;
  private handlers = new Map<string, Handler[]>();
  joins = 0;
  leaves = 0;
  catchups: number[] = [];
  /** What the "server" holds: the meeting's event log. */
  log: MeetingEvent[] = [];
  /** Events the server pushes while it answers a catch-up (they arrive before the answer). */
  duringCatchup: MeetingEvent[] = [];
  joinAnswer: () => Ack<JoinedMeeting> = () => ({ ok: true, data: { meetingId: MEETING, seq: this.log.at(-1)?.seq ?? 0, staff: true } });

  on(name: string, fn: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  fire(name: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(name) ?? []) fn(...args);
  }
  connect() {
    this.active = true;
    this.connected = true;
    queueMicrotask(() => this.fire('connect'));
    return this;
  }
  disconnect() {
    this.active = false;
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }
  /** The network goes away (socket.io would retry on its own). */
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  emit(name: string, payload: { meetingId: string; after?: number }, ack: (res: unknown) => void) {
    setTimeout(() => {
      if (name === 'meeting:join') {
        this.joins += 1;
        ack(this.joinAnswer());
      } else if (name === 'meeting:leave') {
        this.leaves += 1;
        ack({ ok: true, data: undefined });
      } else if (name === 'events:catchup') {
        this.catchups.push(payload.after ?? 0);
        for (const e of this.duringCatchup.splice(0)) this.fire('meeting:event', e);
        ack({ ok: true, data: this.log.filter((e) => e.seq > (payload.after ?? 0)) });
      }
    }, 0);
    return this;
  }
}

function recordingSink() {
  const applied: number[] = [];
  const calls = { resync: 0, removed: 0, refused: 0, presence: [] as PresenceSnapshot[] };
  const sink: LiveSink = {
    apply: (_id, events) => applied.push(...events.map((e) => e.seq)),
    resync: () => void (calls.resync += 1),
    presence: (p) => void calls.presence.push(p),
    removed: () => void (calls.removed += 1),
    refused: () => void (calls.refused += 1),
  };
  return { sink, applied, calls };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
};

function setup(opts: { baseline?: number } = {}) {
  const socket = new FakeSocket();
  const { sink, applied, calls } = recordingSink();
  const client = new LiveClient({ sink, createSocket: async () => socket as unknown as LiveSocket, roomGraceMs: 20, ackTimeoutMs: 500 });
  const unwatch = client.watch(MEETING, opts);
  return { socket, client, applied, calls, unwatch };
}

describe('LiveClient', () => {
  it('joins, asks for a refetch of what REST loaded, then applies live events once each and in order', async () => {
    const { socket, client, applied, calls } = setup();
    socket.log = [event(1), event(2)];
    await settle();
    expect(socket.joins).toBe(1);
    expect(calls.resync).toBe(1);
    expect(client.getState(MEETING)).toMatchObject({ connection: 'connected', live: true, staff: true });

    socket.fire('meeting:event', event(4));
    socket.fire('meeting:event', event(4)); // a repeat: applied once
    socket.fire('meeting:event', event(7)); // a gap (events this person may not see are never sent): applied at once
    expect(applied).toEqual([4, 7]);
    expect(calls.resync).toBe(1);
    client.close();
  });

  it('never drops unseen an event that arrives after a later one: it asks for the state again', async () => {
    const { socket, client, applied, calls } = setup();
    socket.log = [event(1), event(2)];
    await settle();
    expect(calls.resync).toBe(1);
    socket.fire('meeting:event', event(4));
    socket.fire('meeting:event', event(3)); // out of order and never applied: the screen is refetched
    socket.fire('meeting:event', event(3)); // reported once
    socket.fire('meeting:event', event(2)); // at or below the join's seq: already in what REST answered
    expect(applied).toEqual([4]);
    expect(calls.resync).toBe(2);
    client.close();
  });

  it('after a reconnect catches up from the last applied seq, holding live events until the catch-up is in', async () => {
    const { socket, client, applied } = setup();
    socket.log = [event(1)];
    await settle();
    socket.fire('meeting:event', event(2));
    expect(applied).toEqual([2]);

    socket.drop();
    expect(client.getState(MEETING)).toMatchObject({ connection: 'reconnecting', live: false });
    // missed while offline: 3, 4, 5; event 6 is pushed live while the catch-up is being answered
    socket.log = [event(1), event(2), event(3), event(4), event(5)];
    socket.duringCatchup = [event(6)];
    socket.connect();
    await settle();

    expect(socket.catchups).toEqual([2]);
    expect(applied).toEqual([2, 3, 4, 5, 6]);
    expect(client.getState(MEETING).live).toBe(true);
    client.close();
  });

  it('starts from a known seq (the hall screen) and catches up from it without a refetch', async () => {
    const { socket, client, applied, calls } = setup({ baseline: 2 });
    socket.log = [event(1), event(2), event(3)];
    await settle();
    expect(socket.catchups).toEqual([2]);
    expect(applied).toEqual([3]);
    expect(calls.resync).toBe(0);
    client.close();
  });

  it('marks the meeting removed when the server takes the client out of it', async () => {
    const { socket, client, calls } = setup();
    await settle();
    socket.fire('meeting:removed', { meetingId: MEETING });
    expect(calls.removed).toBe(1);
    expect(client.getState(MEETING)).toMatchObject({ removed: true, live: false });
    client.close();
  });

  it('asks again shortly when the server says it was asked too fast', async () => {
    const socket = new FakeSocket();
    let refused = 1;
    socket.joinAnswer = () =>
      refused-- > 0 ? { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many requests' } } : { ok: true, data: { meetingId: MEETING, seq: 0, staff: false } };
    const { sink } = recordingSink();
    const client = new LiveClient({ sink, createSocket: async () => socket as unknown as LiveSocket });
    client.watch(MEETING);
    await settle();
    expect(client.getState(MEETING)).toMatchObject({ live: false, joinError: null });
    for (const deadline = Date.now() + 5000; socket.joins < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    await settle();
    expect(socket.joins).toBe(2);
    expect(client.getState(MEETING).live).toBe(true);
    client.close();
  });

  it('reports a refused join instead of pretending to be live', async () => {
    const socket = new FakeSocket();
    socket.joinAnswer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Meeting not found' } });
    const { sink } = recordingSink();
    const client = new LiveClient({ sink, createSocket: async () => socket as unknown as LiveSocket });
    client.watch(MEETING);
    await settle();
    expect(client.getState(MEETING)).toMatchObject({ live: false, joinError: 'NOT_FOUND' });
    client.close();
  });

  it('keeps the room through a quick move between screens and hangs up once nobody watches', async () => {
    const { socket, client, unwatch } = setup();
    await settle();
    unwatch();
    const again = client.watch(MEETING);
    await settle();
    await new Promise((r) => setTimeout(r, 40));
    expect(socket.joins).toBe(1);
    expect(socket.leaves).toBe(0);

    again();
    await new Promise((r) => setTimeout(r, 40));
    expect(socket.leaves).toBe(1);
    expect(socket.connected).toBe(false);
    expect(client.getState(MEETING).connection).toBe('idle');
  });

  it('passes presence on for a watched meeting only', async () => {
    const { socket, client, calls } = setup();
    await settle();
    socket.fire('presence', { meetingId: MEETING, onlineUserIds: ['u1'] });
    socket.fire('presence', { meetingId: '00000000-0000-0000-0000-000000000000', onlineUserIds: ['u2'] });
    expect(calls.presence).toEqual([{ meetingId: MEETING, onlineUserIds: ['u1'] }]);
    client.close();
  });
});
