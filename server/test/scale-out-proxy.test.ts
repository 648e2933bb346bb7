import crypto from 'node:crypto';
import http from 'node:http';
import { io } from 'socket.io-client';
import type { Comment, DocumentSummary, MeetingEvent, Paragraph, Sitting, UploadResult, Vote } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import type { LiveClient as LiveClientClass, LiveSocket } from '../../web/src/features/live/lib/liveClient.js' with { 'resolution-mode': 'import' };
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startNginx, type TestProxy } from './support/nginx';
import { startS3Server, type TestS3Server } from './support/s3-server';
import { createTestDatabase, startServer, type TestServer } from './support/server';
import { call, waitForEvents, type TestSocket } from './support/sockets';

jest.setTimeout(240_000);

// the web app's own live client, loaded through jest's transform (web/ is an ES module package)
const { LiveClient } = require('../../web/src/features/live/lib/liveClient') as { LiveClient: typeof LiveClientClass };

/**
 * docker-compose.yml's shape with processes: Debian's nginx with deploy/nginx's template in front of
 * two hopso processes on one PostgreSQL and one S3-API server. Clients talk only to nginx; which
 * replica a client lands on is nginx's choice (ip_hash on the client's address), so each client
 * here connects from its own loopback address (127.0.N.1: ip_hash keys on the first three octets).
 */
let s3: TestS3Server;
let a: TestServer;
let b: TestServer;
let proxy: TestProxy;
let w: MeetingWorld;
let doc: DocumentSummary;
let paragraph: Paragraph;
/** A loopback address nginx sends to replica A, and one it sends to B. */
const from: { a?: string; b?: string } = {};
const closers: (() => void)[] = [];

/** The same person's session, through nginx. */
const viaProxy = (api: Api) => new Api({ ...a, url: proxy.url }, api.token);

const socketsOn = async (server: TestServer): Promise<number> => {
  const text = await (await fetch(`${server.url}/api/metrics`)).text();
  return Number(/^hopso_sockets_connected (\d+)/m.exec(text)?.[1] ?? NaN);
};
const counts = async () => ({ a: await socketsOn(a), b: await socketsOn(b) });
async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A Socket.IO client of nginx from one source address (an agent for the WebSocket and the polling requests alike). */
function proxiedSocket(token: string, address: string, transports: ('websocket' | 'polling')[], autoConnect = true): TestSocket {
  const agent = new http.Agent({ localAddress: address });
  const socket = io(proxy.url, { path: '/socket.io', transports, auth: { token }, agent: agent as unknown as string, forceNew: true, autoConnect, reconnectionDelay: 200, reconnectionDelayMax: 500 }) as TestSocket;
  socket.received = [];
  socket.on('meeting:event', (e) => socket.received.push(e));
  closers.push(() => {
    socket.disconnect();
    agent.destroy();
  });
  return socket;
}
const connected = (socket: TestSocket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
async function joinedVia(api: Api, address: string, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<TestSocket> {
  const socket = proxiedSocket(api.token!, address, transports);
  await connected(socket);
  const res = await call(socket, 'meeting:join', { meetingId: w.meeting.id });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return socket;
}

const postComment = (api: Api, body: string) =>
  api.post<Comment>(`/documents/${doc.id}/comments`, {
    clientId: crypto.randomUUID(),
    anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects },
    body,
  });

beforeAll(async () => {
  s3 = await startS3Server();
  const databaseName = await createTestDatabase();
  // nginx relays from loopback: trusted, so each client's own address is the one rate limits see
  const env = { ...s3.env, HOPSO_SCALE_OUT: '1', HOPSO_TRUST_PROXY: 'loopback' };
  [a, b] = await Promise.all([startServer({ databaseName, env }), startServer({ databaseName, env })]);
  proxy = await startNginx([a.url, b.url]);
  w = await buildMeetingWorld(a, { prefix: 'px' });
  const pdf = await buildDraftResolutionPdf({ title: 'Về kế hoạch đầu tư công', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Thông qua kế hoạch.'] }] });
  const up = await viaProxy(w.secretary).upload(w.meeting.id, [{ name: 'dau-tu-cong.pdf', data: pdf }]);
  expect(up.status).toBe(201);
  const uploaded = (up.body as UploadResult).documents[0];
  const ready = await viaProxy(w.delegate).waitReady(uploaded.id);
  doc = { ...uploaded, currentVersion: ready.currentVersion } as DocumentSummary;
  paragraph = (await viaProxy(w.delegate).get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body[0];

  // which source address nginx sends where: one socket at a time, seen in each replica's socket count
  for (let n = 0; n < 32 && !(from.a && from.b); n++) {
    const address = `127.0.${n}.1`;
    const before = await counts();
    const socket = proxiedSocket(w.delegate.token!, address, ['websocket']);
    await connected(socket);
    const now = await until('the socket to be counted', async () => {
      const c = await counts();
      return c.a + c.b === before.a + before.b + 1 ? c : undefined;
    });
    const replica = now.a > before.a ? 'a' : 'b';
    from[replica] ??= address;
    socket.disconnect();
    await until('the socket to be gone', async () => {
      const c = await counts();
      return c.a + c.b === before.a + before.b ? true : undefined;
    });
  }
  if (!from.a || !from.b) throw new Error(`nginx sent every address to one replica: ${JSON.stringify(from)}`);
});
afterAll(async () => {
  for (const close of closers) close();
  await proxy?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await s3?.close();
});

it('upgrades to WebSocket through nginx, and does not forward the metrics', async () => {
  const start = await counts();
  const socket = await joinedVia(w.secretary, from.a!);
  expect(socket.io.engine.transport.name).toBe('websocket');
  expect((await fetch(`${proxy.url}/api/metrics`)).status).toBe(404);
  // the file uploaded through nginx is read back through it whole (ranges and ETags pass through)
  const file = await fetch(`${proxy.url}/api/documents/${doc.id}/file?original=1`, { headers: { authorization: `Bearer ${w.delegate.token}`, range: 'bytes=0-4' } });
  expect(file.status).toBe(206);
  expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toBe('%PDF-');
  socket.disconnect();
  // gone from A before the next test counts A's sockets
  await until('the socket to leave replica A', async () => ((await counts()).a === start.a ? true : undefined));
});

it("keeps a client on Socket.IO's polling fallback on one replica for its whole session", async () => {
  const before = await counts();
  const socket = await joinedVia(w.chair, from.b!, ['polling']);
  expect(socket.io.engine.transport.name).toBe('polling');
  const during = await until('the polling socket to be counted', async () => {
    const c = await counts();
    return c.b === before.b + 1 ? c : undefined;
  });
  expect(during.a).toBe(before.a);
  // many polling requests, each of which must reach the replica holding the session: a comment
  // posted through the other replica arrives, and acknowledged requests go on being answered
  const comment = (await postComment(new Api(a, w.delegate.token), 'Góp ý khi đang dùng polling')).body;
  await waitForEvents(socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === comment.id));
  for (let i = 0; i < 5; i++) {
    const res = await call(socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 });
    expect(res.ok).toBe(true);
  }
  expect(socket.connected).toBe(true);
  expect(socket.io.engine.transport.name).toBe('polling');
  expect((await counts()).a).toBe(before.a);
  socket.disconnect();
});

it('delivers live comments and votes across both replicas through nginx, each once', async () => {
  const staffOnA = await joinedVia(w.secretary, from.a!);
  const staffOnB = await joinedVia(w.chair, from.b!);
  const delegateOnA = await joinedVia(w.delegate, from.a!);
  const delegateBOnB = await joinedVia(w.delegateB, from.b!);
  const comment = (await postComment(viaProxy(w.delegateB), 'Góp ý qua nginx')).body;
  for (const staff of [staffOnA, staffOnB]) await waitForEvents(staff, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === comment.id));

  const sitting = (await viaProxy(w.secretary).post<Sitting>(`/meetings/${w.meeting.id}/sittings`, { title: 'Phiên sáng' })).body;
  expect((await viaProxy(w.chair).post(`/sittings/${sitting.id}/open`)).status).toBe(200);
  for (const api of [w.delegate, w.delegateB]) expect((await viaProxy(api).post(`/sittings/${sitting.id}/check-in`, { mode: 'online' })).status).toBe(200);
  const vote = (await viaProxy(w.chair).post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: 'Thông qua kế hoạch đầu tư công năm 2027' })).body;
  expect((await viaProxy(w.chair).post(`/votes/${vote.id}/open`)).status).toBe(200);
  expect(await call(delegateOnA, 'vote:cast', { voteId: vote.id, clientId: crypto.randomUUID(), choice: 'yes' })).toMatchObject({ ok: true, data: { counted: true } });
  expect(await call(delegateBOnB, 'vote:cast', { voteId: vote.id, clientId: crypto.randomUUID(), choice: 'no' })).toMatchObject({ ok: true, data: { counted: true } });
  const closed = (await viaProxy(w.chair).post<Vote>(`/votes/${vote.id}/close`)).body;
  expect(closed.result).toMatchObject({ counts: { yes: 1, no: 1, cast: 2 } });
  const isClosed = (e: MeetingEvent) => e.type === 'vote.changed' && e.payload.vote.id === vote.id && e.payload.vote.status === 'closed';
  const all = [staffOnA, staffOnB, delegateOnA, delegateBOnB];
  for (const s of all) await waitForEvents(s, (es) => es.some(isClosed));
  for (const s of all) {
    expect(s.received.filter(isClosed)).toHaveLength(1);
    // a comment reaches the staff and its author, not another delegate
    expect(s.received.filter((e) => e.type === 'comment.created' && e.payload.comment.id === comment.id)).toHaveLength(s === delegateOnA ? 0 : 1);
  }
  for (const s of all) s.disconnect();
});

it("when a replica dies, the web app's live client reconnects through nginx to the other and catches up, nothing lost or twice", async () => {
  // the app's own client (web/src/features/live), its socket on nginx from an address nginx sends to A
  const applied: MeetingEvent[] = [];
  let resyncs = 0;
  const client = new LiveClient({
    sink: { apply: (_, events) => applied.push(...events), resync: () => void resyncs++, presence: () => undefined, removed: () => undefined, refused: () => undefined },
    createSocket: async () => proxiedSocket(w.secretary.token!, from.a!, ['websocket'], false) as unknown as LiveSocket,
  });
  closers.push(() => client.close());
  client.watch(w.meeting.id);
  await until('the client to be live', () => (client.getState(w.meeting.id).live ? true : undefined));
  expect((await counts()).a).toBeGreaterThan(0);
  const createdIds = () => applied.filter((e) => e.type === 'comment.created').map((e) => (e.payload as { comment: Comment }).comment.id);
  const first = (await postComment(viaProxy(w.delegate), 'Trước khi máy A dừng')).body;
  await until('the first comment', () => (createdIds().includes(first.id) ? true : undefined));
  const seenBefore = createdIds().length;

  await a.kill();
  // written through nginx while the client is cut off or reconnecting: nginx sends them to B
  const missed: string[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await postComment(viaProxy(w.delegateB), `Trong lúc máy A dừng ${i + 1}`);
    expect(res.status).toBe(201);
    missed.push(res.body.id);
  }
  await until('the client to be live again', () => (client.getState(w.meeting.id).live ? true : undefined), 30_000);
  const after = (await postComment(viaProxy(w.delegate), 'Sau khi nối lại qua nginx')).body;
  await until('every comment after the kill', () => (createdIds().includes(after.id) ? true : undefined), 30_000);

  expect(createdIds().slice(seenBefore)).toEqual([...missed, after.id]);
  const seqs = applied.map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  // the first join fetched the state once; after the reconnect the catch-up was complete
  expect(resyncs).toBe(1);
  // and the client is on B now
  expect((await socketsOn(b))).toBeGreaterThan(0);
  client.close();
});
