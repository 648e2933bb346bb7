import { EventOrder, type MeetingEvent } from '@hopso/shared';
import { buildMeetingWorld, insertUser, login, type Api, type MeetingWorld } from './support/api';
import { commentableDocument, catchup, joinedSocket, marker, postComment } from './support/live';
import { startServer, type TestServer } from './support/server';
import type { TestSocket } from './support/sockets';

const ROUNDS = 5;
const IN_FLIGHT = 40;
const DELEGATES = 20;

let server: TestServer;
let second: TestServer;
let w: MeetingWorld;
let poster: Api[];
let onSecond: Api[];
let target: Awaited<ReturnType<typeof commentableDocument>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SCALE_OUT: '1' } });
  w = await buildMeetingWorld(server);
  target = await commentableDocument(w);
  const extra: Api[] = [];
  for (let i = 0; i < DELEGATES - 2; i++) {
    const id = await insertUser(server, `storm-${i}`);
    await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role: 'delegate' });
    extra.push(await login(server, `storm-${i}`));
  }
  poster = [w.delegate, w.delegateB, ...extra];
  second = await startServer({ databaseName: server.databaseUrl.split('/').pop(), env: { HOPSO_SCALE_OUT: '1' } });
  onSecond = await Promise.all(poster.map((_, i) => login(second, i === 0 ? 'w-delegate' : i === 1 ? 'w-delegateb' : `storm-${i - 2}`)));
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await second?.stop();
  await server?.stop();
});

/** ROUNDS rounds of IN_FLIGHT comments posted at once, two per delegate; answers the created ids. */
async function storm(apis: (i: number) => Api, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => postComment(apis(i), target.doc, target.paragraph, `${label} vòng ${round} ý ${i}`)));
    for (const a of answers) {
      if (a.status !== 201) throw new Error(`comment: ${a.status} ${JSON.stringify(a.body)}`);
      ids.push(a.body.id);
    }
  }
  return ids;
}

/** What the web client applies of what the socket received, one live event at a time (its EventOrder). */
function applyAsClient(joinedSeq: number, received: MeetingEvent[]): { applied: MeetingEvent[]; late: MeetingEvent[] } {
  const order = new EventOrder(joinedSeq);
  const applied: MeetingEvent[] = [];
  const late: MeetingEvent[] = [];
  for (const event of received) {
    const r = order.accept([event]);
    applied.push(...r.fresh);
    late.push(...r.late);
  }
  return { applied, late };
}

async function expectExactlyOnceInOrder(socket: TestSocket, joinedSeq: number, posted: string[]): Promise<void> {
  await marker(w.chair, w.meeting.id, w.agenda.map((a) => a.id), [socket]);
  const seqs = socket.received.map((e) => e.seq);
  // the server already sends them in order, each once
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  const { applied, late } = applyAsClient(joinedSeq, socket.received);
  expect(late).toEqual([]);
  const appliedComments = applied.flatMap((e) => (e.type === 'comment.created' ? [e.payload.comment.id] : []));
  expect(appliedComments).toHaveLength(ROUNDS * IN_FLIGHT);
  expect(new Set(appliedComments)).toEqual(new Set(posted));
  // nothing left for catch-up, and catch-up from the join holds exactly what arrived live
  expect(await catchup(socket, w.meeting.id, applied[applied.length - 1].seq)).toEqual([]);
  expect((await catchup(socket, w.meeting.id, joinedSeq)).map((e) => e.seq)).toEqual(applied.map((e) => e.seq));
}

describe('live delivery under concurrent writes', () => {
  it('brings 200 comments posted 40 at a time to a staff socket exactly once and in order, with nothing left for catch-up', async () => {
    const { socket, joined } = await joinedSocket(w.secretary, w.meeting.id);
    sockets.push(socket);
    const posted = await storm((i) => poster[i % DELEGATES], 'Một máy chủ');
    await expectExactlyOnceInOrder(socket, joined.seq, posted);
  });

  it('does the same across two server processes, comments posted through both, the staff socket on the second', async () => {
    const secretaryOnSecond = await login(second, 'w-secretary');
    const { socket, joined } = await joinedSocket(secretaryOnSecond, w.meeting.id, second.url);
    sockets.push(socket);
    const posted = await storm((i) => (i % 2 ? onSecond : poster)[i % DELEGATES], 'Hai máy chủ');
    await expectExactlyOnceInOrder(socket, joined.seq, posted);
  });

  it('sends a delegate only their own comments, in order, while the others are written', async () => {
    const { socket, joined } = await joinedSocket(w.delegateB, w.meeting.id, second.url);
    sockets.push(socket);
    const posted = await storm((i) => poster[i % DELEGATES], 'Riêng');
    await marker(w.chair, w.meeting.id, w.agenda.map((a) => a.id), [socket]);
    const { applied, late } = applyAsClient(joined.seq, socket.received);
    expect(late).toEqual([]);
    const own = applied.flatMap((e) => (e.type === 'comment.created' ? [e.payload.comment] : []));
    expect(own.every((c) => c.authorId === w.ids.delegateB)).toBe(true);
    // delegateB is poster 1: i % 20 === 1 posts twice a round
    expect(own).toHaveLength(ROUNDS * 2);
    expect(new Set(own.map((c) => c.id)).size).toBe(own.length);
    expect(posted).toEqual(expect.arrayContaining(own.map((c) => c.id)));
  });
});
