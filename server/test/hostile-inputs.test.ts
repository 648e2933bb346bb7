import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { DocumentDetail, Paragraph, ParticipantImportResult, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import {
  csvWithNul,
  pdfWithFilterBomb,
  pdfWithInflateBomb,
  pdfWithNulText,
  pdfWithRepeatedForm,
  pdfWithSharedContentStream,
  xlsxWithFarCell,
  xlsxWithInflateBomb,
  type PdfFilter,
} from '../../fixtures';
import { blobOf, buildMeetingWorld, type Api, type MeetingWorld } from './support/api';
import { healthDuring } from './support/health-probe';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
});
afterAll(() => server?.stop());

/** Rows of every table of the application (the job queue's own schema aside), to show a refusal wrote nothing. */
async function rowCounts(s: TestServer): Promise<Record<string, number>> {
  const { rows: tables } = await s.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = (await s.db.query(`SELECT count(*)::int AS n FROM "${table_name}"`)).rows[0].n;
  return counts;
}

/** Temporary upload files left in the data directory. */
const leftoverUploads = (s: TestServer) => {
  const dir = path.join(s.dataDir, 'tmp', 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

const expectHealthy = (h: { latencies: number[]; busyLatencies: number[] }) => {
  expect(h.latencies.length).toBeGreaterThan(0);
  // within a second of the server's own time: a loaded machine's waits for a CPU aside (see healthDuring)
  expect(Math.max(...h.busyLatencies)).toBeLessThan(1000);
};

async function uploadAndWait(api: Api, data: Buffer, name: string): Promise<{ detail: DocumentDetail; latencies: number[]; busyLatencies: number[]; answeredWhileRunning: boolean }> {
  const up = await api.upload(w.meeting.id, [{ name, data }]);
  expect(up.status).toBe(201);
  const [doc] = (up.body as UploadResult).documents;
  const h = await healthDuring(server, api.waitReady(doc.id, 120_000));
  return { detail: h.result, latencies: h.latencies, busyLatencies: h.busyLatencies, answeredWhileRunning: h.answeredWhileRunning };
}

describe('PDFs that cost more than their size', () => {
  it('ingests a PDF whose text holds U+0000, with the NULs dropped, and keeps serving', async () => {
    const { detail, latencies, busyLatencies } = await uploadAndWait(w.secretary, await pdfWithNulText(), 'nghi-quyet-ky-tu-rong.pdf');
    expectHealthy({ latencies, busyLatencies });
    expect(detail.currentVersion).toMatchObject({ status: 'ready', failureCode: null });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${detail.id}/versions/${detail.currentVersion.id}/paragraphs`)).body;
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('Điều 1. Phê chuẩn dự toán ngân sách xã năm 2027.');
    expect(text).toContain('Điều 2. Giao Ủy ban nhân dân xã');
    expect(text).not.toContain('\u0000');
    expect(server.logs()).not.toMatch(/unhandled rejection|uncaught exception/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('refuses a PDF whose stream inflates to 400 MB at upload, with a reason the secretary understands, writing nothing', async () => {
    const bomb = await pdfWithInflateBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await rowCounts(server);
    const h = await healthDuring(server, w.secretary.upload(w.meeting.id, [{ name: 'bao-cao-nen.pdf', data: bomb }]));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([422, 'INGEST_TOO_LARGE']);
    expect(h.result.body.message).toMatch(/compressed data too large/);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });

  it.each<[string, PdfFilter[]]>([
    ['an LZW stream', ['LZWDecode']],
    ['a Flate stream behind ASCII85', ['ASCII85Decode', 'FlateDecode']],
    ['an LZW stream behind ASCIIHex', ['ASCIIHexDecode', 'LZWDecode']],
    ['a Flate stream behind RunLength', ['RunLengthDecode', 'FlateDecode']],
  ])('refuses %s that decodes to 400 MB at upload, as it does a Flate one, writing nothing', async (_name, filters) => {
    const bomb = await pdfWithFilterBomb(filters, 400);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const before = await rowCounts(server);
    const h = await healthDuring(server, w.secretary.upload(w.meeting.id, [{ name: 'bao-cao-nen.pdf', data: bomb }]));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([422, 'INGEST_TOO_LARGE']);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });

  it.each<[string, () => Promise<Buffer>]>([
    ['300 pages that share one 1 MB content stream', () => pdfWithSharedContentStream(300, 1024)],
    ['one page that draws a 512 KB form 400 times', () => pdfWithRepeatedForm(400, 512)],
  ])('refuses %s at upload, in seconds rather than at the time limit, with its own code, writing nothing', async (_name, build) => {
    const file = await build();
    expect(file.length).toBeLessThan(100 * 1024);
    const before = await rowCounts(server);
    const h = await healthDuring(server, w.secretary.upload(w.meeting.id, [{ name: 'phu-luc-lap-lai.pdf', data: file }]));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([422, 'INGEST_TOO_COMPLEX']);
    expect(h.result.body.message).toMatch(/draw far more content than they show/);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });
});

describe('a slow PDF', () => {
  let slowServer: TestServer;
  let sw: MeetingWorld;
  beforeAll(async () => {
    // a short time limit, so a file that would take minutes is stopped within the test
    // and a content budget large enough to let the 300-page file through to its time limit
    slowServer = await startServer({ env: { HOPSO_INGEST_TIMEOUT_S: '15', HOPSO_MAX_UPLOAD_MB: '1', HOPSO_INGEST_MAX_CONTENT_MB: '1024' } });
    sw = await buildMeetingWorld(slowServer, { prefix: 's' });
  });
  afterAll(() => slowServer?.stop());

  it('cannot hold up the others, and is stopped at its time limit with its own reason', async () => {
    const slow = await sw.secretary.upload(sw.meeting.id, [{ name: 'phu-luc-300-trang.pdf', data: await pdfWithSharedContentStream(300, 1024) }]);
    expect(slow.status).toBe(201);
    const [slowDoc] = (slow.body as UploadResult).documents;
    const normal = await sw.secretary.upload(sw.meeting.id, [
      { name: 'du-thao.pdf', data: await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] }) },
    ]);
    const [normalDoc] = (normal.body as UploadResult).documents;
    const h = await healthDuring(slowServer, sw.secretary.waitReady(normalDoc.id));
    expectHealthy(h);
    expect(h.result.currentVersion.status).toBe('ready');
    // the normal file was read while the slow one was still waiting or being read, never after it
    expect(['pending', 'processing']).toContain((await sw.secretary.get<DocumentDetail>(`/documents/${slowDoc.id}`)).body.currentVersion.status);

    const stopped = await healthDuring(slowServer, sw.secretary.waitReady(slowDoc.id, 90_000));
    expectHealthy(stopped);
    expect(stopped.answeredWhileRunning).toBe(true);
    expect(stopped.result.currentVersion).toMatchObject({ status: 'failed', failureCode: 'INGEST_TIMEOUT' });
  });

  it('streams an upload over the size limit to disk and refuses it with 413, leaving nothing behind', async () => {
    const before = await rowCounts(slowServer);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const h = await healthDuring(slowServer, sw.secretary.upload(sw.meeting.id, [{ name: 'qua-lon.pdf', data: big }]));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await rowCounts(slowServer)).toEqual(before);
    expect(leftoverUploads(slowServer)).toEqual([]);
  });
});

/**
 * Sends the head of a multipart upload that announces `declared` bytes, writes only its first
 * part, and resolves with the answer while the rest of the body is still unsent.
 */
function answerBeforeBody(s: TestServer, token: string, urlPath: string, declared: number): Promise<{ status: number; body: { code?: string }; sent: number }> {
  const boundary = 'hopsoboundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
  return new Promise((resolve, reject) => {
    const url = new URL(`${s.url}/api${urlPath}`);
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': declared } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), sent });
        });
      },
    );
    req.on('error', reject);
    let sent = head.length;
    req.write(head);
    // 64 KB more, then nothing: the request stays open with most of its declared body unsent
    req.write(Buffer.alloc(64 * 1024, 0x20));
    sent += 64 * 1024;
  });
}

describe('uploads from people who may not upload', () => {
  it.each(['delegate', 'outsider'] as const)('refuses the %s before reading the body', async (who) => {
    const before = await rowCounts(server);
    const declared = 100 * 1024 * 1024;
    const h = await healthDuring(server, answerBeforeBody(server, w[who].token!, `/meetings/${w.meeting.id}/documents`, declared));
    expectHealthy(h);
    expect(h.result.status).toBe(who === 'delegate' ? 403 : 404);
    expect(h.result.sent).toBeLessThan(declared / 100);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });

  it('refuses a new version and a delegate list from a delegate before reading the body', async () => {
    const up = await w.secretary.upload(w.meeting.id, [
      { name: 'ban-dau.pdf', data: await buildDraftResolutionPdf({ title: 'Bản đầu', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] }) },
    ]);
    const [doc] = (up.body as UploadResult).documents;
    await w.secretary.waitReady(doc.id);
    const version = await answerBeforeBody(server, w.delegate.token!, `/documents/${doc.id}/versions`, 50 * 1024 * 1024);
    expect([version.status, version.body.code]).toEqual([403, 'FORBIDDEN']);
    const list = await answerBeforeBody(server, w.delegate.token!, `/meetings/${w.meeting.id}/participants/import`, 50 * 1024 * 1024);
    expect([list.status, list.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('delegate lists that cost more than their size', () => {
  const importFile = (data: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', blobOf(data), name);
    return w.secretary.request<ParticipantImportResult & { code?: string; message?: string }>('POST', `/meetings/${w.meeting.id}/participants/import`, form);
  };

  it('reads an .xlsx with one cell at column XFD without building the columns up to it', async () => {
    const file = xlsxWithFarCell();
    expect(file.length).toBeLessThan(8 * 1024);
    const h = await healthDuring(server, importFile(file, 'xfd.xlsx'));
    expectHealthy(h);
    expect(h.result.status).toBe(200);
    expect([h.result.body.added, h.result.body.errors]).toEqual([100, []]);
  });

  it('refuses an .xlsx that inflates to 300 MB with 413, writing nothing', async () => {
    const file = await xlsxWithInflateBomb(300);
    expect(file.length).toBeLessThan(400 * 1024);
    const before = await rowCounts(server);
    const h = await healthDuring(server, importFile(file, 'bomb.xlsx'));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([413, 'IMPORT_TOO_LARGE']);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });

  it('refuses a list of more than 2,000 people while reading it, writing nothing', async () => {
    const rows = ['Họ và tên,Số điện thoại', ...Array.from({ length: 2001 }, (_, i) => `Người ${i},09${String(10_000_000 + i)}`)];
    const before = await rowCounts(server);
    const h = await healthDuring(server, importFile(Buffer.from(rows.join('\n')), 'dai.csv'));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([413, 'IMPORT_TOO_LARGE']);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses a list with a NUL in row 2 with 400 and writes not even row 1', async () => {
    const before = await rowCounts(server);
    const h = await healthDuring(server, importFile(csvWithNul(), 'nul.csv'));
    expectHealthy(h);
    expect([h.result.status, h.result.body.code]).toEqual([400, 'NUL_CHARACTER']);
    expect(h.result.body.message).toMatch(/Line 3/);
    expect(await rowCounts(server)).toEqual(before);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM users WHERE phone = '0987222001'`)).rows[0].n).toBe(0);
  });
});

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
}

/** Every JSON-body route of the API (or every GET route), with its path params filled with ids of the test meeting. */
async function jsonRoutes(methods = ['post', 'put', 'patch']): Promise<{ method: string; path: string }[]> {
  const doc = (await (await fetch(`${server.url}/api/docs-json`)).json()) as OpenApiDoc;
  const routes: { method: string; path: string }[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!methods.includes(method)) continue;
      if (op.requestBody?.content && 'multipart/form-data' in op.requestBody.content) continue;
      routes.push({ method: method.toUpperCase(), path: p.replace(/^\/api/, '').replace(/\{(\w+)\}/g, () => w.meeting.id) });
    }
  }
  return routes;
}

describe('bodies every JSON route refuses the same way', () => {
  it('answers a JSON body over 100 KB with 413 BODY_TOO_LARGE on every route, writing nothing', async () => {
    const routes = await jsonRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const big = JSON.stringify({ title: 'x'.repeat(200 * 1024), body: 'x', login: 'x', password: 'x' });
    const before = await rowCounts(server);
    const h = await healthDuring(
      server,
      Promise.all(routes.map((r) => w.secretary.request<{ code: string }>(r.method, r.path, big).then((res) => ({ route: `${r.method} ${r.path}`, status: res.status, code: res.body.code })))),
    );
    expectHealthy(h);
    expect(h.result.filter((r) => r.status !== 413 || r.code !== 'BODY_TOO_LARGE')).toEqual([]);
    expect(await rowCounts(server)).toEqual(before);
  });

  it.each<[string, string, Record<string, string>, number, string]>([
    ['malformed JSON', '{"title": "Kỳ họp", ', { 'content-type': 'application/json' }, 400, 'MALFORMED_JSON'],
    ['a text/plain body', '{"title": "Kỳ họp"}', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body with no content type', '{"title": "Kỳ họp"}', { 'content-type': '' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['JSON in a charset other than UTF-8', '{"title": "Ky hop"}', { 'content-type': 'application/json; charset=koi8-r' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown Content-Encoding', '{"title": "Ky hop"}', { 'content-type': 'application/json', 'content-encoding': 'compress' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with its status and a stable code on every JSON route, never the parser\'s words, writing nothing', async (_name, body, headers, status, code) => {
    const routes = await jsonRoutes();
    const before = await rowCounts(server);
    const results = await Promise.all(
      routes.map(async (r) => {
        const res = await fetch(`${server.url}/api${r.path}`, { method: r.method, headers: { authorization: `Bearer ${w.secretary.token}`, ...headers }, body });
        const answer = (await res.json()) as { code: string; message: string };
        return { route: `${r.method} ${r.path}`, status: res.status, code: answer.code, message: answer.message };
      }),
    );
    expect(results.filter((r) => r.status !== status || r.code !== code).map((r) => `${r.route} ${r.status} ${r.code}`)).toEqual([]);
    // the parser's message quotes the body back ("Unexpected end of JSON input", "unsupported charset")
    expect(results.filter((r) => /Unexpected|JSON at position|unsupported charset|Kỳ họp/i.test(r.message))).toEqual([]);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses a NUL character in any text field with 400 NUL_CHARACTER on every route, login included, writing nothing', async () => {
    const routes = await jsonRoutes();
    expect(routes.some((r) => r.path === '/auth/login')).toBe(true);
    const before = await rowCounts(server);
    const results = await Promise.all(
      routes.map(async (r) => {
        const res = await w.secretary.request<{ code: string }>(r.method, r.path, { title: 'Kỳ họp\u0000', login: 'w-secretary', password: 'x\u0000', body: 'a' });
        return { route: `${r.method} ${r.path}`, status: res.status, code: res.body.code };
      }),
    );
    expect(results.filter((r) => r.status !== 400 || r.code !== 'NUL_CHARACTER')).toEqual([]);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses a NUL in a search query, in any query of every GET route and in a multipart field with 400 NUL_CHARACTER', async () => {
    const search = await w.admin.get<{ code: string }>('/users?q=Nguy%00');
    expect([search.status, search.body.code]).toEqual([400, 'NUL_CHARACTER']);
    const gets = await jsonRoutes(['get']);
    expect(gets.length).toBeGreaterThan(20);
    const answers = await Promise.all(gets.map(async (r) => ({ route: r.path, ...(await w.secretary.get<{ code: string }>(`${r.path}?q=a%00`)) })));
    expect(answers.filter((a) => a.status !== 400 || a.body.code !== 'NUL_CHARACTER').map((a) => `${a.route} ${a.status}`)).toEqual([]);
    const pdf = await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] });
    const before = await rowCounts(server);
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'a.pdf', data: pdf }], { title: 'Tiêu đề\u0000' });
    expect([up.status, up.body.code]).toEqual([400, 'NUL_CHARACTER']);
    expect(await rowCounts(server)).toEqual(before);
    expect(leftoverUploads(server)).toEqual([]);
  });
});
