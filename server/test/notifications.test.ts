import crypto from 'node:crypto';
import type { AppNotification, Breakout, Comment, NotificationList, OfficialPosition, Question, QuestionIssue, Sitting, UploadResult, Vote } from '@hopso/shared';
import { pdfWithPages } from '../../fixtures';
import { buildMeetingWorld, type Api, type MeetingWorld } from './support/api';
import { commentableDocument, postComment } from './support/live';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';
import { socketFor, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'khac' });
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const list = async (api: Api) => (await api.get<NotificationList>('/notifications')).body;

/** Waits until `api`'s person has a notification matching `pick` (they are written just after the commit). */
async function waitFor(api: Api, pick: (n: AppNotification) => boolean): Promise<AppNotification> {
  for (let i = 0; i < 150; i++) {
    const found = (await list(api)).items.find(pick);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no such notification arrived');
}

/** A socket on the person's own user room that keeps what `notification:new` brings. */
async function inbox(api: Api): Promise<AppNotification[]> {
  const socket = await socketFor(api);
  sockets.push(socket);
  const got: AppNotification[] = [];
  socket.on('notification:new', (n) => got.push(n));
  return got;
}

/** A marker notification of the delegate's own (a reply to a new comment), so "nothing else came" is waited for, not slept on. */
async function replyMarker(doc: Awaited<ReturnType<typeof commentableDocument>>, body: string): Promise<AppNotification> {
  const c = (await postComment(w.delegate, doc.doc, doc.paragraph, body)).body;
  await w.secretary.patch(`/comments/${c.id}`, { status: 'answered', reply: `Trả lời: ${body}` });
  return waitFor(w.delegate, (n) => n.kind === 'comment.replied' && n.refId === c.id);
}

describe('notifications', () => {
  let target: Awaited<ReturnType<typeof commentableDocument>>;

  it('tells a delegate of a reply to their comment, live on their own room and over REST, once, and marks it read', async () => {
    target = await commentableDocument(w, 'Dự thảo nghị quyết về chợ');
    const live = await inbox(w.delegate);
    const liveB = await inbox(w.delegateB);
    const comment = (await postComment(w.delegate, target.doc, target.paragraph, 'Đề nghị bổ sung thời hạn')).body;
    const before = (await list(w.delegate)).unread;
    const triaged = await w.secretary.patch<Comment>(`/comments/${comment.id}`, { status: 'accepted', reply: 'Tổ thư ký tiếp thu' });
    expect(triaged.status).toBe(200);
    const n = await waitFor(w.delegate, (x) => x.kind === 'comment.replied' && x.refId === comment.id);
    expect(n).toMatchObject({ meetingId: w.meeting.id, readAt: null, params: { title: target.doc.title, documentId: target.doc.id, meetingTitle: w.meeting.title } });
    expect((await list(w.delegate)).unread).toBe(before + 1);
    for (let i = 0; i < 100 && !live.some((x) => x.id === n.id); i++) await new Promise((r) => setTimeout(r, 50));
    expect(live.filter((x) => x.id === n.id)).toEqual([n]);
    // the same reply saved again is no news; nobody else hears of it
    await w.secretary.patch(`/comments/${comment.id}`, { status: 'accepted', reply: 'Tổ thư ký tiếp thu' });
    const marker = await replyMarker(target, 'Ý kiến đánh dấu một');
    expect((await list(w.delegate)).items.filter((x) => x.refId === comment.id)).toHaveLength(1);
    expect(liveB.some((x) => x.refId === comment.id || x.refId === marker.refId)).toBe(false);
    expect((await list(w.delegateB)).items.some((x) => x.kind === 'comment.replied')).toBe(false);
    // read: by its owner only; someone else's id is as a random one
    expect((await w.delegateB.post(`/notifications/${n.id}/read`)).status).toBe(404);
    expect((await other.secretary.post(`/notifications/${n.id}/read`)).status).toBe(404);
    const read = await w.delegate.post<NotificationList>(`/notifications/${n.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.items.find((x) => x.id === n.id)?.readAt).not.toBeNull();
    expect(read.body.unread).toBe(before + 1);
    expect((await w.delegate.post<NotificationList>('/notifications/read-all')).body.unread).toBe(0);
  });

  it('tells delegates of a document released and then replaced, never of a draft, and not the staff', async () => {
    const live = await inbox(w.delegateB);
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'bao-cao-ktxh.pdf', data: await pdfWithPages(1) }], { state: 'draft', title: 'Báo cáo kinh tế – xã hội' });
    const doc = (up.body as UploadResult).documents[0];
    await w.secretary.waitReady(doc.id);
    await replyMarker(target, 'Ý kiến đánh dấu hai');
    for (const who of ['delegate', 'delegateB', 'observer'] as const) expect((await list(w[who])).items.some((x) => x.refId === doc.id)).toBe(false);
    await w.secretary.post(`/documents/${doc.id}/release`, {});
    expect((await w.delegateB.get(`/documents/${doc.id}`)).status).toBe(200);
    const released = await waitFor(w.delegateB, (x) => x.refId === doc.id);
    expect(released).toMatchObject({ kind: 'document.released', params: { title: 'Báo cáo kinh tế – xã hội', versionNo: 1 } });
    await waitFor(w.observer, (x) => x.refId === doc.id);
    for (let i = 0; i < 100 && !live.some((x) => x.id === released.id); i++) await new Promise((r) => setTimeout(r, 50));
    expect(live.map((x) => x.id)).toContain(released.id);
    // a new version, once ready: replaced
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(await pdfWithPages(2))], { type: 'application/pdf' }), 'v2.pdf');
    expect((await w.secretary.request('POST', `/documents/${doc.id}/versions`, form)).status).toBe(201);
    const replaced = await waitFor(w.delegateB, (x) => x.refId === doc.id && x.kind === 'document.replaced');
    expect(replaced.params.versionNo).toBe(2);
    expect((await list(w.delegateB)).items.filter((x) => x.refId === doc.id).map((x) => x.kind).sort()).toEqual(['document.released', 'document.replaced']);
    for (const who of ['secretary', 'chair'] as const) expect((await list(w[who])).items.some((x) => x.refId === doc.id)).toBe(false);
  });

  it('tells the members of a breakout group that it started, and forgets it for a delegate moved out of the group', async () => {
    const item = (await w.secretary.post<{ id: string }>(`/meetings/${w.meeting.id}/agenda`, { title: 'Thảo luận tổ' })).body.id;
    const made = await w.secretary.post<Breakout>(`/meetings/${w.meeting.id}/breakouts`, {
      agendaItemId: item,
      groups: [
        { name: 'Tổ 1', leaderId: w.ids.delegate, memberIds: [w.ids.delegate] },
        { name: 'Tổ 2', leaderId: w.ids.delegateB, memberIds: [w.ids.delegateB] },
      ],
    });
    expect(made.status).toBe(200);
    const [g1, g2] = made.body.groups.map((g) => g.id);
    const liveB = await inbox(w.delegateB);
    await w.secretary.post(`/meetings/${w.meeting.id}/breakouts/start`, { agendaItemId: item });
    const mine = await waitFor(w.delegate, (x) => x.kind === 'breakout.started' && x.refId === g1);
    expect(mine.params).toMatchObject({ title: 'Tổ 1', agendaItemId: item });
    await waitFor(w.delegateB, (x) => x.kind === 'breakout.started' && x.refId === g2);
    expect((await list(w.delegate)).items.some((x) => x.refId === g2)).toBe(false);
    expect(liveB.some((x) => x.refId === g1)).toBe(false);
    // the delegate is moved into Tổ 2: Tổ 1's notification is gone for them, Tổ 2's arrives
    expect((await w.secretary.patch(`/breakout-groups/${g2}`, { memberIds: [w.ids.delegateB, w.ids.delegate] })).status).toBe(200);
    await waitFor(w.delegate, (x) => x.kind === 'breakout.started' && x.refId === g2);
    expect((await list(w.delegate)).items.some((x) => x.refId === g1)).toBe(false);
    expect((await w.delegate.post(`/notifications/${mine.id}/read`)).status).toBe(404);
    // Tổ 1's live news did not reach delegate B either way, and the observer (in no group) has none
    expect((await list(w.observer)).items.some((x) => x.kind === 'breakout.started')).toBe(false);
  });

  it('tells delegates that a vote opened, and a delegate of another meeting nothing', async () => {
    const sitting = (await w.chair.post<Sitting>(`/meetings/${w.meeting.id}/sittings`, { title: 'Phiên biểu quyết' })).body;
    expect((await w.chair.post(`/sittings/${sitting.id}/open`)).status).toBe(200);
    const vote = (await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: 'Thông qua Nghị quyết về chợ', kind: 'named' })).body;
    const opened = await w.chair.post(`/votes/${vote.id}/open`, {});
    expect(opened.status).toBe(200);
    const n = await waitFor(w.delegate, (x) => x.kind === 'vote.opened' && x.refId === vote.id);
    expect(n.params.title).toBe('Thông qua Nghị quyết về chợ');
    await waitFor(w.observer, (x) => x.refId === vote.id);
    expect((await list(other.delegate)).items).toEqual([]);
    expect((await list(w.outsider)).items).toEqual([]);
    expect((await list(w.chair)).items.some((x) => x.refId === vote.id)).toBe(false);
    await w.chair.post(`/votes/${vote.id}/close`);
  });

  it("tells the authors of an issue's questions of its written answer, and nobody else", async () => {
    const { api: official, id: officialId } = await addOfficial(server, w, 'n-official');
    const position = (await w.secretary.post<OfficialPosition>(`/meetings/${w.meeting.id}/question-positions`, { title: 'Chủ tịch UBND xã', officialUserId: officialId })).body;
    await w.secretary.put(`/meetings/${w.meeting.id}/question-settings`, { submitDeadline: new Date(Date.now() + 86400_000).toISOString() });
    const asked = await w.delegate.post<Question>(`/meetings/${w.meeting.id}/questions`, { clientId: crypto.randomUUID(), positionId: position.id, body: 'Vì sao đường liên thôn chậm tiến độ?' });
    if (asked.status !== 201) throw new Error(`ask: ${asked.status} ${JSON.stringify(asked.body)}`);
    const q = asked.body;
    const made = await w.secretary.post<QuestionIssue>(`/meetings/${w.meeting.id}/question-issues`, { title: 'Đường liên thôn', positionId: position.id, questionIds: [q.id] });
    if (made.status !== 201) throw new Error(`issue: ${made.status} ${JSON.stringify(made.body)}`);
    const issue = made.body;
    const answered = await official.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Trả lời bằng văn bản: hoàn thành trong quý tới.' });
    if (answered.status !== 201) throw new Error(`answer: ${answered.status} ${JSON.stringify(answered.body)}`);
    const n = await waitFor(w.delegate, (x) => x.kind === 'question.answered' && x.refId === issue.id);
    expect(n.params.title).toBe('Đường liên thôn');
    await replyMarker(target, 'Ý kiến đánh dấu ba');
    expect((await list(w.delegateB)).items.some((x) => x.kind === 'question.answered')).toBe(false);
    expect((await list(official)).items.some((x) => x.kind === 'question.answered')).toBe(false);
  });

  it('keeps a removed participant from every notification of the meeting', async () => {
    expect((await list(w.observer)).items.length).toBeGreaterThan(0);
    expect((await w.secretary.delete(`/meetings/${w.meeting.id}/participants/${w.ids.observer}`)).status).toBe(204);
    expect(await list(w.observer)).toEqual({ items: [], unread: 0 });
  });
});
