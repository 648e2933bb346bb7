import crypto from 'node:crypto';
import { NOT_FOUND_MESSAGE, type Comment, type DisplayLink, type DocumentDetail, type JoinedMeeting, type MeetingEvent, type Paragraph, type UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, buildMeetingWorld, login, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { call, connectSocket, pause, socketFor, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
let doc: DocumentDetail;
let paragraph: Paragraph;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SCALE_OUT: '1' } });
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'other' });
  const pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết thử sự kiện',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Nội dung', clauses: ['Một khoản để góp ý trực tiếp.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'su-kien.pdf', data: pdf }]);
  doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
  paragraph = paragraphs.find((p) => p.text.includes('Một khoản để góp ý'))!;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const postComment = (api: Api, body: string) =>
  api.post<Comment>(`/documents/${doc.id}/comments`, {
    clientId: crypto.randomUUID(),
    anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects },
    body,
  });

async function joined(api: Api, meetingId = w.meeting.id): Promise<{ socket: TestSocket; join: JoinedMeeting }> {
  const socket = track(await socketFor(api));
  const res = await call(socket, 'meeting:join', { meetingId });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return { socket, join: res.data as JoinedMeeting };
}

describe('the gateway', () => {
  it('refuses a socket without a valid session', async () => {
    await expect(connectSocket(server.url, {})).rejects.toThrow('UNAUTHENTICATED');
    await expect(connectSocket(server.url, { token: 'made-up' })).rejects.toThrow('UNAUTHENTICATED');
  });

  it("keeps a delegate out of another meeting's room and out of the staff room", async () => {
    const socket = track(await socketFor(w.delegate));
    const foreign = await call(socket, 'meeting:join', { meetingId: other.meeting.id });
    expect(foreign).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE } });
    const own = await call(socket, 'meeting:join', { meetingId: w.meeting.id });
    expect(own).toMatchObject({ ok: true, data: { staff: false } });
    // nothing of the other meeting reaches it
    await other.chair.post(`/meetings/${other.meeting.id}/current-item`, { agendaItemId: other.agenda[0].id });
    // staff-only news (another delegate's comment) does not reach it either
    await postComment(w.delegateB, 'Ý kiến của đại biểu B');
    await w.chair.post(`/meetings/${w.meeting.id}/current-item`, { agendaItemId: w.agenda[1].id });
    const events = await waitForEvents(socket, (es) => es.some((e) => e.type === 'meeting.updated'));
    expect(events.every((e) => e.meetingId === w.meeting.id)).toBe(true);
    expect(events.some((e) => e.type === 'comment.created')).toBe(false);
    // catch-up does not hand staff-only events over either
    const caught = await call(socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 });
    expect(caught.ok && (caught.data as MeetingEvent[]).some((e) => e.type === 'comment.created' && e.payload.comment.authorId !== w.ids.delegate)).toBe(false);
    const rest = await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=0`);
    expect(rest.body.some((e) => e.type === 'comment.created')).toBe(false);
    expect((await w.outsider.get(`/meetings/${w.meeting.id}/events?after=0`)).status).toBe(404);
  });

  it('answers malformed events with an error acknowledgement and keeps serving', async () => {
    const socket = track(await socketFor(w.delegate));
    expect(await call(socket, 'meeting:join', { meetingId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(socket, 'meeting:join', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(socket, 'events:catchup', { meetingId: w.meeting.id, after: -3 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(socket.connected).toBe(true);
    expect(await call(socket, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: true });
  });

  it('sends a new comment to the secretariat and the chair the moment it is stored, and its triage back to its author', async () => {
    const staff = await joined(w.secretary);
    expect(staff.join.staff).toBe(true);
    const author = await joined(w.delegate);
    const sent = (await postComment(w.delegate, 'Đề nghị bổ sung kinh phí.')).body;
    await waitForEvents(staff.socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === sent.id));
    await w.secretary.patch(`/comments/${sent.id}`, { status: 'accepted', reply: 'Đã tiếp thu' });
    const events = await waitForEvents(author.socket, (es) => es.some((e) => e.type === 'comment.updated' && e.payload.comment.id === sent.id));
    expect(events.find((e) => e.type === 'comment.updated')).toMatchObject({ payload: { comment: { status: 'accepted', reply: 'Đã tiếp thu' } } });
  });
});

describe('presence', () => {
  it('shows the staff who is online, and who left', async () => {
    const staff = await joined(w.chair);
    const snapshots: string[][] = [];
    staff.socket.on('presence', (p) => snapshots.push(p.onlineUserIds));
    const delegate = await joined(w.delegateB);
    const until = async (check: (ids: string[]) => boolean) => {
      const deadline = Date.now() + 5000;
      while (!(snapshots.length && check(snapshots[snapshots.length - 1]))) {
        if (Date.now() > deadline) throw new Error(`presence: ${JSON.stringify(snapshots)}`);
        await pause(25);
      }
    };
    await until((ids) => ids.includes(w.ids.delegateB));
    delegate.socket.disconnect();
    await until((ids) => !ids.includes(w.ids.delegateB));
  });
});

describe('catching up', () => {
  it('hands a client that was disconnected while 50 comments were posted each of them exactly once, in order', async () => {
    const first = await joined(w.secretary);
    const lastSeen = first.join.seq;
    first.socket.disconnect();
    const posted: string[] = [];
    for (let i = 0; i < 50; i++) posted.push((await postComment(w.delegateB, `Góp ý số ${i + 1}`)).body.id);

    const back = await joined(w.secretary);
    const res = await call(back.socket, 'events:catchup', { meetingId: w.meeting.id, after: lastSeen });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const missed = (res.data as MeetingEvent[]).filter((e) => e.type === 'comment.created');
    expect(missed.map((e) => (e.type === 'comment.created' ? e.payload.comment.id : ''))).toEqual(posted);
    const seqs = (res.data as MeetingEvent[]).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s) => s > lastSeen && s <= back.join.seq)).toBe(true);
    // the REST equivalent answers the same
    const rest = await w.secretary.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=${lastSeen}`);
    expect(rest.body.map((e) => e.seq)).toEqual(seqs);
    // and what comes next arrives live, once
    const next = (await postComment(w.delegateB, 'Góp ý sau khi nối lại')).body;
    await waitForEvents(back.socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === next.id));
    await pause(200);
    expect(back.socket.received.filter((e) => e.type === 'comment.created' && e.payload.comment.id === next.id)).toHaveLength(1);
  });
});

describe('membership', () => {
  it('stops sending a meeting to a participant the moment they are removed', async () => {
    const extraId = (await w.admin.post<{ id: string }>('/users', { username: 'tam-thoi', fullName: 'Đại biểu tạm thời', password: 'mat-khau-tam' })).body.id;
    await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: extraId, role: 'delegate' });
    const extra = await joined(await login(server, 'tam-thoi', 'mat-khau-tam'));
    const removed = new Promise<{ meetingId: string }>((r) => extra.socket.once('meeting:removed', r));
    await w.secretary.delete(`/meetings/${w.meeting.id}/participants/${extraId}`);
    expect(await removed).toEqual({ meetingId: w.meeting.id });
    await pause(100);
    const before = extra.socket.received.length;
    await w.chair.post(`/meetings/${w.meeting.id}/current-item`, { agendaItemId: w.agenda[2].id });
    await pause(500);
    expect(extra.socket.received.length).toBe(before);
    expect(await call(extra.socket, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('hall display links', () => {
  it('shows the hall the live meeting until the link is revoked', async () => {
    const link = (await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV hội trường' })).body;
    expect(link.url).toMatch(new RegExp(`^/hall/${w.meeting.id}\\?token=`));
    const token = new URL(link.url!, server.url).searchParams.get('token')!;
    expect((await w.delegate.post(`/meetings/${w.meeting.id}/display-links`, {})).status).toBe(403);
    const hall = await new Api(server).get<{ title: string; agenda: unknown[] }>(`/hall/${w.meeting.id}?token=${encodeURIComponent(token)}`);
    expect(hall.status).toBe(200);
    expect(hall.body.title).toBe(w.meeting.title);

    const screen = track(await connectSocket(server.url, { displayToken: token }));
    await w.chair.post(`/meetings/${w.meeting.id}/current-item`, { agendaItemId: w.agenda[0].id });
    await waitForEvents(screen, (es) => es.some((e) => e.type === 'meeting.updated' && e.payload.currentAgendaItemId === w.agenda[0].id));
    // a display link can't reach staff news or other meetings
    expect(await call(screen, 'meeting:join', { meetingId: other.meeting.id })).toMatchObject({ ok: false });

    const disconnected = new Promise((r) => screen.once('disconnect', r));
    expect((await w.secretary.delete(`/display-links/${link.id}`)).status).toBe(204);
    await disconnected;
    expect((await new Api(server).get(`/hall/${w.meeting.id}?token=${encodeURIComponent(token)}`)).status).toBe(401);
    await expect(connectSocket(server.url, { displayToken: token })).rejects.toThrow('UNAUTHENTICATED');
  });
});

describe('two server processes on one database', () => {
  it('delivers a comment posted through one process to a secretary connected to the other', async () => {
    const second = await startServer({ databaseName: server.databaseUrl.split('/').pop(), env: { HOPSO_SCALE_OUT: '1' } });
    try {
      const secretaryOnSecond = await login(second, 'w-secretary');
      const socket = track(await socketFor(secretaryOnSecond, second.url));
      expect(await call(socket, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: true });
      const sent = (await postComment(w.delegate, 'Gửi qua máy chủ thứ nhất')).body;
      await waitForEvents(socket, (es) => es.some((e) => e.type === 'comment.created' && e.payload.comment.id === sent.id));
    } finally {
      await second.stop();
    }
  });
});
