import crypto from 'node:crypto';
import { buildDraftResolutionPdf, pdfWithDamagedPage } from '../../fixtures';
import type { AgendaItem, Annotation, Breakout, Comment, DisplayLink, DocumentDetail, DocumentSummary, OfficialPosition, Paragraph, Question, QuestionIssue, Sitting, SpeakersList, UploadResult, Vote } from '@hopso/shared';
import { Api, blobOf, buildMeetingWorld, insertUser, login, TEST_PASSWORD, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';
import { makeSigningP12, makeTestCa } from './support/certificates';

/**
 * The permission matrix, generated from the OpenAPI document: every route the server publishes must
 * have a case below, tried as every caller. "foreign" is the secretary of another meeting (of another
 * council) using this meeting's ids: they must learn exactly as much as from a random id.
 */
type Who = 'anonymous' | 'admin' | 'secretary' | 'chair' | 'delegate' | 'observer' | 'outsider' | 'foreign';
const EVERYONE: Who[] = ['anonymous', 'admin', 'secretary', 'chair', 'delegate', 'observer', 'outsider', 'foreign'];
type Expected = Record<Who, number>;
type Params = Record<string, string>;

interface RouteCase {
  expect: Expected;
  /** Values of the route's path parameters; called before each call, so it can prepare what the call uses up. */
  params?: () => Params | Promise<Params>;
  body?: () => unknown;
  query?: string;
  /** Log the caller in again first (for routes that end the session they are called with). */
  freshSession?: boolean;
  /** The route ends the caller's other sessions: log the caller in again afterwards. */
  endsOtherSessions?: boolean;
  /** Put back what a successful call changed, so the next caller finds the same state. */
  after?: () => Promise<unknown>;
  /** Path parameters where the meeting is the foreign caller's own but a child id belongs to this meeting. */
  foreignChild?: () => Params | Promise<Params>;
  /** A public route whose credential is in the query: a random id is not comparable to a real one. */
  noNotFoundComparison?: boolean;
}

let server: TestServer;
let w: MeetingWorld;
let b: MeetingWorld;
let callers: Record<Who, Api>;
let doc: DocumentSummary;
let docB: DocumentSummary;
let paragraph: Paragraph;
let pdf: Buffer;
let routes: { method: string; template: string }[];
let counter = 0;
// người trả lời chất vấn of this meeting, holding the one position questions go to
let official: Api;
let officialId: string;
let position: OfficialPosition;

const USERNAMES: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'w-admin',
  secretary: 'w-secretary',
  chair: 'w-chair',
  delegate: 'w-delegate',
  observer: 'w-observer',
  outsider: 'w-outsider',
  foreign: 'b-secretary',
};

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SIGNING_KEY: crypto.randomBytes(32).toString('base64') } });
  w = await buildMeetingWorld(server);
  b = await buildMeetingWorld(server, { prefix: 'b' });
  callers = { anonymous: w.anonymous, admin: w.admin, secretary: w.secretary, chair: w.chair, delegate: w.delegate, observer: w.observer, outsider: w.outsider, foreign: b.secretary };
  pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết thử quyền',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Phạm vi', clauses: ['Nội dung thử nghiệm quyền truy cập.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'quyen.pdf', data: pdf }]);
  expect(up.status).toBe(201);
  doc = (up.body as UploadResult).documents[0];
  const upB = await b.secretary.upload(b.meeting.id, [{ name: 'quyen-b.pdf', data: pdf }]);
  docB = (upB.body as UploadResult).documents[0];
  await Promise.all([w.secretary.waitReady(doc.id), b.secretary.waitReady(docB.id)]);
  // a fixed number of seats, so quorum and results do not follow the participant list the other cases change
  expect((await w.admin.put(`/councils/${w.council.id}/voting-settings`, { seats: 3 })).status).toBe(200);
  ({ api: official, id: officialId } = await addOfficial(server, w, 'w-official'));
  position = (await w.secretary.post<OfficialPosition>(`/meetings/${w.meeting.id}/question-positions`, { title: 'Chủ tịch UBND xã', officialUserId: officialId })).body;
  expect((await w.secretary.put(`/meetings/${w.meeting.id}/question-settings`, { submitDeadline: iso(7 * 86400_000) })).status).toBe(200);
  paragraph = (await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body[0];
  const openApi = (await (await fetch(`${server.url}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(openApi.paths).flatMap(([template, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), template: template.replace(/^\/api/, '') })),
  );
});
afterAll(() => server?.stop());

// ---- expectations: participants get 200/403 from the table in shared/; non-participants 404 (they learn nothing); no session 401
const staffOnly = (ok: number): Expected => ({ anonymous: 401, admin: ok, secretary: ok, chair: ok, delegate: 403, observer: 403, outsider: 404, foreign: 404 });
const allParticipants = (ok: number): Expected => ({ anonymous: 401, admin: ok, secretary: ok, chair: ok, delegate: ok, observer: ok, outsider: 404, foreign: 404 });
// documents, annotations and comments are for the meeting's participants: an administrator who is not one gets nothing
const docsRead: Expected = { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 404, foreign: 404 };
const docsStaff = (ok: number): Expected => ({ anonymous: 401, admin: 404, secretary: ok, chair: ok, delegate: 403, observer: 403, outsider: 404, foreign: 404 });
const breakoutsStaff = (ok: number): Expected => ({ anonymous: 401, admin: 403, secretary: ok, chair: ok, delegate: 403, observer: 403, outsider: 404, foreign: 404 });
const adminOnly = (ok: number): Expected => ({ anonymous: 401, admin: ok, secretary: 403, chair: 403, delegate: 403, observer: 403, outsider: 403, foreign: 403 });
const anyoneLoggedIn = (ok: number): Expected => ({ anonymous: 401, admin: ok, secretary: ok, chair: ok, delegate: ok, observer: ok, outsider: ok, foreign: ok });
const onlyDelegate = (ok: number): Expected => ({ anonymous: 401, admin: 404, secretary: 404, chair: 404, delegate: ok, observer: 404, outsider: 404, foreign: 404 });

const M = () => ({ id: w.meeting.id });
const D = () => ({ id: doc.id });
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const freshUser = () => insertUser(server, `perm-user-${++counter}`);
const newAgendaItem = async () => (await w.secretary.post<AgendaItem>(`/meetings/${w.meeting.id}/agenda`, { title: `Mục tạm ${++counter}` })).body;
const anchor = () => ({ versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text.slice(0, 20) }, rects: paragraph.rects });
const delegateComment = async () =>
  (await w.delegate.post<Comment>(`/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor: anchor(), body: `Góp ý ${++counter}` })).body;
/** A delegate's comment the secretariat has replied to: its author may answer. */
const repliedComment = async () => {
  const c = await delegateComment();
  const replied = await w.secretary.patch(`/comments/${c.id}`, { status: 'answered', reply: 'Tổ thư ký trả lời' });
  if (replied.status !== 200) throw new Error(`reply: ${replied.status}`);
  return c;
};
const delegateAnnotation = async () => (await w.delegate.post<Annotation>(`/documents/${doc.id}/annotations`, { clientId: crypto.randomUUID(), anchor: anchor(), note: 'riêng' })).body;

/** A breakout of a new agenda item with one group holding the delegate (its leader) and delegate B, in `status`. */
async function breakout(status: 'prepared' | 'running'): Promise<{ itemId: string; groupId: string }> {
  const item = await newAgendaItem();
  const made = await w.secretary.post<Breakout>(`/meetings/${w.meeting.id}/breakouts`, {
    agendaItemId: item.id,
    groups: [{ name: `Tổ ${++counter}`, leaderId: w.ids.delegate, memberIds: [w.ids.delegate, w.ids.delegateB] }],
  });
  if (made.status !== 200) throw new Error(`prepare breakout: ${made.status} ${JSON.stringify(made.body)}`);
  if (status === 'running') await w.secretary.post(`/meetings/${w.meeting.id}/breakouts/start`, { agendaItemId: item.id });
  return { itemId: item.id, groupId: made.body.groups[0].id };
}

const importCsv = () => {
  const form = new FormData();
  const phone = `09${String(10_000_000 + ++counter).slice(-8)}`;
  form.append('file', blobOf(Buffer.from(`Họ và tên,Số điện thoại,Vai trò\nNgười Nhập ${counter},${phone},đại biểu\n`), 'text/csv'), 'ds.csv');
  return form;
};
const versionForm = () => {
  const form = new FormData();
  form.append('files', blobOf(pdf, 'application/pdf'), 'v2.pdf');
  return form;
};
/** A released document of its own, for a case that deletes or retries it. */
const uploadedDoc = async (data: Buffer = pdf) => {
  const up = await w.secretary.upload(w.meeting.id, [{ name: `rieng-${++counter}.pdf`, data }]);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  return (up.body as UploadResult).documents[0];
};
const uploadForm = () => {
  const form = new FormData();
  form.append('files', blobOf(pdf, 'application/pdf'), 'them.pdf');
  return form;
};

// ---- the session day: one sitting and one vote open at a time, so the helpers keep track of them
// voting members only: a secretary has no voting right unless marked, observers never
const votersOnly = (ok: number): Expected => ({ anonymous: 401, admin: 404, secretary: 403, chair: ok, delegate: ok, observer: 403, outsider: 404, foreign: 404 });
let openSittingId: string | null = null;
let openVoteId: string | null = null;
let plannedSittingId = '';
let draftVoteId = '';
const markPresent = (sittingId: string) =>
  w.chair.post(`/sittings/${sittingId}/attendance`, { entries: [w.ids.chair, w.ids.delegate].map((userId) => ({ userId, status: 'hall' })) });
async function closeOpenVote(): Promise<void> {
  if (openVoteId) await w.chair.post(`/votes/${openVoteId}/close`);
  openVoteId = null;
}
async function closeOpenSitting(): Promise<void> {
  await closeOpenVote();
  if (openSittingId) await w.chair.post(`/sittings/${openSittingId}/close`);
  openSittingId = null;
}
async function plannedSitting(): Promise<string> {
  const made = await w.chair.post<Sitting>(`/meetings/${w.meeting.id}/sittings`, { title: `Phiên ${++counter}` });
  if (made.status !== 201) throw new Error(`create sitting: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.id;
}
/** A new open sitting with the chair and delegate A in the hall. */
async function newOpenSitting(): Promise<string> {
  await closeOpenSitting();
  const id = await plannedSitting();
  const opened = await w.chair.post(`/sittings/${id}/open`);
  if (opened.status !== 200) throw new Error(`open sitting: ${opened.status} ${JSON.stringify(opened.body)}`);
  await markPresent(id);
  openSittingId = id;
  return id;
}
const openSitting = async () => openSittingId ?? newOpenSitting();
async function draftVote(kind: 'named' | 'secret' | 'show_of_hands' = 'named'): Promise<string> {
  const made = await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: `Biểu quyết thử quyền ${++counter}`, kind });
  if (made.status !== 201) throw new Error(`create vote: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.id;
}
/** A new open named vote in the open sitting, the chair and delegate A present (a case before may have marked them absent). */
async function newOpenVote(): Promise<string> {
  await closeOpenVote();
  const sittingId = await openSitting();
  await markPresent(sittingId);
  const id = await draftVote();
  const opened = await w.chair.post(`/votes/${id}/open`, {});
  if (opened.status !== 200) throw new Error(`open vote: ${opened.status} ${JSON.stringify(opened.body)}`);
  openVoteId = id;
  return id;
}
const openVote = async () => openVoteId ?? newOpenVote();
async function closedVote(): Promise<string> {
  const id = await newOpenVote();
  await closeOpenVote();
  return id;
}
const S = async () => ({ id: await openSitting() });
// ---- speakers lists and chất vấn: the meeting's participants only (an administrator who is not one gets nothing)
const followers = (ok: number): Expected => ({ ...allParticipants(ok), admin: 404 });
const staffNotAdmin = (ok: number): Expected => ({ ...staffOnly(ok), admin: 404 });
/** A right of one role set: the holders get `ok`, the other participants 403, non-participants (the administrator too) 404. */
const onlyRoles = (ok: number, holders: Who[]): Expected => ({
  ...Object.fromEntries(['secretary', 'chair', 'delegate', 'observer'].map((r) => [r, holders.includes(r as Who) ? ok : 403])),
  anonymous: 401,
  admin: 404,
  outsider: 404,
  foreign: 404,
}) as Expected;
const item = async () => ({ id: w.meeting.id, itemId: (await newAgendaItem()).id });
const foreignItem = async () => ({ id: b.meeting.id, itemId: (await newAgendaItem()).id });
/** Delegate B's waiting request on a new agenda item (added by the secretariat). */
const waitingSpeech = async (): Promise<string> => {
  const list = (await w.secretary.post<SpeakersList>(`/meetings/${w.meeting.id}/agenda/${(await newAgendaItem()).id}/speakers/add`, { userId: w.ids.delegateB, type: 'contribution' })).body;
  if (!list.waiting?.[0]) throw new Error(`add speaker: ${JSON.stringify(list)}`);
  return list.waiting[0].id;
};
// one speech speaks at a time in a meeting: the one a case started is stopped before the next starts
let speakingId: string | null = null;
const stopSpeaking = async () => {
  if (speakingId) await w.chair.post(`/speeches/${speakingId}/stop`);
  speakingId = null;
};
const speakingSpeech = async (paused = false): Promise<Params> => {
  await stopSpeaking();
  const id = await waitingSpeech();
  const started = await w.chair.post(`/speeches/${id}/start`);
  if (started.status !== 200) throw new Error(`start speech: ${started.status} ${JSON.stringify(started.body)}`);
  speakingId = id;
  if (paused) await w.chair.post(`/speeches/${id}/pause`);
  return { id };
};
const question = async (): Promise<Question> => {
  const res = await w.delegate.post<Question>(`/meetings/${w.meeting.id}/questions`, { clientId: crypto.randomUUID(), positionId: position.id, body: `Đề nghị cho biết tiến độ công trình số ${++counter}?` });
  if (res.status !== 201) throw new Error(`submit question: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const issue = async (): Promise<QuestionIssue> => {
  const res = await w.secretary.post<QuestionIssue>(`/meetings/${w.meeting.id}/question-issues`, { title: `Vấn đề ${++counter}`, positionId: position.id, questionIds: [(await question()).id] });
  if (res.status !== 201) throw new Error(`create issue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
// one issue is in the hall at a time: the one a case opened is closed before the next opens
let inHallId: string | null = null;
const closeInHall = async () => {
  if (inHallId) await w.secretary.post(`/question-issues/${inHallId}/close`, { answeredInHall: false });
  inHallId = null;
};
const issueInHall = async (): Promise<Params> => {
  await closeInHall();
  const { id } = await issue();
  const opened = await w.chair.post(`/question-issues/${id}/open`);
  if (opened.status !== 200) throw new Error(`open issue: ${opened.status} ${JSON.stringify(opened.body)}`);
  inHallId = id;
  return { id };
};
let mergeInto = '';
const answeredIssue = async (): Promise<Params> => {
  const { id } = await issue();
  const answered = await official.post(`/question-issues/${id}/messages`, { clientId: crypto.randomUUID(), body: 'Trả lời bằng văn bản: công trình hoàn thành trong quý tới.' });
  if (answered.status !== 201) throw new Error(`answer issue: ${answered.status} ${JSON.stringify(answered.body)}`);
  return { id };
};

// ---- documents of record: a fresh minutes per call (one per sitting), in the state the route needs
const minutesIn = async (state: 'draft' | 'submitted' | 'final'): Promise<Params> => {
  const made = await w.secretary.post<{ id: string }>(`/meetings/${w.meeting.id}/minutes`, { sittingId: await plannedSitting() });
  if (made.status !== 201) throw new Error(`create minutes: ${made.status} ${JSON.stringify(made.body)}`);
  const { id } = made.body;
  if (state !== 'draft' && (await w.secretary.post(`/minutes/${id}/submit`)).status !== 200) throw new Error('submit minutes');
  if (state === 'final' && (await w.chair.post(`/minutes/${id}/approve`)).status !== 200) throw new Error('approve minutes');
  return { id };
};
let finalMinutes: Params | null = null;
const finalMinutesOnce = async () => (finalMinutes ??= await minutesIn('final'));
/** A draft is the staff's: to anyone else (the administrator too) it does not exist. */
const draftStaff = (ok: number): Expected => ({ anonymous: 401, admin: 404, secretary: ok, chair: ok, delegate: 404, observer: 404, outsider: 404, foreign: 404 });
const chairOnly = (ok: number): Expected => ({ ...draftStaff(ok), secretary: 403 });
let signingIdentity: { p12: Buffer; password: string } | null = null;
const certificateForm = () => {
  signingIdentity ??= makeSigningP12(makeTestCa(), { commonName: 'Chủ tịch HĐND xã', password: 'mat-khau-p12' });
  const form = new FormData();
  form.append('certificate', blobOf(signingIdentity.p12, 'application/x-pkcs12'), 'hdnd.p12');
  form.append('password', signingIdentity.password);
  return form;
};
/** A released document whose whole text a show of hands adopted (a document of its own: the shared one takes new versions). */
let adoptedVersion: Params | null = null;
const adoptedOnce = async (): Promise<Params> => {
  if (adoptedVersion) return adoptedVersion;
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'nghi-quyet-thong-qua.pdf', data: pdf }]);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  const { id } = (up.body as UploadResult).documents[0];
  await w.secretary.waitReady(id);
  if ((await w.secretary.post(`/documents/${id}/release`, {})).status !== 201) throw new Error('release the resolution');
  const vote = await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: 'Thông qua nghị quyết thử quyền', kind: 'show_of_hands', documentId: id });
  if (vote.status !== 201) throw new Error(`create vote: ${vote.status} ${JSON.stringify(vote.body)}`);
  const closed = await w.secretary.post<Vote>(`/votes/${vote.body.id}/manual-result`, { yes: 3, no: 0, abstain: 0 });
  if (closed.status !== 200 || !closed.body.result?.passed) throw new Error(`adopt: ${closed.status} ${JSON.stringify(closed.body)}`);
  const adopted = (await w.secretary.get<{ documentId: string; versionId: string }[]>(`/meetings/${w.meeting.id}/adopted-resolutions`)).body.find((a) => a.documentId === id);
  if (!adopted) throw new Error('no adopted resolution');
  return (adoptedVersion = { versionId: adopted.versionId });
};

const CASES: Record<string, RouteCase> = {
  // ---- public
  'GET /health': { expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 } },
  'POST /auth/login': {
    expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 },
    body: () => ({ login: 'w-delegateb', password: TEST_PASSWORD }),
  },
  'GET /hall/{meetingId}': {
    // the display link's token is the credential, whoever holds it
    expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 },
    params: async () => ({ meetingId: w.meeting.id }),
    query: '',
    noNotFoundComparison: true,
  },
  // ---- the session
  'POST /auth/logout': { expect: anyoneLoggedIn(204), freshSession: true },
  'GET /auth/me': { expect: anyoneLoggedIn(200) },
  'POST /auth/password': {
    expect: anyoneLoggedIn(204),
    freshSession: true,
    endsOtherSessions: true,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },
  // ---- accounts and councils
  'GET /users': { expect: { anonymous: 401, admin: 200, secretary: 200, chair: 403, delegate: 403, observer: 403, outsider: 403, foreign: 200 } },
  'POST /users': { expect: adminOnly(201), body: () => ({ username: `tao-moi-${++counter}`, fullName: 'Người Mới', password: 'mat-khau-dai' }) },
  'PATCH /users/{id}': { expect: adminOnly(200), params: () => ({ id: w.ids.delegateB }), body: () => ({ fullName: 'Đại Biểu B' }) },
  'GET /councils': { expect: anyoneLoggedIn(200) },
  'POST /councils': { expect: adminOnly(201), body: () => ({ name: 'HĐND xã Mới', level: 'commune' }) },
  'GET /councils/{id}': {
    expect: { anonymous: 401, admin: 200, secretary: 200, chair: 404, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: () => ({ id: w.council.id }),
  },
  'PATCH /councils/{id}': { expect: adminOnly(200), params: () => ({ id: w.council.id }), body: () => ({ name: 'HĐND xã Thử Nghiệm (đổi tên)' }) },
  'PUT /councils/{id}/staff': { expect: adminOnly(200), params: () => ({ id: w.council.id }), body: () => ({ userIds: [w.ids.secretary] }) },
  // ---- meetings
  'GET /meetings': { expect: anyoneLoggedIn(200) },
  'POST /meetings': {
    expect: { anonymous: 401, admin: 201, secretary: 201, chair: 403, delegate: 403, observer: 403, outsider: 403, foreign: 403 },
    body: () => ({ councilId: w.council.id, title: 'Phiên họp bổ sung', startsAt: iso(86400_000), releaseAt: iso(0), commentDeadline: iso(3600_000) }),
  },
  'GET /meetings/{id}': { expect: allParticipants(200), params: M },
  'PATCH /meetings/{id}': { expect: staffOnly(200), params: M, body: () => ({ location: 'Hội trường mới' }) },
  'POST /meetings/{id}/status': {
    expect: staffOnly(200),
    params: M,
    body: () => ({ status: 'draft' }),
    after: () => w.secretary.post(`/meetings/${w.meeting.id}/status`, { status: 'published' }),
  },
  'POST /meetings/{id}/current-item': { expect: staffOnly(200), params: M, body: () => ({ agendaItemId: w.agenda[0].id }) },
  'POST /meetings/{id}/agenda': { expect: staffOnly(201), params: M, body: () => ({ title: 'Mục mới' }) },
  'PUT /meetings/{id}/agenda/order': {
    expect: staffOnly(200),
    params: M,
    body: async () => ({ itemIds: (await w.secretary.get<{ agenda: AgendaItem[] }>(`/meetings/${w.meeting.id}`)).body.agenda.map((i) => i.id).reverse() }),
  },
  'PATCH /meetings/{id}/agenda/{itemId}': {
    expect: staffOnly(200),
    params: () => ({ id: w.meeting.id, itemId: w.agenda[1].id }),
    body: () => ({ presenter: 'Chủ tịch UBND xã' }),
    foreignChild: () => ({ id: b.meeting.id, itemId: w.agenda[1].id }),
  },
  'DELETE /meetings/{id}/agenda/{itemId}': {
    expect: staffOnly(204),
    params: async () => ({ id: w.meeting.id, itemId: (await newAgendaItem()).id }),
    foreignChild: async () => ({ id: b.meeting.id, itemId: (await newAgendaItem()).id }),
  },
  'GET /meetings/{id}/participants': { expect: allParticipants(200), params: M },
  'POST /meetings/{id}/participants': { expect: staffOnly(201), params: M, body: async () => ({ userId: await freshUser(), role: 'delegate' }) },
  'POST /meetings/{id}/participants/import': { expect: staffOnly(200), params: M, body: importCsv },
  'PATCH /meetings/{id}/participants/{userId}': {
    expect: staffOnly(200),
    params: () => ({ id: w.meeting.id, userId: w.ids.observer }),
    body: () => ({ role: 'observer' }),
    foreignChild: () => ({ id: b.meeting.id, userId: w.ids.observer }),
  },
  'DELETE /meetings/{id}/participants/{userId}': {
    expect: staffOnly(204),
    params: async () => {
      const userId = await freshUser();
      await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId, role: 'delegate' });
      return { id: w.meeting.id, userId };
    },
    foreignChild: () => ({ id: b.meeting.id, userId: w.ids.delegateB }),
  },
  'GET /meetings/{id}/audit': { expect: staffOnly(200), params: M },
  'GET /meetings/{id}/events': { expect: allParticipants(200), params: M },
  // ---- the hall screen's links
  'GET /meetings/{id}/display-links': { expect: staffOnly(200), params: M },
  'POST /meetings/{id}/display-links': { expect: staffOnly(201), params: M, body: () => ({ label: 'TV' }) },
  'DELETE /display-links/{id}': {
    // links are the secretariat's: a delegate cannot tell one exists
    expect: { anonymous: 401, admin: 204, secretary: 204, chair: 204, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV' })).body.id }),
  },
  // ---- documents
  'GET /meetings/{id}/documents': { expect: docsRead, params: M },
  'POST /meetings/{id}/documents': { expect: docsStaff(201), params: M, body: uploadForm },
  'GET /documents/{id}': { expect: docsRead, params: D },
  'PATCH /documents/{id}': { expect: docsStaff(200), params: D, body: () => ({ title: 'Nghị quyết thử quyền (sửa)' }) },
  'POST /documents/{id}/versions': { expect: docsStaff(201), params: D, body: versionForm },
  'GET /documents/{id}/file': { expect: docsRead, params: D },
  'GET /documents/{id}/versions/{versionId}/paragraphs': {
    expect: docsRead,
    params: () => ({ id: doc.id, versionId: doc.currentVersion.id }),
    foreignChild: () => ({ id: docB.id, versionId: doc.currentVersion.id }),
  },
  // ---- private annotations: the author's alone
  'GET /documents/{id}/annotations': { expect: docsRead, params: D },
  'POST /documents/{id}/annotations': { expect: { ...docsRead, secretary: 201, chair: 201, delegate: 201, observer: 201 }, params: D, body: () => ({ clientId: crypto.randomUUID(), anchor: anchor() }) },
  'PATCH /annotations/{id}': { expect: onlyDelegate(200), params: async () => ({ id: (await delegateAnnotation()).id }), body: () => ({ note: 'sửa' }) },
  'DELETE /annotations/{id}': { expect: onlyDelegate(204), params: async () => ({ id: (await delegateAnnotation()).id }) },
  // ---- comments to the secretariat
  'GET /documents/{id}/comments': { expect: docsRead, params: D },
  'POST /documents/{id}/comments': {
    expect: { anonymous: 401, admin: 404, secretary: 403, chair: 403, delegate: 201, observer: 201, outsider: 404, foreign: 404 },
    params: D,
    body: () => ({ clientId: crypto.randomUUID(), anchor: anchor(), body: 'Góp ý thử quyền' }),
  },
  // a delegate's own comments; an administrator who is not a participant gets an empty list
  'GET /meetings/{id}/comments': { expect: { ...docsRead, admin: 200 }, params: M },
  'GET /documents/{id}/comment-counts': { expect: docsStaff(200), params: D },
  'PATCH /comments/{id}': {
    // a delegate learns nothing about other people's comments, not even that they exist
    expect: { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await delegateComment()).id }),
    body: () => ({ status: 'received' }),
  },
  'GET /documents/{id}/report': { expect: docsStaff(200), params: D, query: '?format=csv' },
  'GET /documents/{id}/read-receipts': { expect: docsStaff(200), params: D },
  // ---- breakout groups
  'GET /meetings/{id}/breakouts': { expect: allParticipants(200), params: M },
  'POST /meetings/{id}/breakouts': {
    expect: breakoutsStaff(200),
    params: M,
    body: async () => ({ agendaItemId: (await newAgendaItem()).id, groups: [{ name: 'Tổ 1', memberIds: [w.ids.delegate] }] }),
  },
  'POST /meetings/{id}/breakouts/auto': { expect: breakoutsStaff(200), params: M, body: async () => ({ agendaItemId: (await newAgendaItem()).id, groupCount: 2 }) },
  'POST /meetings/{id}/breakouts/start': { expect: breakoutsStaff(200), params: M, body: async () => ({ agendaItemId: (await breakout('prepared')).itemId }) },
  'POST /meetings/{id}/breakouts/end': { expect: breakoutsStaff(200), params: M, body: async () => ({ agendaItemId: (await breakout('running')).itemId }) },
  'PATCH /breakout-groups/{id}': {
    // delegate A leads the group: a member who cannot manage it is refused; everyone else cannot tell it exists
    expect: { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 403, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await breakout('prepared')).groupId }),
    body: () => ({ name: 'Tổ đổi tên' }),
  },
  'GET /breakout-groups/{id}/messages': {
    expect: { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 200, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await breakout('running')).groupId }),
  },
  'POST /breakout-groups/{id}/messages': {
    expect: { anonymous: 401, admin: 404, secretary: 201, chair: 201, delegate: 201, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await breakout('running')).groupId }),
    body: () => ({ clientId: crypto.randomUUID(), body: 'Ý kiến trong tổ' }),
  },
  'PUT /breakout-groups/{id}/report': {
    expect: { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 200, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await breakout('running')).groupId }),
    body: () => ({ text: 'Tổ thống nhất với dự thảo.' }),
  },
  // ---- the session day: seats, voting rights, sittings and attendance
  'GET /councils/{id}/voting-settings': {
    // the council's secretariat and administrators; a meeting's participants are not the council's staff
    expect: { anonymous: 401, admin: 200, secretary: 200, chair: 404, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: () => ({ id: w.council.id }),
  },
  'PUT /councils/{id}/voting-settings': { expect: adminOnly(200), params: () => ({ id: w.council.id }), body: () => ({ seats: 3 }) },
  'PUT /meetings/{id}/participants/{userId}/voting-right': {
    expect: docsStaff(200),
    params: () => ({ id: w.meeting.id, userId: w.ids.delegateB }),
    body: () => ({ votingRight: true }),
    foreignChild: () => ({ id: b.meeting.id, userId: w.ids.delegateB }),
  },
  // the list of sittings is part of reading the meeting, which an administrator may
  'GET /meetings/{id}/sittings': { expect: allParticipants(200), params: M },
  'POST /meetings/{id}/sittings': { expect: docsStaff(201), params: M, body: () => ({ title: 'Phiên chiều' }) },
  'POST /sittings/{id}/open': {
    expect: docsStaff(200),
    params: async () => {
      await closeOpenSitting();
      plannedSittingId = await plannedSitting();
      return { id: plannedSittingId };
    },
    after: async () => {
      openSittingId = plannedSittingId;
      await closeOpenSitting();
    },
  },
  'POST /sittings/{id}/close': {
    expect: docsStaff(200),
    params: async () => ({ id: await newOpenSitting() }),
    after: async () => {
      openSittingId = null;
    },
  },
  'GET /sittings/{id}/attendance': { expect: docsStaff(200), params: S },
  'POST /sittings/{id}/attendance': { expect: docsStaff(200), params: S, body: () => ({ entries: [{ userId: w.ids.delegateB, status: 'online' }] }) },
  'POST /sittings/{id}/attendance/rest-absent': { expect: docsStaff(200), params: S, body: () => ({}) },
  'POST /sittings/{id}/check-in': { expect: votersOnly(200), params: S, body: () => ({ mode: 'online' }) },
  'POST /sittings/{id}/absence': { expect: votersOnly(200), params: S, body: () => ({ reason: 'Ốm' }) },
  'GET /sittings/{id}/attendance/export': { expect: docsStaff(200), params: S, query: '?format=csv' },
  // ---- votes: the session day is the participants'; an administrator who is not one gets nothing
  'GET /meetings/{id}/votes': { expect: docsRead, params: M },
  'POST /meetings/{id}/votes': { expect: docsStaff(201), params: M, body: () => ({ question: 'Câu hỏi mới' }) },
  'POST /meetings/{id}/votes/sections': { expect: docsStaff(201), params: M, body: () => ({ documentId: doc.id }) },
  'GET /meetings/{id}/votes/export': { expect: docsStaff(200), params: M, query: '?format=csv' },
  'GET /votes/{id}': { expect: docsRead, params: async () => ({ id: await openVote() }) },
  'GET /votes/{id}/tally': { expect: docsRead, params: async () => ({ id: await openVote() }) },
  // who chose what is the secretariat's until they publish it
  'GET /votes/{id}/records': { expect: docsStaff(200), params: async () => ({ id: await closedVote() }) },
  'POST /votes/{id}/open': {
    expect: docsStaff(200),
    params: async () => {
      await closeOpenVote();
      await markPresent(await openSitting());
      draftVoteId = await draftVote();
      return { id: draftVoteId };
    },
    body: () => ({}),
    after: async () => {
      openVoteId = draftVoteId;
      await closeOpenVote();
    },
  },
  'POST /votes/{id}/close': {
    expect: docsStaff(200),
    params: async () => ({ id: await newOpenVote() }),
    after: async () => {
      openVoteId = null;
    },
  },
  'POST /votes/{id}/manual-result': { expect: docsStaff(200), params: async () => ({ id: await draftVote('show_of_hands') }), body: () => ({ yes: 2, no: 0, abstain: 0 }) },
  'POST /votes/{id}/repeat': { expect: docsStaff(201), params: async () => ({ id: await closedVote() }) },
  'POST /votes/{id}/hall': { expect: docsStaff(200), params: async () => ({ id: await closedVote() }), body: () => ({ show: true }) },
  'POST /votes/{id}/publish-records': { expect: docsStaff(200), params: async () => ({ id: await closedVote() }) },
  // the chair and delegate A are present in the sitting; each casts once into the open vote
  'POST /votes/{id}/ballots': { expect: votersOnly(200), params: async () => ({ id: await openVote() }), body: () => ({ clientId: crypto.randomUUID(), choice: 'yes' }) },
  'GET /hall/{meetingId}/session-day': {
    // the display link's token is the credential, whoever holds it
    expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 },
    params: () => ({ meetingId: w.meeting.id }),
    noNotFoundComparison: true,
  },
  // ---- speakers lists (one contiguous block: speakers, then chất vấn)
  'GET /meetings/{id}/agenda/{itemId}/speakers': {
    expect: followers(200),
    params: () => ({ id: w.meeting.id, itemId: w.agenda[0].id }),
    foreignChild: () => ({ id: b.meeting.id, itemId: w.agenda[0].id }),
  },
  'POST /meetings/{id}/agenda/{itemId}/speakers': {
    // asking for the floor is the voting members' (the chair is a delegate too)
    expect: onlyRoles(201, ['chair', 'delegate']),
    params: item,
    body: () => ({ clientId: crypto.randomUUID(), type: 'contribution' }),
  },
  'POST /meetings/{id}/agenda/{itemId}/speakers/add': {
    expect: staffNotAdmin(201),
    params: item,
    body: () => ({ userId: w.ids.delegateB, type: 'contribution' }),
    foreignChild: foreignItem,
  },
  'PUT /meetings/{id}/agenda/{itemId}/speakers/order': { expect: staffNotAdmin(200), params: item, body: () => ({ version: 0, speechIds: [] }), foreignChild: foreignItem },
  'PUT /meetings/{id}/agenda/{itemId}/speakers/closed': { expect: staffNotAdmin(200), params: item, body: () => ({ closed: true }), foreignChild: foreignItem },
  // running the floor is the chair's alone
  'POST /meetings/{id}/agenda/{itemId}/speakers/next': { expect: onlyRoles(200, ['chair']), params: async () => (await stopSpeaking(), item()) },
  'DELETE /speeches/{id}': {
    // delegate B's request: staff take it off, delegate A may not
    expect: staffNotAdmin(200),
    params: async () => ({ id: await waitingSpeech() }),
  },
  'POST /speeches/{id}/start': {
    expect: onlyRoles(200, ['chair']),
    params: async () => {
      await stopSpeaking();
      speakingId = await waitingSpeech();
      return { id: speakingId };
    },
  },
  'POST /speeches/{id}/stop': { expect: onlyRoles(200, ['chair']), params: () => speakingSpeech() },
  'POST /speeches/{id}/pause': { expect: onlyRoles(200, ['chair']), params: () => speakingSpeech() },
  'POST /speeches/{id}/resume': { expect: onlyRoles(200, ['chair']), params: () => speakingSpeech(true) },
  'POST /speeches/{id}/extend': { expect: onlyRoles(200, ['chair']), params: () => speakingSpeech(), body: () => ({ seconds: 60 }) },
  'GET /meetings/{id}/speeches': { expect: followers(200), params: M },
  'GET /meetings/{id}/speaking-times': { expect: followers(200), params: M },
  'PUT /meetings/{id}/speaking-times': {
    expect: staffNotAdmin(200),
    params: M,
    body: () => ({ contribution: 420, reply: 180, procedural: 60, question: 180, followup: 60, answer: 300 }),
  },
  'PUT /councils/{id}/speaking-times': {
    expect: adminOnly(200),
    params: () => ({ id: w.council.id }),
    body: () => ({ contribution: 420, reply: 180, procedural: 60, question: 180, followup: 60, answer: 300 }),
  },
  'GET /hall/{meetingId}/speakers': {
    expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 },
    params: () => ({ meetingId: w.meeting.id }),
    noNotFoundComparison: true,
  },
  // ---- chất vấn
  'GET /meetings/{id}/questions/board': { expect: staffNotAdmin(200), params: M },
  'GET /meetings/{id}/questions/mine': { expect: onlyRoles(200, ['chair', 'delegate']), params: M },
  // the official's desk: no other role has one
  'GET /meetings/{id}/questions/official': { expect: onlyRoles(200, []), params: M },
  'GET /meetings/{id}/questions/report': { expect: staffNotAdmin(200), params: M, query: '?kind=questions&format=docx' },
  'POST /meetings/{id}/questions': {
    expect: onlyRoles(201, ['chair', 'delegate']),
    params: M,
    body: () => ({ clientId: crypto.randomUUID(), positionId: position.id, body: 'Đề nghị cho biết vì sao đường liên thôn chậm tiến độ?' }),
  },
  'PUT /meetings/{id}/question-settings': { expect: staffNotAdmin(200), params: M, body: () => ({ submitDeadline: iso(7 * 86400_000) }) },
  'POST /meetings/{id}/question-positions': { expect: staffNotAdmin(201), params: M, body: () => ({ title: `Chức danh ${++counter}` }) },
  'PATCH /question-positions/{id}': {
    expect: staffNotAdmin(200),
    params: async () => ({ id: (await w.secretary.post<OfficialPosition>(`/meetings/${w.meeting.id}/question-positions`, { title: `Chức danh ${++counter}` })).body.id }),
    body: () => ({ title: `Chức danh sửa ${++counter}` }),
  },
  'POST /questions/{id}/merge': {
    expect: staffNotAdmin(200),
    params: async () => {
      mergeInto = (await question()).id;
      return { id: (await question()).id };
    },
    body: () => ({ intoQuestionId: mergeInto }),
  },
  'POST /meetings/{id}/question-issues': {
    expect: staffNotAdmin(201),
    params: M,
    body: async () => ({ title: `Vấn đề ${++counter}`, positionId: position.id, questionIds: [(await question()).id] }),
  },
  'PATCH /question-issues/{id}': { expect: staffNotAdmin(200), params: async () => ({ id: (await issue()).id }), body: () => ({ title: `Vấn đề đổi tên ${++counter}` }) },
  'POST /question-issues/{id}/open': {
    expect: staffNotAdmin(200),
    params: async () => {
      await closeInHall();
      inHallId = (await issue()).id;
      return { id: inHallId };
    },
  },
  'POST /question-issues/{id}/close': { expect: staffNotAdmin(200), params: issueInHall, body: () => ({ answeredInHall: true, commitment: null }) },
  'POST /question-issues/{id}/messages': {
    // the delegate wrote the issue's question and follows up on the written answer; the chair may ask but wrote none of it
    expect: onlyRoles(201, ['delegate']),
    params: answeredIssue,
    body: () => ({ clientId: crypto.randomUUID(), body: 'Chất vấn lại: đề nghị nêu rõ thời hạn hoàn thành.' }),
  },
  // ---- operations (observability): public probes; metrics answer every caller here because the tests call from loopback
  // (refusals from outside the private network: server/test/observability.test.ts)
  'GET /ready': { expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 } },
  'GET /metrics': { expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 }, noNotFoundComparison: true },
  // ---- documents of record
  'GET /meetings/{id}/records/synthesis': { expect: docsStaff(200), params: M, query: '?format=pdf&anonymous=true' },
  'GET /documents/{id}/records/explanation': { expect: docsStaff(200), params: D, query: '?format=docx' },
  'GET /meetings/{id}/minutes': { expect: docsRead, params: M },
  'POST /meetings/{id}/minutes': { expect: docsStaff(201), params: M, body: async () => ({ sittingId: await plannedSitting() }) },
  'GET /meetings/{id}/adopted-resolutions': { expect: docsRead, params: M },
  'GET /minutes/{id}': { expect: docsRead, params: finalMinutesOnce },
  'PUT /minutes/{id}': { expect: draftStaff(200), params: () => minutesIn('draft'), body: () => ({ version: 1, content: { opening: 'Khai mạc.' } }) },
  'POST /minutes/{id}/submit': { expect: draftStaff(200), params: () => minutesIn('draft') },
  'POST /minutes/{id}/return': { expect: chairOnly(200), params: () => minutesIn('submitted'), body: () => ({ note: 'Bổ sung.' }) },
  'POST /minutes/{id}/approve': { expect: chairOnly(200), params: () => minutesIn('submitted') },
  'GET /minutes/{id}/versions': { expect: draftStaff(200), params: () => minutesIn('draft') },
  'GET /minutes/{id}/file': { expect: docsRead, params: finalMinutesOnce, query: '?format=pdf' },
  // ---- issue 16: release per document, password resets by the secretariat, notifications
  'POST /documents/{id}/release': { expect: docsStaff(201), params: D, body: () => ({}) },
  'POST /meetings/{id}/password-resets': { expect: onlyRoles(200, ['secretary']), params: M, body: async () => ({ userIds: [await meetingDelegate()] }) },
  'GET /notifications': { expect: anyoneLoggedIn(200) },
  'POST /notifications/read-all': { expect: anyoneLoggedIn(200) },
  'POST /notifications/{id}/read': { expect: onlyDelegate(200), params: async () => ({ id: await delegateNotification() }) },
  // ---- digital signatures: the council's certificate is the administrators' alone
  'GET /councils/{id}/signing-certificate': { expect: adminOnly(200), params: () => ({ id: w.council.id }) },
  'PUT /councils/{id}/signing-certificate': { expect: adminOnly(200), params: () => ({ id: w.council.id }), body: certificateForm },
  'DELETE /councils/{id}/signing-certificate': { expect: adminOnly(204), params: () => ({ id: w.council.id }) },
  // ---- session day, the floor: drafts changed or deleted before they open, the council's speaking times
  'PATCH /votes/{id}': { expect: docsStaff(200), params: async () => ({ id: await draftVote() }), body: () => ({ question: `Câu hỏi sửa ${++counter}` }) },
  'DELETE /votes/{id}': { expect: docsStaff(204), params: async () => ({ id: await draftVote() }) },
  'DELETE /meetings/{id}/speaking-times': { expect: staffNotAdmin(200), params: M },
  'GET /councils/{id}/speaking-times': {
    // as the council's voting settings: its secretariat and administrators
    expect: { anonymous: 401, admin: 200, secretary: 200, chair: 404, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: () => ({ id: w.council.id }),
  },
  // ---- documents of record (issue 14): the final minutes' signatures, the adopted resolution signed
  'GET /minutes/{id}/signatures': { expect: docsRead, params: finalMinutesOnce },
  'GET /adopted-resolutions/{versionId}/file': { expect: docsRead, params: adoptedOnce },
  // ---- ingest that keeps what can be read: deleting documents and versions, reading a failed version again
  'DELETE /documents/{id}': { expect: docsStaff(204), params: async () => ({ id: (await uploadedDoc()).id }) },
  'DELETE /documents/{id}/versions/{versionId}': {
    expect: docsStaff(200),
    params: async () => {
      const d = await uploadedDoc();
      const added = await w.secretary.request<DocumentDetail>('POST', `/documents/${d.id}/versions`, versionForm());
      if (added.status !== 201) throw new Error(`add version: ${added.status} ${JSON.stringify(added.body)}`);
      const ready = await w.secretary.waitReady(d.id);
      return { id: d.id, versionId: ready.currentVersion.id };
    },
    foreignChild: () => ({ id: docB.id, versionId: doc.currentVersion.id }),
  },
  'POST /documents/{id}/versions/{versionId}/retry': {
    expect: docsStaff(200),
    params: async () => {
      const d = await uploadedDoc(await pdfWithDamagedPage(1, 1));
      const failed = await w.secretary.waitReady(d.id);
      if (failed.currentVersion.status !== 'failed') throw new Error(`expected a failed ingest: ${JSON.stringify(failed.currentVersion)}`);
      return { id: d.id, versionId: failed.currentVersion.id };
    },
    foreignChild: () => ({ id: docB.id, versionId: doc.currentVersion.id }),
  },
  // ---- a comment's conversation and resolution: the staff and the comment's author; anyone else as for a random id
  'POST /comments/{id}/messages': {
    // the delegate is the author, answering a reply; the observer is not the author
    expect: { anonymous: 401, admin: 404, secretary: 201, chair: 201, delegate: 201, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await repliedComment()).id }),
    body: () => ({ clientId: crypto.randomUUID(), body: `Trao đổi ${++counter}` }),
  },
  'PUT /comments/{id}/resolution': {
    expect: { anonymous: 401, admin: 404, secretary: 200, chair: 200, delegate: 404, observer: 404, outsider: 404, foreign: 404 },
    params: async () => ({ id: (await delegateComment()).id }),
    body: () => ({ resolved: true }),
  },
  // ---- chair and hall: the group discussion's countdown
  'POST /meetings/{id}/breakouts/countdown': { expect: breakoutsStaff(200), params: M, body: async () => ({ agendaItemId: (await breakout('running')).itemId, minutes: 10 }) },
  // the TV's short code: made by the secretariat (as display links), redeemed by whoever holds it (no login)
  'POST /meetings/{id}/tv-codes': { expect: staffOnly(201), params: M, body: () => ({ label: `TV ${++counter}` }) },
  'POST /tv-codes/redeem': {
    expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 },
    body: async () => ({ code: (await w.secretary.post<{ code: string }>(`/meetings/${w.meeting.id}/tv-codes`, { label: `TV ${++counter}` })).body.code }),
  },
};

/** A new delegate of the meeting, whose password the secretariat may reset. */
async function meetingDelegate(): Promise<string> {
  const id = await freshUser();
  const added = await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role: 'delegate' });
  if (added.status !== 200 && added.status !== 201) throw new Error(`add delegate: ${added.status} ${JSON.stringify(added.body)}`);
  return id;
}

/** One of the delegate's notifications (the setup's released document made one; it is written just after the commit). */
async function delegateNotification(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const list = await w.delegate.get<{ items: { id: string }[] }>('/notifications');
    if (list.body.items?.length) return list.body.items[0].id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the delegate has no notification');
}

const fill = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${template}: no value for {${name}}`);
    return params[name];
  });
const randomised = (params: Params) => Object.fromEntries(Object.keys(params).map((k) => [k, crypto.randomUUID()]));

async function send(api: Api, method: string, template: string, c: RouteCase, params: Params) {
  const path = fill(template, params) + (template.startsWith('/hall/') ? `?token=${await hallToken()}` : (c.query ?? ''));
  const body = c.body ? await c.body() : undefined;
  return api.request<{ code?: string; message?: string }>(method, path, body);
}

let hallTokenValue: string | null = null;
async function hallToken(): Promise<string> {
  hallTokenValue ??= new URL((await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'Hội trường' })).body.url!, server.url).searchParams.get('token')!;
  return hallTokenValue;
}

/** A new session for the caller, in the matrix and in the worlds the setup helpers use. */
async function logInAgain(who: Exclude<Who, 'anonymous'>): Promise<void> {
  const api = await login(server, USERNAMES[who]);
  callers[who] = api;
  if (who === 'foreign') b.secretary = api;
  else w[who] = api;
}

async function callerFor(who: Who, c: RouteCase): Promise<Api> {
  if (!c.freshSession || who === 'anonymous') return callers[who];
  return login(server, USERNAMES[who]);
}

describe('the OpenAPI document', () => {
  it('has a permission case for every route it publishes', () => {
    const missing = routes.map((r) => `${r.method} ${r.template}`).filter((key) => !(key in CASES));
    expect({ routesWithoutAPermissionCase: missing }).toEqual({ routesWithoutAPermissionCase: [] });
  });

  it('has no case for a route it does not publish (a renamed route keeps no stale case)', () => {
    const published = new Set(routes.map((r) => `${r.method} ${r.template}`));
    expect({ casesWithoutARoute: Object.keys(CASES).filter((key) => !published.has(key)) }).toEqual({ casesWithoutARoute: [] });
  });
});

describe.each(Object.keys(CASES))('%s', (key) => {
  const [method, template] = key.split(' ');
  const c = CASES[key];

  it.each(EVERYONE)('answers %s as the permission table says', async (who) => {
    const params = c.params ? await c.params() : {};
    const res = await send(await callerFor(who, c), method, template, c, params);
    if (res.status < 300 && c.after) await c.after();
    if (res.status < 300 && c.endsOtherSessions && who !== 'anonymous') await logInAgain(who);
    expect({ who, status: res.status }).toEqual({ who, status: c.expect[who] });
  });

  if (template.includes('{') && !c.noNotFoundComparison) {
    it("answers another meeting's secretary exactly as it answers a random id", async () => {
      const params = c.params ? await c.params() : {};
      const real = await send(callers.foreign, method, template, c, params);
      const random = await send(callers.foreign, method, template, c, randomised(params));
      expect({ status: real.status, code: real.body.code, message: real.body.message }).toEqual({ status: random.status, code: random.body.code, message: random.body.message });
    });
  }

  if (c.foreignChild) {
    it("answers a child id of another meeting under the caller's own meeting as a random one", async () => {
      const params = await c.foreignChild!();
      const childKeys = Object.keys(params).filter((k) => k !== 'id');
      const real = await send(callers.foreign, method, template, c, params);
      const random = await send(callers.foreign, method, template, c, { ...params, ...randomised(Object.fromEntries(childKeys.map((k) => [k, params[k]]))) });
      expect(real.status).toBe(404);
      expect({ status: real.status, code: real.body.code, message: real.body.message }).toEqual({ status: random.status, code: random.body.code, message: random.body.message });
    });
  }
});

/**
 * The official (người trả lời chất vấn), from the table in shared/: released documents and the questions addressed to
 * them. They are a participant, so the rest of the meeting answers 403 (they know it exists; they read its documents),
 * while what belongs to someone else (a delegate's annotation, another's comment, a group) stays 404 as for any
 * participant it is not shown to. Routes whose case is not in this file yet are only required to be listed here.
 */
const OFFICIAL_EXPECT: Record<string, number> = {
  'GET /health': 200,
  'POST /auth/login': 200,
  'GET /hall/{meetingId}': 200,
  'POST /auth/logout': 204,
  'GET /auth/me': 200,
  'POST /auth/password': 204,
  'GET /users': 403,
  'POST /users': 403,
  'PATCH /users/{id}': 403,
  'GET /councils': 200,
  'POST /councils': 403,
  'GET /councils/{id}': 404,
  'PATCH /councils/{id}': 403,
  'PUT /councils/{id}/staff': 403,
  'GET /meetings': 200,
  'POST /meetings': 403,
  'GET /meetings/{id}': 403,
  'PATCH /meetings/{id}': 403,
  'POST /meetings/{id}/status': 403,
  'POST /meetings/{id}/current-item': 403,
  'POST /meetings/{id}/agenda': 403,
  'PUT /meetings/{id}/agenda/order': 403,
  'PATCH /meetings/{id}/agenda/{itemId}': 403,
  'DELETE /meetings/{id}/agenda/{itemId}': 403,
  'GET /meetings/{id}/participants': 403,
  'POST /meetings/{id}/participants': 403,
  'POST /meetings/{id}/participants/import': 403,
  'PATCH /meetings/{id}/participants/{userId}': 403,
  'DELETE /meetings/{id}/participants/{userId}': 403,
  'GET /meetings/{id}/audit': 403,
  'GET /meetings/{id}/events': 403,
  'GET /meetings/{id}/display-links': 403,
  'POST /meetings/{id}/display-links': 403,
  'DELETE /display-links/{id}': 404,
  'GET /meetings/{id}/documents': 200,
  'POST /meetings/{id}/documents': 403,
  'GET /documents/{id}': 200,
  'PATCH /documents/{id}': 403,
  'POST /documents/{id}/versions': 403,
  'GET /documents/{id}/file': 200,
  'GET /documents/{id}/versions/{versionId}/paragraphs': 200,
  'GET /documents/{id}/annotations': 403,
  'POST /documents/{id}/annotations': 403,
  'PATCH /annotations/{id}': 404,
  'DELETE /annotations/{id}': 404,
  'GET /documents/{id}/comments': 403,
  'POST /documents/{id}/comments': 403,
  'GET /meetings/{id}/comments': 403,
  'GET /documents/{id}/comment-counts': 403,
  'PATCH /comments/{id}': 404,
  'GET /documents/{id}/report': 403,
  'GET /documents/{id}/read-receipts': 403,
  'GET /meetings/{id}/breakouts': 403,
  'POST /meetings/{id}/breakouts': 403,
  'POST /meetings/{id}/breakouts/auto': 403,
  'POST /meetings/{id}/breakouts/start': 403,
  'POST /meetings/{id}/breakouts/end': 403,
  'PATCH /breakout-groups/{id}': 404,
  'GET /breakout-groups/{id}/messages': 404,
  'POST /breakout-groups/{id}/messages': 404,
  'PUT /breakout-groups/{id}/report': 404,
  // session day: no attendance.*, votes.* for an official; council settings are the administrator's and the secretariat's
  'GET /councils/{id}/voting-settings': 404,
  'PUT /councils/{id}/voting-settings': 403,
  'PUT /meetings/{id}/participants/{userId}/voting-right': 403,
  'GET /meetings/{id}/sittings': 403,
  'POST /meetings/{id}/sittings': 403,
  'POST /sittings/{id}/open': 403,
  'POST /sittings/{id}/close': 403,
  'GET /sittings/{id}/attendance': 403,
  'POST /sittings/{id}/attendance': 403,
  'POST /sittings/{id}/attendance/rest-absent': 403,
  'POST /sittings/{id}/check-in': 403,
  'POST /sittings/{id}/absence': 403,
  'GET /sittings/{id}/attendance/export': 403,
  'GET /meetings/{id}/votes': 403,
  'POST /meetings/{id}/votes': 403,
  'POST /meetings/{id}/votes/sections': 403,
  'GET /meetings/{id}/votes/export': 403,
  'GET /votes/{id}': 403,
  'GET /votes/{id}/tally': 403,
  'GET /votes/{id}/records': 403,
  'POST /votes/{id}/open': 403,
  'POST /votes/{id}/close': 403,
  'POST /votes/{id}/manual-result': 403,
  'POST /votes/{id}/repeat': 403,
  'POST /votes/{id}/hall': 403,
  'POST /votes/{id}/publish-records': 403,
  'POST /votes/{id}/ballots': 403,
  'GET /hall/{meetingId}/session-day': 200,
  // speakers lists: an official does not follow them (their own speech reaches them on their desk)
  'GET /meetings/{id}/agenda/{itemId}/speakers': 403,
  'POST /meetings/{id}/agenda/{itemId}/speakers': 403,
  'POST /meetings/{id}/agenda/{itemId}/speakers/add': 403,
  'PUT /meetings/{id}/agenda/{itemId}/speakers/order': 403,
  'PUT /meetings/{id}/agenda/{itemId}/speakers/closed': 403,
  'POST /meetings/{id}/agenda/{itemId}/speakers/next': 403,
  'DELETE /speeches/{id}': 403,
  'POST /speeches/{id}/start': 403,
  'POST /speeches/{id}/stop': 403,
  'POST /speeches/{id}/pause': 403,
  'POST /speeches/{id}/resume': 403,
  'POST /speeches/{id}/extend': 403,
  'GET /meetings/{id}/speeches': 403,
  'GET /meetings/{id}/speaking-times': 403,
  'PUT /meetings/{id}/speaking-times': 403,
  'PUT /councils/{id}/speaking-times': 403,
  'GET /hall/{meetingId}/speakers': 200,
  // operations: public probes (metrics answer loopback callers)
  'GET /ready': 200,
  'GET /metrics': 200,
  // chất vấn: their desk, and the written answer to the issue addressed to them
  'GET /meetings/{id}/questions/board': 403,
  'GET /meetings/{id}/questions/mine': 403,
  'GET /meetings/{id}/questions/official': 200,
  'GET /meetings/{id}/questions/report': 403,
  'POST /meetings/{id}/questions': 403,
  'PUT /meetings/{id}/question-settings': 403,
  'POST /meetings/{id}/question-positions': 403,
  'PATCH /question-positions/{id}': 403,
  'POST /questions/{id}/merge': 403,
  'POST /meetings/{id}/question-issues': 403,
  'PATCH /question-issues/{id}': 403,
  'POST /question-issues/{id}/open': 403,
  'POST /question-issues/{id}/close': 403,
  'POST /question-issues/{id}/messages': 201,
  'GET /meetings/{id}/records/synthesis': 403,
  'GET /documents/{id}/records/explanation': 403,
  'GET /meetings/{id}/minutes': 403,
  'POST /meetings/{id}/minutes': 403,
  'GET /meetings/{id}/adopted-resolutions': 403,
  'GET /minutes/{id}': 403,
  'PUT /minutes/{id}': 403,
  'POST /minutes/{id}/submit': 403,
  'POST /minutes/{id}/return': 403,
  'POST /minutes/{id}/approve': 403,
  'GET /minutes/{id}/versions': 403,
  'GET /minutes/{id}/file': 403,
  // issue 16: they read released documents but release none, reset no passwords; their own notifications only
  'POST /documents/{id}/release': 403,
  'POST /meetings/{id}/password-resets': 403,
  'GET /notifications': 200,
  'POST /notifications/read-all': 200,
  'POST /notifications/{id}/read': 404,
  // digital signatures
  'GET /councils/{id}/signing-certificate': 403,
  'PUT /councils/{id}/signing-certificate': 403,
  'DELETE /councils/{id}/signing-certificate': 403,
  // the floor: a participant without the right (403), the council's settings not theirs (404)
  'PATCH /votes/{id}': 403,
  'DELETE /votes/{id}': 403,
  'DELETE /meetings/{id}/speaking-times': 403,
  'GET /councils/{id}/speaking-times': 404,
  // documents of record: not theirs
  'GET /minutes/{id}/signatures': 403,
  'GET /adopted-resolutions/{versionId}/file': 403,
  // ingest that keeps what can be read: the staff's
  'DELETE /documents/{id}': 403,
  'DELETE /documents/{id}/versions/{versionId}': 403,
  'POST /documents/{id}/versions/{versionId}/retry': 403,
  // a comment's conversation: none of the official's
  'POST /comments/{id}/messages': 404,
  'PUT /comments/{id}/resolution': 404,
  // chair and hall
  'POST /meetings/{id}/breakouts/countdown': 403,
  'POST /meetings/{id}/tv-codes': 403,
  'POST /tv-codes/redeem': 200,
};

describe('the official (người trả lời chất vấn)', () => {
  it('has an expected answer for every route the OpenAPI document publishes', () => {
    const missing = routes.map((r) => `${r.method} ${r.template}`).filter((key) => !(key in OFFICIAL_EXPECT));
    expect({ routesWithoutAnOfficialExpectation: missing }).toEqual({ routesWithoutAnOfficialExpectation: [] });
  });

  it('has no expectation for a route the OpenAPI document does not publish', () => {
    const published = new Set(routes.map((r) => `${r.method} ${r.template}`));
    expect({ officialExpectationsWithoutARoute: Object.keys(OFFICIAL_EXPECT).filter((key) => !published.has(key)) }).toEqual({ officialExpectationsWithoutARoute: [] });
  });

  it.each(Object.keys(OFFICIAL_EXPECT).filter((key) => key in CASES))('%s answers the official as the permission table says', async (key) => {
    const [method, template] = key.split(' ');
    const c = CASES[key];
    const params = c.params ? await c.params() : {};
    const api = c.freshSession ? await login(server, 'w-official') : official;
    const res = await send(api, method, template, c, params);
    if (res.status < 300 && c.after) await c.after();
    if (res.status < 300 && c.endsOtherSessions) official = await login(server, 'w-official');
    expect({ key, status: res.status }).toEqual({ key, status: OFFICIAL_EXPECT[key] });
    if (res.status === 404 && template.includes('{')) {
      // what is hidden from the official is hidden as a random id is: not even its existence shows
      const random = await send(api, method, template, c, randomised(params));
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({ status: random.status, code: random.body.code, message: random.body.message });
    }
  });
});

describe('meeting status changes', () => {
  it('lets only staff move the meeting, and only along allowed transitions', async () => {
    const path = `/meetings/${w.meeting.id}/status`;
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
      startsAt: iso(86400_000),
      releaseAt: iso(-3600_000),
      commentDeadline: iso(3600_000),
    });
    await w.secretary.post(`/meetings/${draft.body.id}/participants`, { userId: w.ids.delegate, role: 'delegate' });
    expect((await w.delegate.get(`/meetings/${draft.body.id}`)).status).toBe(404);
    expect((await w.delegate.get(`/meetings/${draft.body.id}/documents`)).status).toBe(404);
    expect((await w.delegate.get<{ id: string }[]>('/meetings')).body.map((m) => m.id)).not.toContain(draft.body.id);
    expect((await w.secretary.get(`/meetings/${draft.body.id}`)).status).toBe(200);
  });
});

describe('a draft vote', () => {
  it('is to a delegate, on every vote route that reads it, exactly what a random id is', async () => {
    const id = await draftVote();
    const answer = async (template: string, voteId: string) => {
      const res = await w.delegate.get<{ code?: string; message?: string }>(fill(template, { id: voteId }));
      return { route: template, status: res.status, code: res.body.code, message: res.body.message };
    };
    const templates = ['/votes/{id}', '/votes/{id}/tally', '/votes/{id}/records'];
    const real = await Promise.all(templates.map((t) => answer(t, id)));
    const random = await Promise.all(templates.map((t) => answer(t, crypto.randomUUID())));
    expect(real).toEqual(random);
    expect(real.map((r) => r.status)).toEqual([404, 404, 404]);
    // the secretariat that prepared it sees it, but it has no records yet
    expect((await w.chair.get(`/votes/${id}`)).status).toBe(200);
    expect((await w.chair.get(`/votes/${id}/records`)).status).toBe(404);
  });
});
