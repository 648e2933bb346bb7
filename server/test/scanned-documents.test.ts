import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Comment, DocumentDetail, Paragraph, ScanInfo, UploadResult } from '@hopso/shared';
import { BUDGET_RESOLUTION_ARTICLES, buildDraftResolutionPdf, CHAIR, characterAccuracy, DEMO_COUNCIL_NAME, scanPdf } from '../../fixtures';
import { extractDocument } from '../src/documents/ingest/extract-paragraphs';
import { buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

// Tesseract takes seconds per page, more on a shared machine
jest.setTimeout(300_000);

let original: Buffer;
let scan: Buffer;
beforeAll(async () => {
  // two pages: the articles, then the signature under a red seal
  original = await buildDraftResolutionPdf({ title: 'Về dự toán ngân sách xã năm 2027', councilName: DEMO_COUNCIL_NAME, articles: BUDGET_RESOLUTION_ARTICLES.slice(0, 2) });
  scan = await scanPdf(original, { stamp: true });
});

async function uploadAndWatch(w: MeetingWorld, data: Buffer, name: string): Promise<{ doc: DocumentDetail; scans: ScanInfo[] }> {
  const up = await w.secretary.upload(w.meeting.id, [{ name, data }]);
  expect(up.status).toBe(201);
  const id = (up.body as UploadResult).documents[0].id;
  // every state the uploader's screen could show while it runs
  const scans: ScanInfo[] = [];
  const deadline = Date.now() + 280_000;
  for (;;) {
    const { body } = await w.secretary.get<DocumentDetail>(`/documents/${id}`);
    const s = body.currentVersion.scan;
    if (s && JSON.stringify(scans[scans.length - 1]) !== JSON.stringify(s)) scans.push(s);
    if (body.currentVersion.status === 'ready' || body.currentVersion.status === 'failed') return { doc: body, scans };
    if (Date.now() > deadline) throw new Error(`ingest did not finish: ${JSON.stringify(body.currentVersion)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a scanned PDF, with the OCR tools installed', () => {
  let server: TestServer;
  let w: MeetingWorld;
  beforeAll(async () => {
    server = await startServer();
    w = await buildMeetingWorld(server);
  });
  afterAll(() => server?.stop());

  it('is recognised in the background job, page by page, and read into labelled paragraphs that match the original', async () => {
    const { doc, scans } = await uploadAndWatch(w, scan, 'nghi-quyet-ban-quet.pdf');
    expect(doc.currentVersion.status).toBe('ready');
    expect(doc.currentVersion.scan).toEqual({ pages: 2, pagesDone: 2, state: 'recognised', code: null });
    // the uploader saw it recognising ("Đang nhận dạng chữ, trang 1/2"), and the count never went back
    expect(scans[0]).toMatchObject({ state: 'recognising', pages: 2 });
    const done = scans.map((s) => s.pagesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));

    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    const expected = (await extractDocument(original)).paragraphs;
    expect(characterAccuracy(expected.map((p) => p.text).join(' '), paragraphs.map((p) => p.text).join(' '))).toBeGreaterThanOrEqual(0.97);
    const article2 = paragraphs.find((p) => p.text === 'Điều 2. Tổ chức thực hiện');
    expect(article2).toMatchObject({ label: 'Điều 2', kind: 'heading', page: 1 });
    expect(paragraphs.find((p) => p.text.includes('thường xuyên: 10.645'))?.label).toBe('Điều 1, khoản 3, điểm b');

    // a comment on a recognised paragraph, anchored like any other
    const clause = paragraphs.find((p) => p.text.includes('Dự phòng ngân sách'))!;
    const sent = await w.delegate.post<Comment>(`/documents/${doc.id}/comments`, {
      clientId: crypto.randomUUID(),
      anchor: { versionId: doc.currentVersion.id, paragraphId: clause.id, quote: { exact: 'Dự phòng ngân sách', prefix: '', suffix: '' }, rects: clause.rects },
      body: 'Đề nghị làm rõ mức dự phòng.',
    });
    expect(sent.status).toBe(201);

    // the viewer is served the file with the text layer (search and selection), the download stays the upload
    const viewed = await w.delegate.get(`/documents/${doc.id}/file`);
    const served = await extractDocument(new Uint8Array(viewed.body as Buffer));
    expect(served.paragraphs.map((p) => p.text)).toEqual(paragraphs.map((p) => p.text));
    const downloaded = await w.delegate.get(`/documents/${doc.id}/file?download=1`);
    expect(Buffer.compare(downloaded.body as Buffer, scan)).toBe(0);
    // no work files of the recognition are left
    expect(fs.readdirSync(path.join(server.dataDir, 'tmp', 'ocr'), { recursive: true }).filter((f) => fs.statSync(path.join(server.dataDir, 'tmp', 'ocr', String(f))).isFile())).toEqual([]);
  });

  it('recognises only the scanned pages of a mixed file', async () => {
    const mixed = await scanPdf(original, { pages: [2], stamp: true });
    const { doc } = await uploadAndWatch(w, mixed, 'nghi-quyet-trang-ky-quet.pdf');
    expect(doc.currentVersion.scan).toEqual({ pages: 1, pagesDone: 1, state: 'recognised', code: null });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    const expected = (await extractDocument(original)).paragraphs;
    // page 1 is read from its own text, exactly
    expect(paragraphs.filter((p) => p.page === 1).map((p) => p.text)).toEqual(expected.filter((p) => p.page === 1).map((p) => p.text));
    // page 2 (recognised) carries the chair's signature block
    expect(paragraphs.some((p) => p.page === 2 && p.text.includes(CHAIR.split(' ').slice(-2).join(' ')))).toBe(true);
  });

  it('leaves a text PDF alone', async () => {
    const { doc } = await uploadAndWatch(w, original, 'nghi-quyet.pdf');
    expect(doc.currentVersion).toMatchObject({ status: 'ready', scan: null });
  });
});

describe('a scanned PDF, where the OCR tools are absent', () => {
  let server: TestServer;
  let w: MeetingWorld;
  beforeAll(async () => {
    server = await startServer({ env: { HOPSO_OCRMYPDF: '/nonexistent/bin/ocrmypdf' } });
    w = await buildMeetingWorld(server, { prefix: 'noocr' });
  });
  afterAll(() => server?.stop());

  it('is still accepted and ready, marked "not recognised" with the code that says what to install', async () => {
    const { doc } = await uploadAndWatch(w, scan, 'ban-quet.pdf');
    expect(doc.currentVersion).toMatchObject({ status: 'ready', failureCode: null, pageCount: 2 });
    expect(doc.currentVersion.scan).toEqual({ pages: 2, pagesDone: 0, state: 'unrecognised', code: 'OCR_UNAVAILABLE' });
    const paragraphs = await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`);
    expect(paragraphs).toMatchObject({ status: 200, body: [] });
    // the page images are still served to read
    const viewed = await w.delegate.get(`/documents/${doc.id}/file`);
    expect(viewed.status).toBe(200);
    expect((await extractDocument(new Uint8Array(viewed.body as Buffer))).pageSizes).toHaveLength(2);
  });

  it('keeps the text pages of a mixed file', async () => {
    const { doc } = await uploadAndWatch(w, await scanPdf(original, { pages: [2] }), 'nua-quet.pdf');
    expect(doc.currentVersion.scan).toEqual({ pages: 1, pagesDone: 0, state: 'unrecognised', code: 'OCR_UNAVAILABLE' });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    expect(paragraphs.find((p) => p.text === 'Điều 2. Tổ chức thực hiện')?.label).toBe('Điều 2');
  });
});
