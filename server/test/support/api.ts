import { hash } from '@node-rs/argon2';
import type {
  AgendaItem,
  ApiErrorBody,
  CouncilSummary,
  DocumentDetail,
  DocumentSummary,
  LoginResponse,
  MeetingDetail,
  MeetingRole,
  UploadResult,
  UserSummary,
} from '@hopso/shared';
import type { TestServer } from './server';

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A logged-in (or anonymous) HTTP client talking to a running test server. */
export class Api {
  constructor(
    readonly server: TestServer,
    readonly token: string | null = null,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.token) (init.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(`${this.server.url}/api${path}`, init);
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : type.includes('pdf') ? Buffer.from(await res.arrayBuffer()) : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Uploads released documents unless `fields.state` says otherwise ('' sends none: the server's default). */
  async upload(meetingId: string, files: { name: string; data: Buffer }[], fields: Record<string, string> = {}): Promise<ApiResponse<UploadResult & ApiErrorBody>> {
    fields = { state: 'released', ...fields };
    if (fields.state === '') delete fields.state;
    const form = new FormData();
    for (const f of files) form.append('files', blobOf(f.data, 'application/pdf'), f.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return this.request('POST', `/meetings/${meetingId}/documents`, form);
  }

  /** Waits until the document's newest version is ingested (or failed). */
  async waitReady(documentId: string, timeoutMs = 60_000): Promise<DocumentDetail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, body } = await this.get<DocumentDetail>(`/documents/${documentId}`);
      if (status !== 200) throw new Error(`GET document ${documentId}: ${status} ${JSON.stringify(body)}`);
      if (body.currentVersion.status === 'ready' || body.currentVersion.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`ingest did not finish: ${JSON.stringify(body.currentVersion)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A Blob of a Buffer, for multipart uploads. */
export const blobOf = (data: Buffer, type = 'application/octet-stream') => new Blob([new Uint8Array(data)], { type });

export const TEST_PASSWORD = 'test-password-1';

/** Inserts an account directly (setup only; behaviour is tested through the API). */
export async function insertUser(server: TestServer, username: string, opts: { isAdmin?: boolean; fullName?: string; phone?: string } = {}): Promise<string> {
  const { rows } = await server.db.query(
    'INSERT INTO users (username, full_name, phone, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [username, opts.fullName ?? `Người dùng ${username}`, opts.phone ?? null, await hash(TEST_PASSWORD), opts.isAdmin ?? false],
  );
  return rows[0].id;
}

export async function login(server: TestServer, username: string, password = TEST_PASSWORD): Promise<Api> {
  const res = await new Api(server).post<LoginResponse>('/auth/login', { login: username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return new Api(server, res.body.token);
}

export interface MeetingWorld {
  admin: Api;
  secretary: Api;
  chair: Api;
  delegate: Api;
  delegateB: Api;
  observer: Api;
  outsider: Api;
  anonymous: Api;
  ids: Record<'admin' | 'secretary' | 'chair' | 'delegate' | 'delegateB' | 'observer' | 'outsider', string>;
  council: CouncilSummary;
  meeting: MeetingDetail;
  agenda: AgendaItem[];
}

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600_000;

/**
 * A council with its secretariat and one published meeting whose documents are
 * released (or not, with `released: false`), one person per role, plus an outsider.
 */
export async function buildMeetingWorld(server: TestServer, opts: { released?: boolean; prefix?: string } = {}): Promise<MeetingWorld> {
  const p = opts.prefix ?? 'w';
  const roles = ['admin', 'secretary', 'chair', 'delegate', 'delegateB', 'observer', 'outsider'] as const;
  const ids = {} as MeetingWorld['ids'];
  for (const r of roles) ids[r] = await insertUser(server, `${p}-${r.toLowerCase()}`, { isAdmin: r === 'admin' });
  const [admin, secretary, chair, delegate, delegateB, observer, outsider] = await Promise.all(roles.map((r) => login(server, `${p}-${r.toLowerCase()}`)));
  const council = (await admin.post<CouncilSummary>('/councils', { name: `HĐND xã Thử Nghiệm ${p}`, level: 'commune' })).body;
  await admin.put(`/councils/${council.id}/staff`, { userIds: [ids.secretary] });
  const created = await secretary.post<MeetingDetail>('/meetings', {
    councilId: council.id,
    title: `Kỳ họp thứ nhất ${p}`,
    location: 'Hội trường xã',
    startsAt: iso(48 * HOUR),
    releaseAt: opts.released === false ? iso(24 * HOUR) : iso(-HOUR),
    commentDeadline: iso(40 * HOUR),
  });
  if (created.status !== 201) throw new Error(`create meeting: ${created.status} ${JSON.stringify(created.body)}`);
  const meetingId = created.body.id;
  const roleOf: [keyof typeof ids, MeetingRole][] = [
    ['chair', 'chair'],
    ['delegate', 'delegate'],
    ['delegateB', 'delegate'],
    ['observer', 'observer'],
  ];
  for (const [who, role] of roleOf) await secretary.post(`/meetings/${meetingId}/participants`, { userId: ids[who], role });
  const agenda: AgendaItem[] = [];
  for (const title of ['Khai mạc', 'Dự thảo nghị quyết về ngân sách', 'Bế mạc']) {
    agenda.push((await secretary.post<AgendaItem>(`/meetings/${meetingId}/agenda`, { title })).body);
  }
  await secretary.post(`/meetings/${meetingId}/status`, { status: 'published' });
  const meeting = (await secretary.get<MeetingDetail>(`/meetings/${meetingId}`)).body;
  return { admin, secretary, chair, delegate, delegateB, observer, outsider, anonymous: new Api(server), ids, council, meeting, agenda };
}

export type { DocumentSummary, UserSummary };
