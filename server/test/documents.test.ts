import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditEntry, DocumentDetail, Paragraph, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf, corruptPdf, emptyPdf, encryptedPdf, notAPdf, pdfWithPages, truncatedPdf } from '../../fixtures';
import { inspectPdf } from '../src/documents/ingest/inspect-pdf';
import { blobOf, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;

const RESOLUTION = {
  title: 'Nghị quyết về dự toán ngân sách xã năm 2027',
  councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
  articles: [
    { heading: 'Điều 1. Thông qua dự toán ngân sách', clauses: ['Tổng thu ngân sách nhà nước trên địa bàn xã: 12.500 triệu đồng.', 'Tổng chi ngân sách xã: 11.800 triệu đồng.'] },
    { heading: 'Điều 2. Tổ chức thực hiện', clauses: ['Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.'] },
  ],
};

beforeAll(async () => {
  // small limits so the size and page refusals can be tested with small files
  server = await startServer({ env: { HOPSO_MAX_UPLOAD_MB: '1', HOPSO_MAX_PAGES: '30' } });
  w = await buildMeetingWorld(server);
});
afterAll(() => server?.stop());

async function countStored(): Promise<{ documents: number; versions: number; files: number }> {
  const [{ rows: d }, { rows: v }] = await Promise.all([
    server.db.query('SELECT count(*)::int AS n FROM documents'),
    server.db.query('SELECT count(*)::int AS n FROM document_versions'),
  ]);
  const dir = path.join(server.dataDir, 'files');
  // uploaded originals and half-written files; viewer copies (.web.pdf) are made later, after ingest
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((f) => /(?<!\.web)\.pdf$|(?<!\.web\.pdf\.\d+)\.tmp$/.test(String(f))).length
    : 0;
  return { documents: d[0].n, versions: v[0].n, files };
}

describe('uploading a PDF', () => {
  it('stores it, ingests it in the background and extracts its paragraphs with Vietnamese text intact', async () => {
    const pdf = await buildDraftResolutionPdf(RESOLUTION);
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'Dự thảo nghị quyết ngân sách.pdf', data: pdf }], { agendaItemId: w.agenda[1].id });
    expect(up.status).toBe(201);
    const [doc] = (up.body as UploadResult).documents;
    expect(doc.title).toBe('Dự thảo nghị quyết ngân sách');
    expect(doc.agendaItemId).toBe(w.agenda[1].id);
    const ready = await w.secretary.waitReady(doc.id);
    expect(ready.currentVersion).toMatchObject({ status: 'ready', progress: 100, versionNo: 1, pageCount: 1, sizeBytes: pdf.length });

    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Điều 1. Thông qua dự toán ngân sách');
    expect(texts).toContain('Điều 2. Tổ chức thực hiện');
    expect(texts.some((t) => t.includes('Tổng thu ngân sách nhà nước trên địa bàn xã: 12.500 triệu đồng.'))).toBe(true);
    expect(texts.some((t) => t.includes('Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.'))).toBe(true);
    expect(texts.every((t) => t === t.normalize('NFC'))).toBe(true);
    expect(paragraphs.map((p) => p.index)).toEqual(paragraphs.map((_, i) => i));
    for (const p of paragraphs) {
      expect(p.page).toBe(1);
      expect(p.textHash).toMatch(/^[0-9a-f]{64}$/);
      for (const r of p.rects) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w).toBeLessThanOrEqual(612);
        expect(r.y + r.h).toBeLessThanOrEqual(842);
      }
    }
    // the article heading is its own paragraph and comes before its first clause
    const h1 = texts.indexOf('Điều 1. Thông qua dự toán ngân sách');
    const h2 = texts.indexOf('Điều 2. Tổ chức thực hiện');
    expect(h1).toBeLessThan(h2);
    expect(texts.slice(h1 + 1, h2).join(' ')).toContain('Tổng chi ngân sách xã: 11.800 triệu đồng.');
  });

  it('accepts several files in one request', async () => {
    const a = await buildDraftResolutionPdf({ ...RESOLUTION, title: 'Tờ trình A' });
    const b = await pdfWithPages(3);
    const up = await w.chair.upload(w.meeting.id, [
      { name: 'to-trinh-a.pdf', data: a },
      { name: 'phu-luc.pdf', data: b },
    ]);
    expect(up.status).toBe(201);
    expect((up.body as UploadResult).documents.map((d) => d.title).sort()).toEqual(['phu-luc', 'to-trinh-a']);
  });
});

describe('refused uploads leave nothing behind', () => {
  const refusals: [string, () => Promise<Buffer> | Buffer, number, string, RegExp][] = [
    ['a file that is not a PDF, whatever its name', () => notAPdf(), 415, 'FILE_NOT_PDF', /not a PDF/i],
    ['a truncated PDF', () => truncatedPdf(), 422, 'FILE_CORRUPT', /damaged|corrupt|incomplete/i],
    ['a corrupt PDF', () => corruptPdf(), 422, 'FILE_CORRUPT', /damaged|corrupt|incomplete/i],
    ['an encrypted PDF', async () => (await encryptedPdf()) as Buffer, 422, 'FILE_ENCRYPTED', /password|encrypt/i],
    ['a PDF without pages', () => emptyPdf(), 422, 'FILE_EMPTY', /no pages/i],
    ['a PDF over the page limit', () => pdfWithPages(31), 422, 'FILE_TOO_MANY_PAGES', /30/],
    ['a file over the size limit', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]), 413, 'FILE_TOO_LARGE', /1 MB|too large|limit/i],
  ];

  it.each(refusals)('refuses %s with a clear message', async (_name, build, status, code, message) => {
    const before = await countStored();
    const res = await w.secretary.upload(w.meeting.id, [{ name: 'tai-lieu.pdf', data: await build() }]);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(await countStored()).toEqual(before);
  });

  it('refuses the whole request when one of several files is bad', async () => {
    const before = await countStored();
    const good = await pdfWithPages(2);
    const res = await w.secretary.upload(w.meeting.id, [
      { name: 'tot.pdf', data: good },
      { name: 'hong.pdf', data: await truncatedPdf() },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('hong.pdf');
    expect(await countStored()).toEqual(before);
  });

  it('refuses a request with no file', async () => {
    const res = await w.secretary.upload(w.meeting.id, []);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FILE_MISSING');
  });

  it('refuses an agenda item of another meeting', async () => {
    const res = await w.secretary.upload(w.meeting.id, [{ name: 'a.pdf', data: await pdfWithPages(1) }], { agendaItemId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('serving files', () => {
  let docId: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await pdfWithPages(5);
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'phuc-vu.pdf', data: pdf }]);
    docId = (up.body as UploadResult).documents[0].id;
    await w.secretary.waitReady(docId);
  });

  it('returns the exact bytes of a range with 206', async () => {
    const res = await w.delegate.get<Buffer>(`/documents/${docId}/file?original=1`, { range: 'bytes=100-299' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-299/${pdf.length}`);
    expect(Buffer.compare(res.body, pdf.subarray(100, 300))).toBe(0);
  });

  it('returns a suffix range and refuses an unsatisfiable one', async () => {
    const tail = await w.delegate.get<Buffer>(`/documents/${docId}/file?original=1`, { range: 'bytes=-64' });
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body, pdf.subarray(pdf.length - 64))).toBe(0);
    const beyond = await w.delegate.get(`/documents/${docId}/file?original=1`, { range: `bytes=${pdf.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
  });

  it('returns the whole file with an ETag, and 304 when it has not changed', async () => {
    const full = await w.delegate.get<Buffer>(`/documents/${docId}/file?original=1`);
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.compare(full.body, pdf)).toBe(0);
    const etag = full.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await w.delegate.get(`/documents/${docId}/file?original=1`, { 'if-none-match': etag })).status).toBe(304);
  });

  it("serves the viewer a copy with the page objects packed together, and downloads the original", async () => {
    let copy = await w.delegate.get<Buffer>(`/documents/${docId}/file`);
    // the copy is made on its own thread after the version is ready: the original is served until then
    for (let i = 0; i < 600 && copy.headers.get('etag') === `"${crypto.createHash('sha256').update(pdf).digest('hex')}"`; i++) {
      await new Promise((r) => setTimeout(r, 100));
      copy = await w.delegate.get<Buffer>(`/documents/${docId}/file`);
    }
    expect(Buffer.compare(copy.body, pdf)).not.toBe(0);
    expect(copy.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(copy.body.includes('/ObjStm')).toBe(true);
    const inspection = await inspectPdf(copy.body, { maxBytes: 1e9, maxPages: 100 });
    expect(inspection).toEqual({ ok: true, pageCount: 5, restricted: false });
    const download = await w.delegate.get<Buffer>(`/documents/${docId}/file?download=1`);
    expect(Buffer.compare(download.body, pdf)).toBe(0);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it("writes a delegate's view and download to the audit log, readable by the secretariat only", async () => {
    await w.delegateB.get(`/documents/${docId}/file`);
    await w.delegateB.get(`/documents/${docId}/file?download=1`);
    const log = (await w.secretary.get<AuditEntry[]>(`/meetings/${w.meeting.id}/audit`)).body;
    const mine = log.filter((e) => e.userId === w.ids.delegateB && e.targetId === docId);
    expect(mine.map((e) => e.action).sort()).toEqual(['document.download', 'document.view']);
    expect((await w.delegateB.get(`/meetings/${w.meeting.id}/audit`)).status).toBe(403);
  });

  it('keeps every version and serves an older one on request', async () => {
    const v2 = await pdfWithPages(2);
    const form = new FormData();
    form.append('files', blobOf(v2, 'application/pdf'), 'phuc-vu-v2.pdf');
    const res = await w.secretary.request<DocumentDetail>('POST', `/documents/${docId}/versions`, form);
    expect(res.status).toBe(201);
    expect(res.body.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    const v1Id = res.body.versions[1].id;
    const old = await w.delegate.get<Buffer>(`/documents/${docId}/file?version=${v1Id}&original=1`);
    expect(Buffer.compare(old.body, pdf)).toBe(0);
    // delegates are served version 1 until version 2 is ready, then version 2
    await w.secretary.waitReady(docId);
    const current = await w.delegate.get<Buffer>(`/documents/${docId}/file?download=1`);
    expect(Buffer.compare(current.body, v2)).toBe(0);
  });
});

describe('release time', () => {
  it('keeps documents from delegates until the release time, but not from the secretariat', async () => {
    const early = await buildMeetingWorld(server, { released: false, prefix: 'early' });
    const up = await early.secretary.upload(early.meeting.id, [{ name: 'som.pdf', data: await pdfWithPages(1) }]);
    const docId = (up.body as UploadResult).documents[0].id;
    for (const path of [`/meetings/${early.meeting.id}/documents`, `/documents/${docId}`, `/documents/${docId}/file`]) {
      const res = await early.delegate.get<{ code: string; message: string }>(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'NOT_RELEASED' });
      expect((await early.secretary.get(path)).status).toBe(200);
    }
    // moving the release time into the past opens them
    await early.secretary.patch(`/meetings/${early.meeting.id}`, { releaseAt: new Date(Date.now() - 1000).toISOString() });
    expect((await early.delegate.get(`/meetings/${early.meeting.id}/documents`)).status).toBe(200);
  });
});
