import crypto from 'node:crypto';
import type { AgendaItem, Annotation, Breakout, Comment, DisplayLink, DocumentSummary, Paragraph, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../src/seed/demo-pdfs';
import { Api, blobOf, buildMeetingWorld, insertUser, login, TEST_PASSWORD, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

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
  server = await startServer();
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
const uploadForm = () => {
  const form = new FormData();
  form.append('files', blobOf(pdf, 'application/pdf'), 'them.pdf');
  return form;
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
  // ---- operations (observability): public probes; metrics answer every caller here because the tests call from loopback
  // (refusals from outside the private network: server/test/observability.test.ts)
  'GET /ready': { expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 } },
  'GET /metrics': { expect: { anonymous: 200, admin: 200, secretary: 200, chair: 200, delegate: 200, observer: 200, outsider: 200, foreign: 200 }, noNotFoundComparison: true },
};

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
