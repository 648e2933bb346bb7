import crypto from 'node:crypto';
import type { AgendaItem, DocumentSummary, Paragraph, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../src/seed/demo-pdfs';
import { Api, blobOf, buildMeetingWorld, insertUser, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';

type Who = 'admin' | 'secretary' | 'chair' | 'delegate' | 'observer' | 'official' | 'outsider' | 'anonymous';
const EVERYONE: Who[] = ['admin', 'secretary', 'chair', 'delegate', 'observer', 'official', 'outsider', 'anonymous'];

let server: TestServer;
let w: MeetingWorld;
let doc: DocumentSummary;
let pdf: Buffer;
let userCounter = 0;
// người trả lời chất vấn: a participant who sees released documents and their own questions, nothing else
let official: Api;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết thử quyền',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Phạm vi', clauses: ['Nội dung thử nghiệm quyền truy cập.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'quyen.pdf', data: pdf }]);
  expect(up.status).toBe(201);
  doc = (up.body as UploadResult).documents[0];
  await w.secretary.waitReady(doc.id);
  official = (await addOfficial(server, w, 'perm-official')).api;
});
afterAll(() => server?.stop());

const api = (who: Who): Api => (who === 'official' ? official : w[who]);

interface Case {
  name: string;
  /** Expected status per caller. */
  expect: Record<Who, number>;
  call: (a: Api) => Promise<{ status: number }>;
}

const meetingPath = () => `/meetings/${w.meeting.id}`;
const freshUser = () => insertUser(server, `perm-user-${++userCounter}`);
const newAgendaItem = async () => (await w.secretary.post<AgendaItem>(`${meetingPath()}/agenda`, { title: `Mục tạm ${++userCounter}` })).body;

// statuses: participants get 200/403 from the table in shared/; non-participants 404 (they learn nothing); no session 401
const staffOnly = (ok: number) => ({ admin: ok, secretary: ok, chair: ok, delegate: 403, observer: 403, official: 403, outsider: 404, anonymous: 401 });
// "participants" here are those who follow the meeting: not the official, who sees only their questions
const allParticipants = (ok: number) => ({ admin: ok, secretary: ok, chair: ok, delegate: ok, observer: ok, official: 403, outsider: 404, anonymous: 401 });
// documents are for the meeting's participants: an administrator who is not one gets nothing
const docsRead = { admin: 404, secretary: 200, chair: 200, delegate: 200, observer: 200, official: 200, outsider: 404, anonymous: 401 };
const docsWrite = (ok: number) => ({ admin: 404, secretary: ok, chair: ok, delegate: 403, observer: 403, official: 403, outsider: 404, anonymous: 401 });
// reading the meeting's life (speakers, groups, events) as a participant: an administrator who is not one gets nothing
const followers = (ok: number) => ({ ...allParticipants(ok), admin: 404 });

const cases: Case[] = [
  { name: 'GET /meetings/:id', expect: allParticipants(200), call: (a) => a.get(meetingPath()) },
  { name: 'PATCH /meetings/:id', expect: staffOnly(200), call: (a) => a.patch(meetingPath(), { location: 'Hội trường mới' }) },
  { name: 'POST /meetings/:id/agenda', expect: staffOnly(201), call: (a) => a.post(`${meetingPath()}/agenda`, { title: 'Mục mới' }) },
  {
    name: 'PATCH /meetings/:id/agenda/:itemId',
    expect: staffOnly(200),
    call: async (a) => a.patch(`${meetingPath()}/agenda/${w.agenda[1].id}`, { presenter: 'Chủ tịch UBND xã' }),
  },
  {
    name: 'DELETE /meetings/:id/agenda/:itemId',
    expect: staffOnly(204),
    call: async (a) => a.delete(`${meetingPath()}/agenda/${(await newAgendaItem()).id}`),
  },
  {
    name: 'PUT /meetings/:id/agenda/order',
    expect: staffOnly(200),
    call: async (a) => {
      const items = (await w.secretary.get<{ agenda: AgendaItem[] }>(meetingPath())).body.agenda;
      return a.put(`${meetingPath()}/agenda/order`, { itemIds: items.map((i) => i.id).reverse() });
    },
  },
  { name: 'GET /meetings/:id/participants', expect: allParticipants(200), call: (a) => a.get(`${meetingPath()}/participants`) },
  {
    name: 'POST /meetings/:id/participants',
    expect: staffOnly(201),
    call: async (a) => a.post(`${meetingPath()}/participants`, { userId: await freshUser(), role: 'delegate' }),
  },
  {
    name: 'PATCH /meetings/:id/participants/:userId',
    expect: staffOnly(200),
    call: (a) => a.patch(`${meetingPath()}/participants/${w.ids.observer}`, { role: 'observer' }),
  },
  {
    name: 'DELETE /meetings/:id/participants/:userId',
    expect: staffOnly(204),
    call: async (a) => {
      const userId = await freshUser();
      await w.secretary.post(`${meetingPath()}/participants`, { userId, role: 'delegate' });
      return a.delete(`${meetingPath()}/participants/${userId}`);
    },
  },
  { name: 'GET /meetings/:id/audit', expect: staffOnly(200), call: (a) => a.get(`${meetingPath()}/audit`) },
  { name: 'GET /meetings/:id/documents', expect: docsRead, call: (a) => a.get(`${meetingPath()}/documents`) },
  { name: 'POST /meetings/:id/documents', expect: docsWrite(201), call: (a) => a.upload(w.meeting.id, [{ name: 'them.pdf', data: pdf }]) },
  { name: 'GET /documents/:id', expect: docsRead, call: (a) => a.get(`/documents/${doc.id}`) },
  { name: 'PATCH /documents/:id', expect: docsWrite(200), call: (a) => a.patch(`/documents/${doc.id}`, { title: 'Nghị quyết thử quyền (sửa)' }) },
  {
    name: 'POST /documents/:id/versions',
    expect: docsWrite(201),
    call: (a) => {
      const form = new FormData();
      form.append('files', blobOf(pdf, 'application/pdf'), 'v2.pdf');
      return a.request('POST', `/documents/${doc.id}/versions`, form);
    },
  },
  { name: 'GET /documents/:id/file', expect: docsRead, call: (a) => a.get(`/documents/${doc.id}/file`) },
  {
    name: 'GET /documents/:id/versions/:versionId/paragraphs',
    expect: docsRead,
    call: (a) => a.get(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`),
  },
  // council and account administration
  { name: 'GET /users', expect: { admin: 200, secretary: 200, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 }, call: (a) => a.get('/users') },
  {
    name: 'POST /users',
    expect: { admin: 201, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) => a.post('/users', { username: `tao-moi-${++userCounter}`, fullName: 'Người Mới', password: 'mat-khau-dai' }),
  },
  {
    name: 'PATCH /users/:id',
    expect: { admin: 200, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) => a.patch(`/users/${w.ids.delegateB}`, { fullName: 'Đại Biểu B' }),
  },
  { name: 'GET /councils', expect: { admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, official: 200, outsider: 200, anonymous: 401 }, call: (a) => a.get('/councils') },
  {
    name: 'POST /councils',
    expect: { admin: 201, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) => a.post('/councils', { name: 'HĐND xã Mới', level: 'commune' }),
  },
  {
    name: 'GET /councils/:id',
    expect: { admin: 200, secretary: 200, chair: 404, delegate: 404, observer: 404, official: 404, outsider: 404, anonymous: 401 },
    call: (a) => a.get(`/councils/${w.council.id}`),
  },
  {
    name: 'PATCH /councils/:id',
    expect: { admin: 200, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) => a.patch(`/councils/${w.council.id}`, { name: 'HĐND xã Thử Nghiệm (đổi tên)' }),
  },
  {
    name: 'PUT /councils/:id/staff',
    expect: { admin: 200, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) => a.put(`/councils/${w.council.id}/staff`, { userIds: [w.ids.secretary] }),
  },
  {
    name: 'POST /meetings',
    expect: { admin: 201, secretary: 201, chair: 403, delegate: 403, observer: 403, official: 403, outsider: 403, anonymous: 401 },
    call: (a) =>
      a.post('/meetings', {
        councilId: w.council.id,
        title: 'Phiên họp bổ sung',
        startsAt: new Date(Date.now() + 86400_000).toISOString(),
        releaseAt: new Date().toISOString(),
        commentDeadline: new Date(Date.now() + 3600_000).toISOString(),
      }),
  },
  // what an official must never see: comments, annotations, read receipts, group discussions, the meeting's live events
  { name: 'GET /documents/:id/comments', expect: { ...docsRead, official: 403 }, call: (a) => a.get(`/documents/${doc.id}/comments`) },
  // an administrator who is not a participant is answered an empty list (they may set the meeting up, not read its comments)
  { name: 'GET /meetings/:id/comments', expect: allParticipants(200), call: (a) => a.get(`${meetingPath()}/comments`) },
  { name: 'GET /documents/:id/comment-counts', expect: docsWrite(200), call: (a) => a.get(`/documents/${doc.id}/comment-counts`) },
  { name: 'GET /documents/:id/read-receipts', expect: docsWrite(200), call: (a) => a.get(`/documents/${doc.id}/read-receipts`) },
  { name: 'GET /documents/:id/report', expect: docsWrite(200), call: (a) => a.get(`/documents/${doc.id}/report?format=csv`) },
  {
    name: 'POST /documents/:id/annotations',
    expect: { ...docsRead, secretary: 201, chair: 201, delegate: 201, observer: 201, official: 403 },
    call: async (a) => {
      // the newest version (another case uploads one), once it is ingested
      const current = (await w.secretary.waitReady(doc.id)).currentVersion;
      const [p] = (await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${current.id}/paragraphs`)).body;
      return a.post(`/documents/${doc.id}/annotations`, { clientId: crypto.randomUUID(), anchor: { versionId: current.id, paragraphId: p.id, quote: { exact: p.text }, rects: p.rects } });
    },
  },
  { name: 'GET /documents/:id/annotations', expect: { ...docsRead, official: 403 }, call: (a) => a.get(`/documents/${doc.id}/annotations`) },
  { name: 'GET /meetings/:id/events', expect: allParticipants(200), call: (a) => a.get(`${meetingPath()}/events?after=0`) },
  { name: 'GET /meetings/:id/breakouts', expect: allParticipants(200), call: (a) => a.get(`${meetingPath()}/breakouts`) },
  { name: 'GET /meetings/:id/display-links', expect: staffOnly(200), call: (a) => a.get(`${meetingPath()}/display-links`) },
  // speakers lists
  { name: 'GET /meetings/:id/agenda/:itemId/speakers', expect: followers(200), call: (a) => a.get(`${meetingPath()}/agenda/${w.agenda[0].id}/speakers`) },
  {
    name: 'POST /meetings/:id/agenda/:itemId/speakers',
    expect: { admin: 404, secretary: 403, chair: 201, delegate: 201, observer: 403, official: 403, outsider: 404, anonymous: 401 },
    call: async (a) => a.post(`${meetingPath()}/agenda/${(await newAgendaItem()).id}/speakers`, { clientId: crypto.randomUUID(), type: 'contribution' }),
  },
  {
    name: 'POST /meetings/:id/agenda/:itemId/speakers/add',
    expect: { ...staffOnly(201), admin: 404 },
    call: async (a) => a.post(`${meetingPath()}/agenda/${(await newAgendaItem()).id}/speakers/add`, { userId: w.ids.delegateB, type: 'contribution' }),
  },
  {
    name: 'PUT /meetings/:id/agenda/:itemId/speakers/order',
    expect: { ...staffOnly(200), admin: 404 },
    call: async (a) => a.put(`${meetingPath()}/agenda/${(await newAgendaItem()).id}/speakers/order`, { version: 0, speechIds: [] }),
  },
  {
    name: 'POST /meetings/:id/agenda/:itemId/speakers/next',
    expect: { admin: 404, secretary: 403, chair: 200, delegate: 403, observer: 403, official: 403, outsider: 404, anonymous: 401 },
    call: async (a) => a.post(`${meetingPath()}/agenda/${(await newAgendaItem()).id}/speakers/next`),
  },
  { name: 'GET /meetings/:id/speeches', expect: followers(200), call: (a) => a.get(`${meetingPath()}/speeches`) },
  { name: 'GET /meetings/:id/speaking-times', expect: followers(200), call: (a) => a.get(`${meetingPath()}/speaking-times`) },
  {
    name: 'PUT /meetings/:id/speaking-times',
    expect: { ...staffOnly(200), admin: 404 },
    call: (a) => a.put(`${meetingPath()}/speaking-times`, { contribution: 420, reply: 180, procedural: 60, question: 180, followup: 60, answer: 300 }),
  },
  // chất vấn
  { name: 'GET /meetings/:id/questions/board', expect: { ...staffOnly(200), admin: 404 }, call: (a) => a.get(`${meetingPath()}/questions/board`) },
  {
    name: 'GET /meetings/:id/questions/mine',
    expect: { admin: 404, secretary: 403, chair: 200, delegate: 200, observer: 403, official: 403, outsider: 404, anonymous: 401 },
    call: (a) => a.get(`${meetingPath()}/questions/mine`),
  },
  {
    name: 'GET /meetings/:id/questions/official',
    expect: { admin: 404, secretary: 403, chair: 403, delegate: 403, observer: 403, official: 200, outsider: 404, anonymous: 401 },
    call: (a) => a.get(`${meetingPath()}/questions/official`),
  },
  {
    name: 'PUT /meetings/:id/question-settings',
    expect: { ...staffOnly(200), admin: 404 },
    call: (a) => a.put(`${meetingPath()}/question-settings`, { submitDeadline: new Date(Date.now() + 86400_000).toISOString() }),
  },
  {
    name: 'POST /meetings/:id/question-positions',
    expect: { ...staffOnly(201), admin: 404 },
    call: (a) => a.post(`${meetingPath()}/question-positions`, { title: `Chức danh ${++userCounter}` }),
  },
];

describe.each(cases)('$name', ({ expect: expected, call }) => {
  it.each(EVERYONE)('answers %s as the permission table says', async (who) => {
    const res = await call(api(who));
    expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
  });
});

describe('meeting status changes', () => {
  it('lets only staff move the meeting, and only along allowed transitions', async () => {
    const path = `${meetingPath()}/status`;
    expect((await w.delegate.post(path, { status: 'in_session' })).status).toBe(403);
    expect((await w.outsider.post(path, { status: 'in_session' })).status).toBe(404);
    const bad = await w.chair.post<{ code: string; message: string }>(path, { status: 'closed' });
    expect(bad.status).toBe(409);
    expect(bad.body.message).toMatch(/cannot become closed/);
    expect((await w.chair.post(path, { status: 'in_session' })).status).toBe(200);
  });
});

describe('my meetings', () => {
  it('lists the meeting for participants and not for outsiders', async () => {
    const mine = await w.delegate.get<{ id: string; myRole: string }[]>('/meetings');
    expect(mine.body.map((m) => m.id)).toContain(w.meeting.id);
    expect(mine.body.find((m) => m.id === w.meeting.id)?.myRole).toBe('delegate');
    const theirs = await w.outsider.get<{ id: string }[]>('/meetings');
    expect(theirs.body.map((m) => m.id)).not.toContain(w.meeting.id);
  });

  it('hides a draft meeting from its delegates but not from its secretary', async () => {
    const draft = await w.secretary.post<{ id: string }>('/meetings', {
      councilId: w.council.id,
      title: 'Kỳ họp đang soạn',
      startsAt: new Date(Date.now() + 86400_000).toISOString(),
      releaseAt: new Date(Date.now() - 3600_000).toISOString(),
      commentDeadline: new Date(Date.now() + 3600_000).toISOString(),
    });
    await w.secretary.post(`/meetings/${draft.body.id}/participants`, { userId: w.ids.delegate, role: 'delegate' });
    expect((await w.delegate.get(`/meetings/${draft.body.id}`)).status).toBe(404);
    expect((await w.delegate.get(`/meetings/${draft.body.id}/documents`)).status).toBe(404);
    expect((await w.delegate.get<{ id: string }[]>('/meetings')).body.map((m) => m.id)).not.toContain(draft.body.id);
    expect((await w.secretary.get(`/meetings/${draft.body.id}`)).status).toBe(200);
  });
});
