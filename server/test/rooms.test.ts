import crypto from 'node:crypto';
import { SOCKET_RATE_LIMITS, type Breakout, type GroupMessage, type MeetingEvent } from '@hopso/shared';
import { Api, buildMeetingWorld, insertUser, login, type MeetingWorld } from './support/api';
import { catchup, commentableDocument, joinedSocket, marker, postComment } from './support/live';
import { startServer, type TestServer } from './support/server';
import { call, connectSocket, socketFor, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let second: TestServer;
let w: MeetingWorld;
let target: Awaited<ReturnType<typeof commentableDocument>>;
const sockets: TestSocket[] = [];
const track = <T extends { socket: TestSocket }>(x: T) => (sockets.push(x.socket), x);
const agendaIds = () => w.agenda.map((a) => a.id);

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SCALE_OUT: '1' } });
  w = await buildMeetingWorld(server);
  target = await commentableDocument(w);
  second = await startServer({ databaseName: server.databaseUrl.split('/').pop(), env: { HOPSO_SCALE_OUT: '1' } });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await second?.stop();
  await server?.stop();
});

/** A new person with `role` in the meeting (or none), logged in on the first process. */
async function person(name: string, role: 'secretary' | 'delegate' | null, opts: { isAdmin?: boolean } = {}): Promise<{ id: string; name: string; api: Api }> {
  const id = await insertUser(server, name, opts);
  if (role) await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role });
  return { id, name, api: await login(server, name) };
}

const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
const sessionHash = (api: Api) => crypto.createHash('sha256').update(api.token!).digest('hex');
const send = (api: Api, groupId: string, body: string) =>
  api.post<GroupMessage>(`/breakout-groups/${groupId}/messages`, { clientId: crypto.randomUUID(), body, citation: null });

/** The changes go through the first process; the socket watching sits on the process `where` names. */
describe.each([
  ['on one server process', () => server],
  ['with the socket on a second server process', () => second],
])('rooms follow the database %s', (_label, where) => {
  /** The person's session on the process that holds the socket. */
  const on = async (p: { name: string; api: Api }) => (where() === server ? p.api : login(where(), p.name));

  it('stops sending a delegate moved to another group that group’s messages, at once', async () => {
    const item = where() === server ? w.agenda[0].id : w.agenda[2].id;
    const mover = await person(`mover-${where() === server ? 1 : 2}`, 'delegate');
    const stayer = await person(`stayer-${where() === server ? 1 : 2}`, 'delegate');
    const prepared = await w.secretary.post<Breakout>(`/meetings/${w.meeting.id}/breakouts`, {
      agendaItemId: item,
      groups: [
        { name: 'Tổ 1', memberIds: [mover.id, stayer.id] },
        { name: 'Tổ 2', memberIds: [w.ids.delegateB] },
      ],
    });
    expect(prepared.status).toBe(200);
    const [g1, g2] = prepared.body.groups;
    expect((await w.secretary.post(`/meetings/${w.meeting.id}/breakouts/start`, { agendaItemId: item })).status).toBe(200);
    const { socket } = track(await joinedSocket(await on(mover), w.meeting.id, where().url));
    expect((await send(stayer.api, g1.id, 'Trước khi chuyển tổ')).status).toBe(201);
    await waitForEvents(socket, (es) => es.some((e) => e.type === 'group.message' && e.payload.message.body === 'Trước khi chuyển tổ'));

    expect((await w.secretary.patch(`/breakout-groups/${g2.id}`, { memberIds: [w.ids.delegateB, mover.id] })).status).toBe(200);
    expect((await send(stayer.api, g1.id, 'Sau khi chuyển tổ')).status).toBe(201);
    expect((await send(w.delegateB, g2.id, 'Chào bạn mới')).status).toBe(201);
    // the new group's message must arrive; the old group's, written before it, must not have
    await waitForEvents(socket, (es) => es.some((e) => e.type === 'group.message' && e.payload.message.body === 'Chào bạn mới'));
    expect(socket.received.some((e) => e.type === 'group.message' && e.payload.message.body === 'Sau khi chuyển tổ')).toBe(false);
    expect((await mover.api.get(`/breakout-groups/${g1.id}/messages`)).status).toBe(404);
    // what the breakout event shows the mover is their own group only, as REST does
    const last = socket.received.filter((e): e is Extract<MeetingEvent, { type: 'breakout.changed' }> => e.type === 'breakout.changed').at(-1)!;
    expect(last.payload.breakout.groups.map((g) => g.id)).toEqual([g2.id]);
    const rest = (await mover.api.get<Breakout[]>(`/meetings/${w.meeting.id}/breakouts`)).body.find((b) => b.agendaItemId === item)!;
    expect(rest.groups.map((g) => g.id)).toEqual([g2.id]);
    expect((await catchup(socket, w.meeting.id, 0)).some((e) => e.type === 'group.message' && e.payload.message.groupId === g1.id)).toBe(false);
  });

  it('stops sending a demoted secretary the staff’s events, at once', async () => {
    const demoted = await person(`demoted-${where() === server ? 1 : 2}`, 'secretary');
    const { socket, joined } = track(await joinedSocket(await on(demoted), w.meeting.id, where().url));
    expect(joined.staff).toBe(true);
    const before = (await postComment(w.delegate, target.doc, target.paragraph, 'Thư ký còn thấy')).body;
    await waitForEvents(socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === before.id));

    expect((await w.secretary.patch(`/meetings/${w.meeting.id}/participants/${demoted.id}`, { role: 'delegate' })).status).toBe(200);
    const after = (await postComment(w.delegate, target.doc, target.paragraph, 'Thư ký đã thôi')).body;
    await marker(w.chair, w.meeting.id, agendaIds(), [socket]);
    expect(socket.received.some((e) => e.type === 'participant.changed' && e.payload.userId === demoted.id && e.payload.role === 'delegate')).toBe(true);
    expect(socket.received.some((e) => e.type === 'comment.created' && e.payload.comment.id === after.id)).toBe(false);
    expect((await catchup(socket, w.meeting.id, joined.seq)).some((e) => e.type === 'comment.created')).toBe(false);
    expect((await demoted.api.get<{ id: string }[]>(`/meetings/${w.meeting.id}/comments`)).body.map((c) => c.id)).not.toContain(after.id);
  });

  it('ends a logged-out session’s socket at once, and the session over HTTP', async () => {
    const api = await login(where(), 'w-delegate');
    const { socket } = track(await joinedSocket(api, w.meeting.id, where().url));
    const gone = disconnected(socket);
    // logged out through the first process, whichever process holds the socket
    expect((await new Api(server, api.token).post('/auth/logout', {})).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await api.get('/auth/me')).status).toBe(401);
    await expect(socketFor(api, where().url)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('ends a socket the moment its session expires', async () => {
    const api = await login(where(), 'w-observer');
    await server.db.query(`UPDATE sessions SET expires_at = now() + interval '1500 milliseconds' WHERE token_hash = $1`, [sessionHash(api)]);
    const { socket } = track(await joinedSocket(api, w.meeting.id, where().url));
    expect(await disconnected(socket)).toBe('io server disconnect');
    expect((await api.get('/auth/me')).status).toBe(401);
  });

  it('ends every old session of a person whose password an administrator resets, over HTTP and on sockets', async () => {
    const reset = await person(`reset-${where() === server ? 1 : 2}`, 'delegate');
    const api = await on(reset);
    const { socket } = track(await joinedSocket(api, w.meeting.id, where().url));
    const gone = disconnected(socket);
    expect((await w.admin.patch(`/users/${reset.id}`, { password: 'Mat-khau-moi-2026-dai' })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await api.get('/auth/me')).status).toBe(401);
    expect((await reset.api.get('/auth/me')).status).toBe(401);
    expect((await login(where(), reset.name, 'Mat-khau-moi-2026-dai').then((a) => a.get('/auth/me'))).status).toBe(200);
  });

  it('judges administrator rights on every request, never from the handshake', async () => {
    const admin = await person(`admin2-${where() === server ? 1 : 2}`, null, { isAdmin: true });
    const api = await on(admin);
    const { socket } = track(await joinedSocket(api, w.meeting.id, where().url));
    const gone = disconnected(socket);
    expect((await w.admin.patch(`/users/${admin.id}`, { isAdmin: false })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    const again = await socketFor(api, where().url);
    sockets.push(again);
    expect(await call(again, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(again, 'events:catchup', { meetingId: w.meeting.id, after: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('socket request limits', () => {
  it('answers a flood of catch-ups from one socket with RATE_LIMITED and keeps the server answering', async () => {
    const { socket } = track(await joinedSocket(w.secretary, w.meeting.id));
    const flood = Promise.all(Array.from({ length: 2000 }, () => call(socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 })));
    const started = Date.now();
    const health = await fetch(`${server.url}/api/health`);
    const healthMs = Date.now() - started;
    const answers = await flood;
    const floodSeconds = (Date.now() - started) / 1000;
    expect(health.status).toBe(200);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    // the burst, plus what the bucket refilled while the flood lasted (longer on a busy machine)
    const { burst, perSecond } = SOCKET_RATE_LIMITS.perSocket;
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(burst + Math.ceil(perSecond * floodSeconds));
    expect(limited.length).toBeGreaterThan(answers.length / 2);
    expect(limited.length).toBe(answers.length - answers.filter((a) => a.ok).length);
    expect(limited[0]).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too many/i) } });
    // another person is not held back by this one's flood
    const other = track(await joinedSocket(w.chair, w.meeting.id));
    expect(await call(other.socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 })).toMatchObject({ ok: true });
    console.log(`health answered in ${healthMs} ms during a flood of 2000 catch-ups (${limited.length} refused)`);
  });

  it('also limits one person across many sockets', async () => {
    const many = await Promise.all(Array.from({ length: 6 }, () => connectSocket(server.url, { token: w.observer.token })));
    sockets.push(...many);
    const answers = await Promise.all(many.flatMap((s) => Array.from({ length: 25 }, () => call(s, 'events:catchup', { meetingId: w.meeting.id, after: 0 }))));
    expect(answers.some((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toBe(true);
  });
});
