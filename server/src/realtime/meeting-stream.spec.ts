import type { MeetingEvent } from '@hopso/shared';
import type { StoredEvent, Viewer } from '../events/event-visibility';
import { MeetingStream } from './meeting-stream';
import type { HopsoServer, HopsoSocket } from './socket-types';

const MEETING = '6f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70';
const stored = (seq: number, audience: StoredEvent['audience'] = { to: 'all' }): StoredEvent => ({
  event: { meetingId: MEETING, seq, type: 'agenda.changed', at: '', payload: { meetingId: MEETING, agenda: [] } } as MeetingEvent,
  audience,
});

/** Just enough of the Socket.IO server: what each socket id was sent, in order. */
function fakeIo() {
  const sent = new Map<string, number[]>();
  const io = { local: { to: (ids: string[]) => ({ emit: (_name: string, e: MeetingEvent) => ids.forEach((id) => sent.set(id, [...(sent.get(id) ?? []), e.seq])) }) } };
  return { io: io as unknown as HopsoServer, sent };
}
const fakeSocket = (id: string) => ({ id, emit: jest.fn(), join: jest.fn(), leave: jest.fn() }) as unknown as HopsoSocket;
const staff: Viewer = { kind: 'user', userId: 'u1', role: 'secretary', isAdmin: false, groupIds: new Set() };

function stream(log: StoredEvent[] = []) {
  const { io, sent } = fakeIo();
  const reads: [number, number][] = [];
  const s = new MeetingStream(MEETING, io, {
    read: async (_id, after, through) => (reads.push([after, through]), log.filter((e) => e.event.seq > after && e.event.seq <= through)),
    presenceChanged: () => undefined,
    warn: () => undefined,
  });
  s.add({ socket: fakeSocket('s1'), viewer: staff, fromSeq: 0, groupsByItem: new Map() });
  return { s, sent, reads };
}

describe('MeetingStream', () => {
  it('releases events that arrive out of order in sequence order, each once', () => {
    const { s, sent } = stream();
    s.start(0, { status: 'in_session', releaseAt: new Date(0) });
    for (const seq of [2, 1, 4, 3, 3, 1, 5]) s.offer(stored(seq));
    expect(sent.get('s1')).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds what is offered while it starts and drops what its starting point covers', () => {
    const { s, sent } = stream();
    s.offer(stored(3));
    s.offer(stored(5));
    s.start(3, { status: 'in_session', releaseAt: new Date(0) });
    s.offer(stored(4));
    expect(sent.get('s1')).toEqual([4, 5]);
  });

  it('reads a missing event from the log when it is late, then releases the rest in order', async () => {
    const log = [stored(1), stored(2), stored(3)];
    const { s, sent, reads } = stream(log);
    s.start(0, { status: 'in_session', releaseAt: new Date(0) });
    s.offer(stored(1));
    s.offer(stored(3));
    expect(sent.get('s1')).toEqual([1]);
    await new Promise((r) => setTimeout(r, 80));
    expect(reads).toEqual([[1, 2]]);
    expect(sent.get('s1')).toEqual([1, 2, 3]);
    s.close();
  });

  it('never skips a gap that opened while an earlier one was being read', async () => {
    const log = [1, 2, 3, 4, 5].map((seq) => stored(seq));
    const { s, sent, reads } = stream(log);
    let answer: (rows: StoredEvent[]) => void = () => undefined;
    (s as unknown as { hooks: { read: () => Promise<StoredEvent[]> } }).hooks.read = () => (reads.push([0, 0]), new Promise((r) => (answer = r)));
    s.start(0, { status: 'in_session', releaseAt: new Date(0) });
    s.offer(stored(2));
    await new Promise((r) => setTimeout(r, 60));
    expect(reads).toHaveLength(1);
    // while 1 is being read, it arrives live, and so does 4 (3 still on its way)
    s.offer(stored(1));
    s.offer(stored(4));
    answer([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.get('s1')).toEqual([1, 2]);
    s.offer(stored(3));
    expect(sent.get('s1')).toEqual([1, 2, 3, 4]);
    s.close();
  });

  it('sends a delegate nothing of what they may not see, and a member only what came after their join', () => {
    const { s, sent } = stream();
    s.add({ socket: fakeSocket('d1'), viewer: { kind: 'user', userId: 'd', role: 'delegate', isAdmin: false, groupIds: new Set() }, fromSeq: 1, groupsByItem: new Map() });
    s.start(0, { status: 'in_session', releaseAt: new Date(0) });
    s.offer(stored(1));
    s.offer(stored(2, { to: 'staff' }));
    s.offer({ ...stored(3), event: { ...stored(3).event, type: 'comment.created' } as MeetingEvent, audience: { to: 'staff', userIds: ['x'] } });
    s.offer(stored(4));
    expect(sent.get('s1')).toEqual([1, 2, 3, 4]);
    expect(sent.get('d1')).toEqual([2, 4]);
  });
});
