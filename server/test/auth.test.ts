import type { CurrentUser, LoginResponse } from '@hopso/shared';
import { Api, insertUser, login, TEST_PASSWORD } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let anonymous: Api;

beforeAll(async () => {
  server = await startServer({ env: { HOPSO_LOGIN_RATE_LIMIT: '5' } });
  anonymous = new Api(server);
  await insertUser(server, 'nguyen.an', { phone: '0912345678', fullName: 'Nguyễn Văn An' });
  await insertUser(server, 'tran.binh');
});
afterAll(() => server?.stop());

describe('login', () => {
  it('logs in by username or phone number and tells who I am', async () => {
    const byName = await anonymous.post<LoginResponse>('/auth/login', { login: 'nguyen.an', password: TEST_PASSWORD });
    expect(byName.status).toBe(200);
    expect(byName.headers.get('set-cookie')).toMatch(/hopso_session=.*HttpOnly/i);
    const byPhone = await anonymous.post<LoginResponse>('/auth/login', { login: '0912345678', password: TEST_PASSWORD });
    expect(byPhone.status).toBe(200);
    const me = await new Api(server, byPhone.body.token).get<CurrentUser>('/auth/me');
    expect(me.body).toMatchObject({ username: 'nguyen.an', fullName: 'Nguyễn Văn An', isAdmin: false });
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);
  });

  it('accepts the session cookie as well as the bearer token', async () => {
    const res = await anonymous.post<LoginResponse>('/auth/login', { login: 'nguyen.an', password: TEST_PASSWORD });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect((await anonymous.get('/auth/me', { cookie })).status).toBe(200);
  });

  it('refuses a wrong password and an unknown user the same way', async () => {
    const wrong = await anonymous.post<{ code: string }>('/auth/login', { login: 'nguyen.an', password: 'sai-mat-khau' });
    const unknown = await anonymous.post<{ code: string }>('/auth/login', { login: 'khong.co', password: 'sai-mat-khau' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('refuses a malformed login with a 400', async () => {
    const res = await anonymous.post<{ code: string; issues: unknown[] }>('/auth/login', { login: '', password: 5 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.issues.length).toBeGreaterThan(0);
    expect((await anonymous.request('POST', '/auth/login', '{not json', { 'content-type': 'application/json' })).status).toBe(400);
  });

  it('rate-limits repeated attempts on one login', async () => {
    await insertUser(server, 'bi.khoa');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await anonymous.post('/auth/login', { login: 'bi.khoa', password: 'doan-mo' })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await anonymous.post<{ code: string }>('/auth/login', { login: 'bi.khoa', password: TEST_PASSWORD });
    expect([limited.status, limited.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    // another person on the same network is not locked out
    expect((await anonymous.post('/auth/login', { login: 'nguyen.an', password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('ends the session at logout', async () => {
    const api = await login(server, 'tran.binh');
    expect((await api.post('/auth/logout')).status).toBe(204);
    const after = await api.get<{ code: string }>('/auth/me');
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses an expired token', async () => {
    const api = await login(server, 'tran.binh');
    await server.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute'");
    expect((await api.get('/auth/me')).status).toBe(401);
  });

  it('refuses requests without a session, but keeps health public', async () => {
    expect((await anonymous.get('/meetings')).status).toBe(401);
    expect((await new Api(server, 'made-up-token').get('/meetings')).status).toBe(401);
    const health = await anonymous.get<{ status: string; database: string }>('/health');
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('sends text compressed to slow phones', async () => {
    const res = await fetch(`${server.url}/api/docs-json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('publishes the OpenAPI documentation', async () => {
    const res = await fetch(`${server.url}/api/docs-json`);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/meetings/{id}/documents', '/api/documents/{id}/file']));
  });
});
