import crypto from 'node:crypto';
import Papa from 'papaparse';
import { io } from 'socket.io-client';
import type { AuditEntry, Comment, LoginResponse, Paragraph, Participant, ParticipantImportResult, UploadResult, UserSummary } from '@hopso/shared';
import { NOT_FOUND_MESSAGE } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, blobOf, buildMeetingWorld, insertUser, login, TEST_PASSWORD, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

const ALLOWED_ORIGIN = 'https://hop.example.vn';
let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
let documentId: string;
let paragraph: Paragraph;
let versionId: string;

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'info', HOPSO_ALLOWED_ORIGINS: ALLOWED_ORIGIN, HOPSO_LOGIN_RATE_LIMIT: '4', HOPSO_LOGIN_ADDRESS_LIMIT: '6' } });
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'o' });
  const pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết về phí chợ',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Mức thu', clauses: ['Mức thu phí chợ là 5.000 đồng mỗi lượt.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'phi-cho.pdf', data: pdf }]);
  documentId = (up.body as UploadResult).documents[0].id;
  const ready = await w.secretary.waitReady(documentId);
  versionId = ready.currentVersion.id;
  paragraph = (await w.delegate.get<Paragraph[]>(`/documents/${documentId}/versions/${versionId}/paragraphs`)).body[0];
});
afterAll(() => server?.stop());

const cookieLogin = async (username: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ login: username, password: TEST_PASSWORD }),
  });
  return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
};

describe('security headers', () => {
  it('sends helmet headers with a CSP that admits the inline script of index.html by its hash, and no X-Powered-By', async () => {
    const page = await fetch(`${server.url}/`);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(inline).digest('base64')}'`);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toContain("'unsafe-eval'");
    for (const res of [page, await fetch(`${server.url}/api/health`)]) {
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('keeps API answers out of every cache, while files keep their own revalidation', async () => {
    for (const path of ['/meetings', `/meetings/${w.meeting.id}/participants`, '/auth/me']) {
      expect({ path, cache: (await w.secretary.get(path)).headers.get('cache-control') }).toEqual({ path, cache: 'no-store' });
    }
    expect((await w.secretary.get('/nothing-here')).headers.get('cache-control')).toBe('no-store');
    expect((await w.delegate.get(`/documents/${documentId}/file`)).headers.get('cache-control')).toBe('private, no-cache');
  });
});

describe('the session cookie', () => {
  it('is Secure when the request came over HTTPS through the trusted proxy, and not over plain HTTP', async () => {
    const viaTls = await cookieLogin('w-delegate', { 'x-forwarded-proto': 'https' });
    expect(viaTls.res.status).toBe(200);
    expect(viaTls.res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await cookieLogin('w-delegate');
    expect(plain.res.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('cookie-authenticated writes from another site', () => {
  it('refuses them with CROSS_ORIGIN and changes nothing; the own site, the allowed origin and bearer clients pass', async () => {
    const { cookie } = await cookieLogin('w-secretary');
    const patch = (headers: Record<string, string>, location: string) =>
      fetch(`${server.url}/api/meetings/${w.meeting.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ location }) });
    const forged = await patch({ origin: 'https://evil.example' }, 'Nơi kẻ gian chọn');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'CROSS_ORIGIN' });
    const crossSite = await patch({ 'sec-fetch-site': 'cross-site' }, 'Nơi kẻ gian chọn');
    expect(crossSite.status).toBe(403);
    expect((await server.db.query('SELECT location FROM meetings WHERE id = $1', [w.meeting.id])).rows[0].location).not.toBe('Nơi kẻ gian chọn');

    expect((await patch({ origin: server.url }, 'Hội trường A')).status).toBe(200);
    expect((await patch({ origin: ALLOWED_ORIGIN }, 'Hội trường B')).status).toBe(200);
    const bearer = await fetch(`${server.url}/api/meetings/${w.meeting.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.secretary.token}`, origin: 'https://evil.example' },
      body: JSON.stringify({ location: 'Hội trường C' }),
    });
    expect(bearer.status).toBe(200);
    // a login form posted from another site (login CSRF) is refused too
    expect((await cookieLogin('w-delegate', { origin: 'https://evil.example' })).res.status).toBe(403);
  });

  it('refuses a socket handshake from another site and accepts one from the own site', async () => {
    const connect = (origin: string) =>
      new Promise<'connected' | 'refused'>((resolve) => {
        const socket = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: w.delegate.token }, extraHeaders: { origin }, reconnection: false, forceNew: true });
        socket.once('connect', () => (socket.close(), resolve('connected')));
        socket.once('connect_error', () => (socket.close(), resolve('refused')));
      });
    expect(await connect('https://evil.example')).toBe('refused');
    expect(await connect(server.url)).toBe('connected');
    expect(await connect(ALLOWED_ORIGIN)).toBe('connected');
  });
});

describe('the server log', () => {
  it('holds no query values, cookies, bearer tokens, display tokens or password hashes', async () => {
    const note = `ghi-chu-rieng-${crypto.randomUUID()}`;
    const link = (await w.secretary.post<{ url: string }>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV' })).body;
    const displayToken = new URL(link.url, server.url).searchParams.get('token')!;
    await fetch(`${server.url}/api${link.url}`);
    await w.secretary.get(`/meetings/${w.meeting.id}/comments?q=${encodeURIComponent(note)}`);
    const { cookie } = await cookieLogin('w-chair');
    await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    await w.admin.post('/users', { username: `log-${crypto.randomBytes(3).toString('hex')}`, fullName: 'Người Ghi Log', password: 'mot-mat-khau-dai' });
    const hash = (await server.db.query('SELECT password_hash FROM users WHERE full_name = $1', ['Người Ghi Log'])).rows[0].password_hash as string;
    // a write the database refuses (a NUL in a text) must not print the bound values, the new hash among them
    await w.admin.post('/users', { username: `log-nul-${crypto.randomBytes(3).toString('hex')}`, fullName: 'Người\u0000Lỗi', password: 'mot-mat-khau-dai' });
    // the last request is in the log once its line is: wait for it, not for a time
    const marker = `/api/health-marker-${crypto.randomUUID()}`;
    await fetch(`${server.url}${marker}`);
    const deadline = Date.now() + 10_000;
    while (!server.logs().includes(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const logs = server.logs();
    expect(logs).toContain(`/api/meetings/${w.meeting.id}/comments?q=[redacted]`);
    expect(logs).toContain('/hall/');
    for (const secret of [note, displayToken, w.secretary.token!, cookie.split('=')[1], hash, '$argon2']) {
      expect({ leaked: logs.includes(secret) ? secret : null }).toEqual({ leaked: null });
    }
  });
});

describe('the synthesis report as CSV', () => {
  it('writes cells that would start a formula with a leading apostrophe: comment bodies, names and replies', async () => {
    const evilName = '=HYPERLINK("https://evil.example","Bấm vào đây")';
    const evilId = await insertUser(server, 'w-formula', { fullName: evilName });
    await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: evilId, role: 'delegate' });
    const evil = await login(server, 'w-formula');
    // (bodies are trimmed on the way in, so a leading tab or carriage return cannot arrive in one)
    const bodies = ['=1+2', '+SUM(A1:A9)', '-2+3', '@SUM(A1)'];
    const sent: Comment[] = [];
    for (const body of bodies) {
      const res = await evil.post<Comment>(`/documents/${documentId}/comments`, {
        clientId: crypto.randomUUID(),
        anchor: { versionId, paragraphId: paragraph.id, quote: { exact: paragraph.text.slice(0, 15) }, rects: paragraph.rects },
        body,
      });
      expect(res.status).toBe(201);
      sent.push(res.body);
    }
    await w.secretary.patch(`/comments/${sent[0].id}`, { status: 'answered', reply: '=WEBSERVICE("https://evil.example")' });
    const csv = (await w.secretary.get<string>(`/documents/${documentId}/report?format=csv`)).body.replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data.slice(1);
    const cells = rows.flat();
    expect(cells).toContain(`'${evilName}`);
    expect(cells).toContain(`'=WEBSERVICE("https://evil.example")`);
    for (const body of ['=1+2', '+SUM(A1:A9)', '-2+3', '@SUM(A1)']) expect(cells).toContain(`'${body}`);
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(dangerous).toEqual([]);
  });
});

describe('user search', () => {
  it("finds, for a council's secretariat, only the people of its own councils; an administrator finds everyone", async () => {
    await server.db.query('UPDATE users SET phone = $2 WHERE id = $1', [other.ids.delegate, '0911000999']);
    const mine = await w.secretary.get<UserSummary[]>('/users?q=');
    const ids = mine.body.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.ids.delegate, w.ids.chair, w.ids.observer, w.ids.secretary]));
    expect(ids).not.toContain(other.ids.delegate);
    expect(ids).not.toContain(w.ids.outsider);
    expect((await w.secretary.get<UserSummary[]>('/users?q=0911000999')).body).toEqual([]);
    const all = await w.admin.get<UserSummary[]>('/users?q=0911000999');
    expect(all.body.map((u) => [u.id, u.phone])).toEqual([[other.ids.delegate, '0911000999']]);
    expect((await w.chair.get('/users?q=')).status).toBe(403);
  });
});

describe('the administrator and participants', () => {
  it('cannot add themselves to a meeting, by hand or by import, but can add others; every change is audited', async () => {
    const self = await w.admin.post<{ code: string }>(`/meetings/${other.meeting.id}/participants`, { userId: w.ids.admin, role: 'chair' });
    expect([self.status, self.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await server.db.query('SELECT 1 FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [other.meeting.id, w.ids.admin])).rowCount).toBe(0);

    await server.db.query('UPDATE users SET phone = $2 WHERE id = $1', [w.ids.admin, '0911000111']);
    const form = new FormData();
    form.append('file', blobOf(Buffer.from('Họ và tên,Số điện thoại,Vai trò\nQuản Trị,0911000111,chủ tọa\n'), 'text/csv'), 'ds.csv');
    const imported = await w.admin.request<ParticipantImportResult>('POST', `/meetings/${other.meeting.id}/participants/import`, form);
    expect(imported.body).toMatchObject({ added: 0, updated: 0, errors: [{ line: 2 }] });
    expect((await server.db.query('SELECT 1 FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2', [other.meeting.id, w.ids.admin])).rowCount).toBe(0);

    const newcomer = await insertUser(server, 'o-newcomer', { fullName: 'Người Mới Đến' });
    expect((await w.admin.post(`/meetings/${other.meeting.id}/participants`, { userId: newcomer, role: 'delegate' })).status).toBe(201);
    expect((await other.secretary.patch(`/meetings/${other.meeting.id}/participants/${newcomer}`, { role: 'observer' })).status).toBe(200);
    expect((await other.secretary.delete(`/meetings/${other.meeting.id}/participants/${newcomer}`)).status).toBe(204);
    const audit = (await other.secretary.get<AuditEntry[]>(`/meetings/${other.meeting.id}/audit`)).body.filter((e) => e.targetId === newcomer);
    expect(audit.map((e) => [e.action, e.userId, e.meta.name, e.meta.role]).reverse()).toEqual([
      ['participant.added', w.ids.admin, 'Người Mới Đến', 'delegate'],
      ['participant.roleChanged', other.ids.secretary, 'Người Mới Đến', 'observer'],
      ['participant.removed', other.ids.secretary, 'Người Mới Đến', 'observer'],
    ]);
  });

  it('applies the last-secretary rule to an import as to a change by hand, and audits imported roles', async () => {
    await server.db.query('UPDATE users SET phone = $2 WHERE id = $1', [other.ids.secretary, '0911000222']);
    const form = new FormData();
    form.append('file', blobOf(Buffer.from('Họ và tên,Số điện thoại,Vai trò\nThư Ký,0911000222,đại biểu\nNgười Nhập Mới,0911000333,đại biểu\n'), 'text/csv'), 'ds.csv');
    const res = await other.secretary.request<ParticipantImportResult>('POST', `/meetings/${other.meeting.id}/participants/import`, form);
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(1);
    expect(res.body.errors).toEqual([{ line: 2, message: expect.stringMatching(/at least one secretary/), code: 'LAST_SECRETARY' }]);
    const people = (await other.secretary.get<Participant[]>(`/meetings/${other.meeting.id}/participants`)).body;
    expect(people.find((p) => p.userId === other.ids.secretary)?.role).toBe('secretary');
    const audit = (await other.secretary.get<AuditEntry[]>(`/meetings/${other.meeting.id}/audit`)).body;
    expect(audit.find((e) => e.action === 'participant.added' && e.meta.name === 'Người Nhập Mới')?.meta.source).toBe('import');
  });
});

describe('not found', () => {
  it('answers the same code and words for a resource of another meeting and for a random id', async () => {
    const link = (await other.secretary.post<{ id: string }>(`/meetings/${other.meeting.id}/display-links`, { label: 'TV' })).body;
    const probes: [string, string, string][] = [
      ['GET', `/meetings/${other.meeting.id}`, `/meetings/${crypto.randomUUID()}`],
      ['GET', `/documents/${documentId}`, `/documents/${crypto.randomUUID()}`],
      ['DELETE', `/display-links/${link.id}`, `/display-links/${crypto.randomUUID()}`],
      ['PATCH', `/meetings/${w.meeting.id}/agenda/${other.agenda[0].id}`, `/meetings/${w.meeting.id}/agenda/${crypto.randomUUID()}`],
    ];
    for (const [method, real, random] of probes) {
      const caller = real.startsWith(`/documents/${documentId}`) ? other.secretary : w.secretary;
      const a = await caller.request<{ code: string; message: string }>(method, real, method === 'PATCH' ? { title: 'x' } : undefined);
      const b = await caller.request<{ code: string; message: string }>(method, random, method === 'PATCH' ? { title: 'x' } : undefined);
      expect({ real, status: a.status, body: a.body }).toEqual({ real, status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE } });
      expect(b.body).toEqual(a.body);
    }
  });
});

describe('login budgets', () => {
  it('gives an account one budget whether its username or its phone is typed', async () => {
    await insertUser(server, 'bi.doan', { phone: '0933444555' });
    const address = { 'x-forwarded-for': '198.51.100.10' };
    const attempt = (loginName: string, password: string) =>
      new Api(server).request<{ code: string }>('POST', '/auth/login', { login: loginName, password }, address);
    for (const name of ['bi.doan', '0933444555', 'BI.DOAN', '0933444555']) expect((await attempt(name, 'doan-mo')).status).toBe(401);
    const byPhone = await attempt('0933444555', TEST_PASSWORD);
    expect([byPhone.status, byPhone.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect((await attempt('bi.doan', TEST_PASSWORD)).status).toBe(429);
    // from another address too: the budget is the account's
    expect((await new Api(server).request('POST', '/auth/login', { login: 'bi.doan', password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.11' })).status).toBe(429);
  });

  it('limits failed logins from one address across accounts (password spraying), not other addresses', async () => {
    const sprayer = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 6; i++) {
      const res = await new Api(server).request('POST', '/auth/login', { login: `nan-nhan-${i}`, password: 'matkhau123' }, sprayer);
      expect(res.status).toBe(401);
    }
    const blocked = await new Api(server).request<{ code: string }>('POST', '/auth/login', { login: 'w-observer', password: TEST_PASSWORD }, sprayer);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    const elsewhere = await new Api(server).request<LoginResponse>('POST', '/auth/login', { login: 'w-observer', password: TEST_PASSWORD }, { 'x-forwarded-for': '203.0.113.8' });
    expect(elsewhere.status).toBe(200);
  });
});

describe('passwords', () => {
  it.each([
    ['too short', 'ngan-qua', /at least 10/, { code: 'too_small', minimum: 10, origin: 'string' }],
    ['a common password', 'matkhau123', /too common/, { code: 'custom', reason: 'commonPassword' }],
    ['a keyboard walk', 'QWERTYUIOP', /too common/, { code: 'custom', reason: 'commonPassword' }],
    ['a run of digits', '2345678901', /too common/, { code: 'custom', reason: 'commonPassword' }],
  ])('refuses %s for a new account, saying why in words the UI can translate, and writes nothing', async (_, password, why, words) => {
    const username = `mk-${crypto.randomBytes(3).toString('hex')}`;
    const res = await w.admin.post<{ code: string; issues: { path: string; message: string }[] }>('/users', { username, fullName: 'Người Thử', password });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.issues).toEqual([{ path: 'password', message: expect.stringMatching(why), ...words }]);
    expect((await server.db.query('SELECT 1 FROM users WHERE username = $1', [username])).rowCount).toBe(0);
  });

  it('lets a person change their own password, ending their other sessions but not this one', async () => {
    await insertUser(server, 'doi.mat.khau');
    const here = await login(server, 'doi.mat.khau');
    const phone = await login(server, 'doi.mat.khau');
    const wrong = await here.post<{ code: string }>('/auth/password', { currentPassword: 'khong-dung-dau', newPassword: 'mot-cau-dai-moi-2026' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'WRONG_PASSWORD']);
    const weak = await here.post<{ issues: { path: string }[] }>('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: '1234567890' });
    expect([weak.status, weak.body.issues.map((i) => i.path)]).toEqual([400, ['newPassword']]);
    expect((await phone.get('/auth/me')).status).toBe(200);

    expect((await here.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'mot-cau-dai-moi-2026' })).status).toBe(204);
    expect((await here.get('/auth/me')).status).toBe(200);
    expect((await phone.get('/auth/me')).status).toBe(401);
    expect((await new Api(server).post('/auth/login', { login: 'doi.mat.khau', password: TEST_PASSWORD })).status).toBe(401);
    await expect(login(server, 'doi.mat.khau', 'mot-cau-dai-moi-2026')).resolves.toBeDefined();
  });
});

describe('meeting times', () => {
  const create = (releaseAt: string, commentDeadline: string) =>
    w.secretary.post<{ code: string; issues?: { path: string }[] }>('/meetings', { councilId: w.council.id, title: 'Kỳ họp giờ lệch', startsAt: '2031-01-05T08:00:00+07:00', releaseAt, commentDeadline });

  it('compares instants, not strings, whatever UTC offsets the two carry', async () => {
    // 08:00+07:00 is 01:00Z, before 02:00Z, although the text sorts after it
    expect((await create('2031-01-01T08:00:00+07:00', '2031-01-01T02:00:00Z')).status).toBe(201);
    const before = await create('2031-01-01T02:00:00Z', '2031-01-01T08:00:00+07:00');
    expect([before.status, before.body.issues?.map((i) => i.path)]).toEqual([400, ['commentDeadline']]);
  });
});

describe('read receipts', () => {
  it('counts a GET of the file as a view and a HEAD as none', async () => {
    const views = async () =>
      (await server.db.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'document.view' AND target_id = $1 AND user_id = $2", [documentId, w.ids.observer])).rows[0].n as number;
    const before = await views();
    const head = await fetch(`${server.url}/api/documents/${documentId}/file`, { method: 'HEAD', headers: { authorization: `Bearer ${w.observer.token}` } });
    expect(head.status).toBe(200);
    expect(await views()).toBe(before);
    expect((await w.observer.get(`/documents/${documentId}/file`)).status).toBe(200);
    expect(await views()).toBe(before + 1);
  });
});

describe('with HOPSO_TRUST_PROXY=false', () => {
  let direct: TestServer;
  beforeAll(async () => {
    direct = await startServer({ env: { HOPSO_TRUST_PROXY: 'false', HOPSO_LOGIN_ADDRESS_LIMIT: '3' } });
    await insertUser(direct, 'truc.tiep');
  });
  afterAll(() => direct?.stop());

  it('takes no forwarded scheme or address from the client: no Secure cookie, one address for every forwarded one', async () => {
    const res = await new Api(direct).request('POST', '/auth/login', { login: 'truc.tiep', password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    for (let i = 0; i < 3; i++) {
      const failed = await new Api(direct).request('POST', '/auth/login', { login: `khong-co-${i}`, password: 'sai-mat-khau' }, { 'x-forwarded-for': `192.0.2.${i + 1}` });
      expect(failed.status).toBe(401);
    }
    const spoofed = await new Api(direct).request('POST', '/auth/login', { login: 'truc.tiep', password: TEST_PASSWORD }, { 'x-forwarded-for': '192.0.2.99' });
    expect(spoofed.status).toBe(429);
  });
});
