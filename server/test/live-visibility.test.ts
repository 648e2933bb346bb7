import crypto from 'node:crypto';
import type { Breakout, Comment, DisplayLink, DocumentSummary, GroupMessage, HallState, MeetingEvent } from '@hopso/shared';
import { Api, buildMeetingWorld, insertUser, type MeetingWorld } from './support/api';
import { catchup, commentableDocument, joinedSocket, marker, postComment } from './support/live';
import { startServer, type TestServer } from './support/server';
import { call, connectSocket, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let hallToken: string;
let target: Awaited<ReturnType<typeof commentableDocument>>;
const ROLES = ['secretary', 'chair', 'delegate', 'delegateB', 'observer', 'admin'] as const;
type Who = (typeof ROLES)[number] | 'display';
const watchers = new Map<Who, { socket: TestSocket; seq: number }>();
const item = () => w.agenda[1].id;
let g1: string;
let g2: string;
let comment: Comment;
let message: GroupMessage;

const of = <T extends MeetingEvent['type']>(events: MeetingEvent[], type: T) => events.filter((e): e is Extract<MeetingEvent, { type: T }> => e.type === type);
const live = (who: Who) => watchers.get(who)!.socket.received.filter((e) => e.seq > watchers.get(who)!.seq);

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  const link = (await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV' })).body;
  hallToken = new URL(link.url!, server.url).searchParams.get('token')!;
  for (const who of ROLES) {
    const { socket, joined } = await joinedSocket(w[who], w.meeting.id);
    watchers.set(who, { socket, seq: joined.seq });
  }
  const screen = await connectSocket(server.url, { displayToken: hallToken });
  const joined = await call(screen, 'meeting:join', { meetingId: w.meeting.id });
  watchers.set('display', { socket: screen, seq: (joined as { ok: true; data: { seq: number } }).data.seq });

  // one of every kind of change a screen shows
  target = await commentableDocument(w, 'Dự thảo nghị quyết về phí');
  comment = (await postComment(w.delegate, target.doc, target.paragraph, 'Đề nghị làm rõ mức phí')).body;
  await w.secretary.patch(`/comments/${comment.id}`, { status: 'accepted', reply: 'Tiếp thu' });
  const prepared = await w.secretary.post<Breakout>(`/meetings/${w.meeting.id}/breakouts`, {
    agendaItemId: item(),
    groups: [
      { name: 'Tổ 1', leaderId: w.ids.delegate, memberIds: [w.ids.delegate] },
      { name: 'Tổ 2', leaderId: w.ids.delegateB, memberIds: [w.ids.delegateB] },
    ],
  });
  [g1, g2] = prepared.body.groups.map((g) => g.id);
  await w.secretary.post(`/meetings/${w.meeting.id}/breakouts/start`, { agendaItemId: item() });
  message = (await w.delegate.post<GroupMessage>(`/breakout-groups/${g1}/messages`, { clientId: crypto.randomUUID(), body: 'Ý kiến trong tổ 1', citation: null })).body;
  await w.delegate.put(`/breakout-groups/${g1}/report`, { text: 'Bản nháp báo cáo tổ 1', submit: false });
  await w.delegateB.put(`/breakout-groups/${g2}/report`, { text: 'Báo cáo tổ 2', submit: true });
  await w.secretary.patch(`/meetings/${w.meeting.id}`, { title: 'Kỳ họp thứ nhất (đổi tên)', location: 'Nhà văn hóa' });
  await w.secretary.post(`/meetings/${w.meeting.id}/agenda`, { title: 'Chất vấn' });
  await w.secretary.patch(`/documents/${target.doc.id}`, { title: 'Dự thảo nghị quyết về phí (sửa)' });
  const newcomer = await insertUser(server, 'newcomer');
  await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: newcomer, role: 'observer' });
  await marker(w.chair, w.meeting.id, [w.agenda[0].id, w.agenda[2].id], [...watchers.values()].map((x) => x.socket));
  // a long setup (an ingest, a breakout, seven sockets) on a machine the whole suite shares
}, 180_000);
afterAll(async () => {
  for (const { socket } of watchers.values()) socket.disconnect();
  await server?.stop();
});

describe('one visibility rule for every channel', () => {
  it.each([...ROLES, 'display' as const])('gives %s the same events live, by socket catch-up and over REST', async (who) => {
    const { socket, seq } = watchers.get(who)!;
    expect(live(who).length).toBeGreaterThan(0);
    expect(await catchup(socket, w.meeting.id, seq)).toEqual(live(who));
    if (who !== 'display') expect((await w[who].get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=${seq}`)).body).toEqual(live(who));
  });

  it.each([...ROLES, 'display' as const])('shows %s through events exactly what REST shows them', async (who) => {
    const events = live(who);
    const api = who === 'display' ? new Api(server) : w[who];
    // documents: the list REST answers, or none
    const docs = who === 'display' ? null : await api.get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`);
    const docEvents = of(events, 'document.changed');
    if (docs?.status === 200) {
      expect(docEvents.length).toBeGreaterThan(0);
      expect(docEvents.at(-1)!.payload.document.title).toBe(docs.body.find((d) => d.id === target.doc.id)!.title);
    } else expect(docEvents).toEqual([]);
    // comments: the ones REST lists for this person
    const comments = who === 'display' ? null : await api.get<Comment[]>(`/meetings/${w.meeting.id}/comments`);
    const seen = new Set(of(events, 'comment.created').map((e) => e.payload.comment.id));
    const listed = comments?.status === 200 ? comments.body.map((c) => c.id) : [];
    expect(seen.has(comment.id)).toBe(listed.includes(comment.id));
    expect(of(events, 'comment.updated').every((e) => listed.includes(e.payload.comment.id))).toBe(true);
    // breakouts: the groups (and reports) REST shows, the hall screen's through its own link
    const lastBreakout = of(events, 'breakout.changed').at(-1)!.payload.breakout;
    const rest =
      who === 'display'
        ? (await api.get<HallState>(`/hall/${w.meeting.id}?token=${encodeURIComponent(hallToken)}`)).body.breakouts
        : (await api.get<Breakout[]>(`/meetings/${w.meeting.id}/breakouts`)).body;
    const restBreakout = rest.find((b) => b.agendaItemId === item())!;
    expect(lastBreakout.groups.map((g) => g.id)).toEqual(restBreakout.groups.map((g) => g.id));
    expect(lastBreakout.groups.map((g) => [g.memberIds, g.report?.text ?? null])).toEqual(restBreakout.groups.map((g) => [g.memberIds, g.report?.text ?? null]));
    for (const e of of(events, 'breakout.changed')) {
      for (const g of e.payload.breakout.groups) expect(restBreakout.groups.map((x) => x.id)).toContain(g.id);
    }
    // group messages: only where REST lets this person read the group
    const readable = who === 'display' ? false : (await api.get(`/breakout-groups/${g1}/messages`)).status === 200;
    expect(of(events, 'group.message').some((e) => e.payload.message.id === message.id)).toBe(readable);
    // the meeting's own details and its people follow for everyone who may open the meeting
    expect(of(events, 'meeting.edited').at(-1)?.payload.meeting.title).toBe('Kỳ họp thứ nhất (đổi tên)');
    expect(of(events, 'agenda.changed').at(-1)?.payload.agenda.map((a) => a.title)).toContain('Chất vấn');
    expect(of(events, 'participant.changed').length > 0).toBe(who !== 'display');
  });

  it('keeps the draft report of one group from the other group and from the hall', () => {
    const reportsSeen = (who: Who) => of(live(who), 'breakout.changed').flatMap((e) => e.payload.breakout.groups.map((g) => g.report?.text ?? null));
    expect(reportsSeen('delegate')).toContain('Bản nháp báo cáo tổ 1');
    for (const who of ['delegateB', 'observer', 'display'] as const) expect(reportsSeen(who)).not.toContain('Bản nháp báo cáo tổ 1');
    expect(reportsSeen('display')).toContain('Báo cáo tổ 2');
    expect(of(live('delegateB'), 'breakout.changed').every((e) => e.payload.breakout.groups.every((g) => g.id === g2))).toBe(true);
  });

  it('hides documents from an administrator who does not take part, as REST does', async () => {
    expect((await w.admin.get(`/meetings/${w.meeting.id}/documents`)).status).not.toBe(200);
    expect(of(live('admin'), 'document.changed')).toEqual([]);
    expect(JSON.stringify(await w.admin.get(`/meetings/${w.meeting.id}/events?after=0`))).not.toContain('gop-y.pdf');
  });

  it('takes document news back from delegates when the release time moves to the future, on every channel', async () => {
    const later = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    expect((await w.secretary.patch(`/meetings/${w.meeting.id}`, { releaseAt: later(30), commentDeadline: later(40) })).status).toBe(200);
    expect((await w.delegate.get(`/meetings/${w.meeting.id}/documents`)).body).toMatchObject({ code: 'NOT_RELEASED' });
    const { socket } = watchers.get('delegate')!;
    expect(of(await catchup(socket, w.meeting.id, 0), 'document.changed')).toEqual([]);
    expect(of((await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=0`)).body, 'document.changed')).toEqual([]);
    const before = of(socket.received, 'document.changed').length;
    await w.secretary.patch(`/documents/${target.doc.id}`, { title: 'Tên chưa phát hành' });
    await marker(w.chair, w.meeting.id, [w.agenda[0].id, w.agenda[2].id], [socket, watchers.get('secretary')!.socket]);
    expect(of(socket.received, 'document.changed')).toHaveLength(before);
    await waitForEvents(watchers.get('secretary')!.socket, (es) => of(es, 'document.changed').some((e) => e.payload.document.title === 'Tên chưa phát hành'));
  });
});
