import crypto from 'node:crypto';
import type { Breakout, GroupMessage, MeetingEvent, Paragraph, ParticipantImportResult, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, blobOf, buildMeetingWorld, login, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { call, pause, socketFor, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let delegates: { id: string; api: Api }[] = [];
let item: string;
let paragraph: Paragraph;
let documentId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  item = w.agenda[1].id;
  const csv = ['Họ và tên,Số điện thoại,Vai trò,Đơn vị', ...Array.from({ length: 10 }, (_, i) => `Đại biểu Tổ ${i + 1},09880000${String(i).padStart(2, '0')},đại biểu,Thôn ${(i % 3) + 1}`)].join('\n');
  const form = new FormData();
  form.append('file', blobOf(Buffer.from(csv)), 'ds.csv');
  const imported = (await w.secretary.request<ParticipantImportResult>('POST', `/meetings/${w.meeting.id}/participants/import`, form)).body;
  delegates = await Promise.all(
    imported.createdAccounts.map(async (a) => {
      const api = await login(server, a.username, a.initialPassword);
      return { id: (await api.get<{ id: string }>('/auth/me')).body.id, api };
    }),
  );
  const up = await w.secretary.upload(w.meeting.id, [
    { name: 'to.pdf', data: await buildDraftResolutionPdf({ title: 'Nghị quyết thảo luận tổ', councilName: 'HĐND xã Thử Nghiệm', articles: [{ heading: 'Điều 1. Nội dung', clauses: ['Khoản để thảo luận tổ.'] }] }) },
  ], { agendaItemId: w.agenda[1].id });
  documentId = (up.body as UploadResult).documents[0].id;
  const doc = await w.secretary.waitReady(documentId);
  paragraph = (await w.secretary.get<Paragraph[]>(`/documents/${documentId}/versions/${doc.currentVersion.id}/paragraphs`)).body.find((p) => p.text.includes('Khoản để thảo luận'))!;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const allDelegateIds = () => [w.ids.delegate, w.ids.delegateB, ...delegates.map((d) => d.id)];
const send = (api: Api, groupId: string, body: string, clientId: string = crypto.randomUUID(), citation: unknown = null) =>
  api.post<GroupMessage & { code: string; message: string }>(`/breakout-groups/${groupId}/messages`, { clientId, body, citation });
async function joined(api: Api): Promise<TestSocket> {
  const s = await socketFor(api);
  sockets.push(s);
  const res = await call(s, 'meeting:join', { meetingId: w.meeting.id });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return s;
}

describe('making groups', () => {
  it('splits the delegates present into balanced groups, each in exactly one', async () => {
    const res = await w.secretary.post<Breakout>(`/meetings/${w.meeting.id}/breakouts/auto`, { agendaItemId: item, groupCount: 5 });
    expect(res.status).toBe(200);
    const sizes = res.body.groups.map((g) => g.memberIds.length);
    expect(res.body.groups).toHaveLength(5);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(res.body.groups.flatMap((g) => g.memberIds).sort()).toEqual(allDelegateIds().sort());
    expect(res.body.groups.every((g) => g.leaderId !== null && g.memberIds.includes(g.leaderId))).toBe(true);
    expect(res.body.status).toBe('prepared');
  });

  it('splits only the delegates present when told who is here', async () => {
    const present = allDelegateIds().slice(0, 7);
    const res = await w.chair.post<Breakout>(`/meetings/${w.meeting.id}/breakouts/auto`, { agendaItemId: item, groupCount: 2, presentUserIds: present });
    expect(res.body.groups.map((g) => g.memberIds.length).sort()).toEqual([3, 4]);
    expect(res.body.groups.flatMap((g) => g.memberIds).sort()).toEqual([...present].sort());
  });

  it('refuses bad groups and non-staff', async () => {
    const path = `/meetings/${w.meeting.id}/breakouts`;
    expect((await w.delegate.post(`${path}/auto`, { agendaItemId: item, groupCount: 2 })).status).toBe(403);
    const twice = await w.secretary.post<{ message: string }>(path, { agendaItemId: item, groups: [{ name: 'A', memberIds: [w.ids.delegate] }, { name: 'B', memberIds: [w.ids.delegate] }] });
    expect([twice.status, twice.body.message]).toEqual([400, 'A person can be in only one group']);
    const outsider = await w.secretary.post(path, { agendaItemId: item, groups: [{ name: 'A', memberIds: [w.ids.outsider] }] });
    expect(outsider.status).toBe(400);
    const leader = await w.secretary.post(path, { agendaItemId: item, groups: [{ name: 'A', memberIds: [w.ids.delegate], leaderId: w.ids.delegateB }] });
    expect(leader.status).toBe(400);
    expect((await w.secretary.post(path, { agendaItemId: item, groups: [] })).status).toBe(400);
  });
});

describe('a running breakout', () => {
  let groups: Breakout['groups'];
  let g1Member: Api;
  let g2Member: Api;
  let g1Socket: TestSocket;
  let g2Socket: TestSocket;
  let staffSocket: TestSocket;

  beforeAll(async () => {
    await w.secretary.post(`/meetings/${w.meeting.id}/breakouts`, {
      agendaItemId: item,
      groups: [
        { name: 'Tổ 1', leaderId: w.ids.delegate, memberIds: [w.ids.delegate, delegates[0].id], documentIds: [documentId] },
        { name: 'Tổ 2', leaderId: w.ids.delegateB, memberIds: [w.ids.delegateB, delegates[1].id], documentIds: [documentId] },
      ],
    });
    g1Member = w.delegate;
    g2Member = w.delegateB;
    [g1Socket, g2Socket, staffSocket] = await Promise.all([joined(g1Member), joined(g2Member), joined(w.chair)]);
    const started = await w.chair.post<Breakout>(`/meetings/${w.meeting.id}/breakouts/start`, { agendaItemId: item });
    expect(started.body.status).toBe('running');
    groups = started.body.groups;
    await waitForEvents(g1Socket, (es) => es.some((e) => e.type === 'breakout.changed' && e.payload.breakout.status === 'running'));
  });

  it("keeps each group's discussion inside the group, and shows the staff every group", async () => {
    const [g1, g2] = groups;
    const m1 = (await send(g1Member, g1.id, 'Tổ 1 đề nghị tăng kinh phí', undefined, { documentId, paragraphId: paragraph.id })).body;
    expect(m1.citation).toMatchObject({ documentId, paragraphId: paragraph.id, page: 1 });
    const m2 = (await send(g2Member, g2.id, 'Tổ 2 nhất trí')).body;
    await waitForEvents(staffSocket, (es) => [m1.id, m2.id].every((id) => es.some((e) => e.type === 'group.message' && e.payload.message.id === id)));
    await waitForEvents(g1Socket, (es) => es.some((e) => e.type === 'group.message' && e.payload.message.id === m1.id));
    await pause(300);
    const ids = (s: TestSocket) => s.received.flatMap((e) => (e.type === 'group.message' ? [e.payload.message.id] : []));
    expect(ids(g1Socket)).not.toContain(m2.id);
    expect(ids(g2Socket)).not.toContain(m1.id);
    // no endpoint opens another group either
    expect((await g2Member.get(`/breakout-groups/${g1.id}/messages`)).status).toBe(404);
    expect((await send(g2Member, g1.id, 'chen vào tổ khác')).status).toBe(404);
    expect((await w.observer.get(`/breakout-groups/${g1.id}/messages`)).status).toBe(404);
    expect((await w.outsider.get(`/breakout-groups/${g1.id}/messages`)).status).toBe(404);
    expect((await w.secretary.get<GroupMessage[]>(`/breakout-groups/${g1.id}/messages`)).body.map((m) => m.id)).toEqual([m1.id]);
    // nor catch-up
    const caught = await call(g2Socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 });
    expect(caught.ok && (caught.data as MeetingEvent[]).some((e) => e.type === 'group.message' && e.payload.message.id === m1.id)).toBe(false);
    // a delegate sees their own group only
    const mine = (await g2Member.get<Breakout[]>(`/meetings/${w.meeting.id}/breakouts`)).body.find((b) => b.agendaItemId === item)!;
    expect(mine.groups.map((g) => g.id)).toEqual([g2.id]);
  });

  it('stores a retried message once', async () => {
    const clientId = crypto.randomUUID();
    const first = await send(g1Member, groups[0].id, 'Gửi lại', clientId);
    const retry = await send(g1Member, groups[0].id, 'Gửi lại', clientId);
    expect([first.status, retry.status, retry.body.id]).toEqual([201, 200, first.body.id]);
  });

  it('hands a member who reconnects exactly the messages of their group they missed', async () => {
    const [g1, g2] = groups;
    const s = await joined(delegates[0].api);
    const before = await call(s, 'events:catchup', { meetingId: w.meeting.id, after: 0 });
    if (!before.ok) throw new Error('catch-up failed');
    const lastSeq = Math.max(0, ...(before.data as MeetingEvent[]).map((e) => e.seq));
    s.disconnect();
    const missed: string[] = [];
    for (let i = 0; i < 5; i++) missed.push((await send(g1Member, g1.id, `Trong lúc mất sóng ${i}`)).body.id);
    await send(g2Member, g2.id, 'Tổ khác vẫn thảo luận');
    const back = await joined(delegates[0].api);
    const res = await call(back, 'events:catchup', { meetingId: w.meeting.id, after: lastSeq });
    if (!res.ok) throw new Error('catch-up failed');
    const got = (res.data as MeetingEvent[]).flatMap((e) => (e.type === 'group.message' ? [e.payload.message.id] : []));
    expect(got).toEqual(missed);
  });

  it("lets the leader submit the group's report, which the chair sees live", async () => {
    const [g1] = groups;
    expect((await delegates[0].api.put(`/breakout-groups/${g1.id}/report`, { text: 'x', submit: true })).status).toBe(403);
    const saved = await g1Member.put<Breakout>(`/breakout-groups/${g1.id}/report`, { text: 'Tổ 1 thống nhất đề nghị tăng kinh phí đường thôn.', submit: true });
    expect(saved.status).toBe(200);
    await waitForEvents(staffSocket, (es) =>
      es.some((e) => e.type === 'breakout.changed' && e.payload.breakout.groups.some((g) => g.id === g1.id && g.report?.submittedAt)),
    );
  });

  it('refuses messages once the breakout has ended, with a clear message', async () => {
    const [g1] = groups;
    const clientId = crypto.randomUUID();
    expect((await send(g1Member, g1.id, 'Trước khi kết thúc', clientId)).status).toBe(201);
    const ended = await w.chair.post<Breakout>(`/meetings/${w.meeting.id}/breakouts/end`, { agendaItemId: item });
    expect(ended.body.status).toBe('ended');
    expect(ended.body.groups.find((g) => g.id === g1.id)!.report?.text).toBe('Tổ 1 thống nhất đề nghị tăng kinh phí đường thôn.');
    const late = await send(g1Member, g1.id, 'Sau khi kết thúc');
    expect([late.status, late.body.code]).toEqual([409, 'BREAKOUT_NOT_RUNNING']);
    expect(late.body.message).toMatch(/has ended/);
    // the retry of a message sent in time still gets its stored answer
    expect((await send(g1Member, g1.id, 'Trước khi kết thúc', clientId)).status).toBe(200);
    expect((await w.chair.post(`/meetings/${w.meeting.id}/breakouts/end`, { agendaItemId: item })).status).toBe(409);
  });

  it("puts the groups' reports into the synthesis report of the item's documents", async () => {
    const csv = (await w.secretary.get<string>(`/documents/${documentId}/report?format=csv`)).body;
    expect(csv).toContain('thảo luận tổ,,,,Tổ 1,,Tổ 1 thống nhất đề nghị tăng kinh phí đường thôn.,Đã gửi');
  });
});
