import crypto from 'node:crypto';
import type { Comment, DocumentSummary, JoinedMeeting, MeetingEvent, Paragraph, Sitting, UploadResult, Vote } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startS3Server, type TestS3Server } from './support/s3-server';
import { createTestDatabase, startServer, type TestServer } from './support/server';
import { call, socketFor, waitForEvents, type TestSocket } from './support/sockets';

jest.setTimeout(240_000);

/**
 * Two server processes on one PostgreSQL and one S3-API server, as docker-compose.yml runs them:
 * a file uploaded through one is read through the other, live events (comments, ballots and their
 * tally) cross between them, and when
 * one dies its clients reconnect to the other and catch up with nothing lost or twice.
 */
let s3: TestS3Server;
let a: TestServer;
let b: TestServer;
let w: MeetingWorld;
let doc: DocumentSummary;
let paragraph: Paragraph;
let pdf: Buffer;
const sockets: TestSocket[] = [];

/** The same person's session, used against the other process. */
const on = (server: TestServer, api: Api) => new Api(server, api.token);

const postComment = (api: Api, body: string) =>
  api.post<Comment>(`/documents/${doc.id}/comments`, {
    clientId: crypto.randomUUID(),
    anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects },
    body,
  });

async function joined(api: Api): Promise<{ socket: TestSocket; join: JoinedMeeting }> {
  const socket = await socketFor(api);
  sockets.push(socket);
  const res = await call(socket, 'meeting:join', { meetingId: w.meeting.id });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return { socket, join: res.data as JoinedMeeting };
}

beforeAll(async () => {
  s3 = await startS3Server();
  const databaseName = await createTestDatabase();
  const env = { ...s3.env, HOPSO_SCALE_OUT: '1' };
  [a, b] = await Promise.all([startServer({ databaseName, env }), startServer({ databaseName, env })]);
  w = await buildMeetingWorld(a, { prefix: 'so' });
  pdf = await buildDraftResolutionPdf({ title: 'Về dự toán ngân sách', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Thông qua dự toán.'] }] });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await s3?.close();
});

it('reads through one process a file uploaded through the other', async () => {
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'du-toan.pdf', data: pdf }]);
  expect(up.status).toBe(201);
  doc = (up.body as UploadResult).documents[0];
  const onB = on(b, w.delegate);
  const ready = await onB.waitReady(doc.id);
  expect(ready.currentVersion.status).toBe('ready');
  doc = { ...doc, currentVersion: ready.currentVersion } as DocumentSummary;
  paragraph = (await onB.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body[0];
  const file = await fetch(`${b.url}/api/documents/${doc.id}/file?original=1`, { headers: { authorization: `Bearer ${w.delegate.token}` } });
  expect(file.status).toBe(200);
  expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
});

it('delivers a comment posted through one process to the staff connected to the other, both ways', async () => {
  const staffOnB = await joined(on(b, w.secretary));
  const staffOnA = await joined(w.chair);
  const viaA = (await postComment(w.delegate, 'Góp ý gửi qua máy A')).body;
  const viaB = (await postComment(on(b, w.delegateB), 'Góp ý gửi qua máy B')).body;
  for (const staff of [staffOnA, staffOnB]) {
    await waitForEvents(staff.socket, (es) => [viaA.id, viaB.id].every((id) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === id)));
  }
});

it('counts ballots cast through both processes once each, with the tally live on both', async () => {
  const sitting = (await w.secretary.post<Sitting>(`/meetings/${w.meeting.id}/sittings`, { title: 'Phiên chiều' })).body;
  expect((await on(b, w.chair).post(`/sittings/${sitting.id}/open`)).status).toBe(200);
  for (const [server, api] of [[a, w.chair], [b, w.delegate], [a, w.delegateB]] as const) {
    expect((await on(server, api).post(`/sittings/${sitting.id}/check-in`, { mode: 'online' })).status).toBe(200);
  }
  const vote = (await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: 'Thông qua dự toán ngân sách xã năm 2027' })).body;
  const staffOnA = await joined(w.chair);
  const staffOnB = await joined(on(b, w.secretary));
  const delegateOnA = await joined(w.delegate);
  const delegateBOnB = await joined(on(b, w.delegateB));
  const chairOnB = await joined(on(b, w.chair));
  expect((await on(b, w.chair).post(`/votes/${vote.id}/open`)).status).toBe(200);

  const cast = (socket: TestSocket, choice: string, clientId: string = crypto.randomUUID()) => call(socket, 'vote:cast', { voteId: vote.id, clientId, choice });
  const retried = crypto.randomUUID();
  expect(await cast(delegateOnA.socket, 'yes')).toMatchObject({ ok: true, data: { counted: true, choice: 'yes' } });
  expect(await cast(delegateBOnB.socket, 'no', retried)).toMatchObject({ ok: true, data: { counted: true, choice: 'no', replay: false } });
  expect(await cast(chairOnB.socket, 'yes')).toMatchObject({ ok: true, data: { counted: true } });
  // delegate B's ballot arrives again, through the other process: counted once
  const again = await joined(w.delegateB);
  expect(await cast(again.socket, 'no', retried)).toMatchObject({ ok: true, data: { replay: true } });
  expect((await a.db.query('SELECT count(*)::int AS n FROM named_ballots WHERE vote_id = $1', [vote.id])).rows).toEqual([{ n: 3 }]);

  const tallied = (e: MeetingEvent) => e.type === 'vote.tally' && e.payload.tally.voteId === vote.id && e.payload.tally.ballotsCast === 3;
  for (const staff of [staffOnA, staffOnB]) await waitForEvents(staff.socket, (es) => es.some(tallied));
  for (const staff of [staffOnA, staffOnB]) expect(staff.socket.received.filter((e) => e.type === 'vote.tally' && e.payload.tally.voteId === vote.id && e.payload.tally.ballotsCast > 3)).toEqual([]);

  const closed = (await w.chair.post<Vote>(`/votes/${vote.id}/close`)).body;
  expect(closed.result).toMatchObject({ counts: { yes: 2, no: 1, cast: 3 } });
  // the result reaches everyone in the meeting on both processes
  const closedEvent = (e: MeetingEvent) => e.type === 'vote.changed' && e.payload.vote.id === vote.id && e.payload.vote.status === 'closed';
  for (const s of [delegateOnA, delegateBOnB, staffOnA, staffOnB]) await waitForEvents(s.socket, (es) => es.some(closedEvent));
  for (const s of [delegateOnA, delegateBOnB, staffOnA, staffOnB]) expect(s.socket.received.filter(closedEvent)).toHaveLength(1);
});

it('when a process dies, its clients reconnect to the other and catch up with nothing lost or duplicated', async () => {
  const onA = await joined(w.secretary);
  const first = (await postComment(on(b, w.delegate), 'Trước khi máy A dừng')).body;
  await waitForEvents(onA.socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === first.id));
  const lastSeen = Math.max(...onA.socket.received.map((e) => e.seq));
  const disconnected = new Promise<void>((r) => onA.socket.once('disconnect', () => r()));
  await a.kill();
  await disconnected;

  // written while the client has no connection: it must get each exactly once
  const missed: string[] = [];
  for (let i = 0; i < 10; i++) missed.push((await postComment(on(b, w.delegateB), `Trong lúc mất kết nối ${i + 1}`)).body.id);

  const back = await joined(on(b, w.secretary));
  const res = await call(back.socket, 'events:catchup', { meetingId: w.meeting.id, after: lastSeen });
  if (!res.ok) throw new Error(JSON.stringify(res));
  const caught = res.data as MeetingEvent[];
  const seqs = caught.map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  expect(seqs.every((s) => s > lastSeen)).toBe(true);
  const created = caught.filter((e) => e.type === 'comment.created').map((e) => (e.payload as { comment: Comment }).comment.id);
  expect(created).toEqual(missed);
  // and it is live again on the other process
  const after = (await postComment(on(b, w.delegate), 'Sau khi nối lại')).body;
  await waitForEvents(back.socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === after.id));
  expect(back.socket.received.filter((e) => e.type === 'comment.created' && missed.includes((e.payload as { comment: Comment }).comment.id))).toHaveLength(0);
});
