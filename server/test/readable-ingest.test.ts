import crypto from 'node:crypto';
import type { AuditEntry, Comment, DocumentDetail, DocumentSummary, MeetingEvent, Paragraph, UploadResult } from '@hopso/shared';
import { encryptedPdf, ownerRestrictedPdf, pdfWithDamagedPage, pdfWithEarlyEof, pdfWithLateHeader, pdfWithLostLastPage, pdfWithoutHeader, pdfWithPages } from '../../fixtures';
import { blobOf, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

jest.setTimeout(180_000);

let server: TestServer;
let w: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server, { prefix: 'ri' });
});
afterAll(() => server?.stop());

const sha256 = (data: Buffer | ArrayBuffer) => crypto.createHash('sha256').update(Buffer.from(data as ArrayBuffer)).digest('hex');

async function uploaded(name: string, data: Buffer): Promise<DocumentSummary> {
  const up = await w.secretary.upload(w.meeting.id, [{ name, data }]);
  expect({ status: up.status, code: up.body.code }).toEqual({ status: 201, code: undefined });
  return (up.body as UploadResult).documents[0];
}

async function newVersion(documentId: string, data: Buffer): Promise<DocumentDetail> {
  const form = new FormData();
  form.append('files', blobOf(data, 'application/pdf'), 'ban-moi.pdf');
  const res = await w.secretary.request<DocumentDetail>('POST', `/documents/${documentId}/versions`, form);
  expect(res.status).toBe(201);
  return w.secretary.waitReady(documentId);
}

const pageTexts = (ps: Paragraph[]) => ps.map((p) => `${p.page}: ${p.text}`);
const pageOf = (n: number, of: number) => [
  `${n}: Phụ lục trang ${n}/${of}`,
  `${n}: Nội dung trang ${n}: danh mục các công trình, dự án đầu tư công trên địa bàn xã, kèm theo tiến độ thực hiện và kế hoạch vốn năm 2027.`,
];

describe('files pdf.js reads are accepted', () => {
  it.each([
    ['without a %PDF- header', () => pdfWithoutHeader(2)],
    ['with its header after 2,000 other bytes', () => pdfWithLateHeader(2)],
    ['with its %%EOF 3,000 bytes before the end', () => pdfWithEarlyEof(2)],
  ])('a PDF %s is ingested with every paragraph', async (_name, make) => {
    const doc = await uploaded('la.pdf', await make());
    const ready = await w.secretary.waitReady(doc.id);
    expect(ready.currentVersion).toMatchObject({ status: 'ready', pageCount: 2, damagedPages: [], restricted: false });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;
    expect(pageTexts(paragraphs)).toEqual([...pageOf(1, 2), ...pageOf(2, 2)]);
  });

  it('a PDF restricted only by an owner password is accepted, marked restricted, and read like any other', async () => {
    const doc = await uploaded('han-che.pdf', await ownerRestrictedPdf());
    const ready = await w.delegate.waitReady(doc.id);
    expect(ready.currentVersion).toMatchObject({ status: 'ready', pageCount: 1, restricted: true, damagedPages: [] });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;
    expect(paragraphs.map((p) => p.text)).toEqual(['Tài liệu mật: dự thảo Nghị quyết về dự toán ngân sách xã năm 2027.']);
  });

  it('a PDF that needs a password to open is still refused, with its own code', async () => {
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'mat.pdf', data: await encryptedPdf('user-password') }]);
    expect({ status: up.status, code: up.body.code, message: up.body.message }).toEqual({
      status: 422,
      code: 'FILE_ENCRYPTED',
      message: 'This PDF needs a password to open. Save a copy without an opening password and upload it again.',
    });
  });
});

describe('a page that cannot be read', () => {
  it('a bad flate stream on page 2 keeps pages 1 and 3, and delegates see page 2 marked', async () => {
    const doc = await uploaded('trang-hong.pdf', await pdfWithDamagedPage(3, 2));
    const ready = await w.delegate.waitReady(doc.id);
    expect(ready.currentVersion).toMatchObject({ status: 'ready', pageCount: 3, damagedPages: [2], failureCode: null });
    expect(ready.currentVersion.pageSizes).toHaveLength(3);
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;
    expect(pageTexts(paragraphs)).toEqual([...pageOf(1, 3), ...pageOf(3, 3)]);
  });

  it('a page the page tree lost is marked, the others kept', async () => {
    const doc = await uploaded('mat-trang.pdf', await pdfWithLostLastPage(3));
    const ready = await w.delegate.waitReady(doc.id);
    expect(ready.currentVersion).toMatchObject({ status: 'ready', pageCount: 3, damagedPages: [3] });
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;
    expect(pageTexts(paragraphs)).toEqual([...pageOf(1, 3), ...pageOf(2, 3)]);
  });

  it('a file none of whose pages can be read fails, with its reason', async () => {
    const doc = await uploaded('hong-het.pdf', await pdfWithDamagedPage(1, 1));
    const failed = await w.secretary.waitReady(doc.id);
    expect(failed.currentVersion).toMatchObject({ status: 'failed', failureCode: 'INGEST_FAILED' });
  });
});

describe('a new version that fails never hides the readable one', () => {
  let doc: DocumentSummary;
  let v1: DocumentDetail['currentVersion'];
  let v2: DocumentDetail['currentVersion'];
  let v1Data: Buffer;
  let seqBefore: number;

  beforeAll(async () => {
    v1Data = await pdfWithPages(2);
    doc = await uploaded('ban-dau.pdf', v1Data);
    v1 = (await w.secretary.waitReady(doc.id)).currentVersion;
    seqBefore = Math.max(0, ...(await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=0`)).body.map((e) => e.seq));
    v2 = (await newVersion(doc.id, await pdfWithDamagedPage(1, 1))).currentVersion;
  });

  it('staff see the failed version with its reason, and the readable one beside it', async () => {
    const staff = (await w.secretary.get<DocumentDetail>(`/documents/${doc.id}`)).body;
    expect(staff.currentVersion).toMatchObject({ id: v2.id, versionNo: 2, status: 'failed', failureCode: 'INGEST_FAILED' });
    expect(staff.currentVersion.failureReason).toMatch(/could not be read/);
    expect(staff.readableVersion).toMatchObject({ id: v1.id, versionNo: 1, status: 'ready' });
    expect(staff.versions.map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'failed'],
      [1, 'ready'],
    ]);
  });

  it('delegates get version 1 in the listing, the detail, the file, the paragraphs, the events, and can comment on it', async () => {
    const [listed] = (await w.delegate.get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`)).body.filter((d) => d.id === doc.id);
    expect(listed.currentVersion).toMatchObject({ id: v1.id, status: 'ready' });
    expect(listed).not.toHaveProperty('readableVersion');
    const detail = (await w.delegate.get<DocumentDetail>(`/documents/${doc.id}`)).body;
    expect(detail.currentVersion.id).toBe(v1.id);
    expect(detail.versions.map((v) => v.id)).toEqual([v1.id]);
    expect(JSON.stringify(detail)).not.toContain(v2.id);
    // the file served is version 1's (its uploaded bytes)
    const file = await fetch(`${server.url}/api/documents/${doc.id}/file?original=1`, { headers: { authorization: `Bearer ${w.delegate.token}` } });
    expect(file.status).toBe(200);
    expect(sha256(await file.arrayBuffer())).toBe(sha256(v1Data));
    expect((await w.delegate.get(`/documents/${doc.id}/versions/${v2.id}/paragraphs`)).status).toBe(404);
    expect((await w.delegate.get(`/documents/${doc.id}/file?version=${v2.id}`)).status).toBe(404);
    // the catch-up of the new version's news names only version 1 to them
    const events = (await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=${seqBefore}`)).body.filter(
      (e) => e.type === 'document.changed' && e.payload.document.id === doc.id,
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) if (e.type === 'document.changed') expect(e.payload.document.currentVersion.id).toBe(v1.id);
    expect(JSON.stringify(events)).not.toContain(v2.id);
    const staffEvents = (await w.secretary.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=${seqBefore}`)).body;
    expect(JSON.stringify(staffEvents)).toContain(v2.id);
    // and they comment on it
    const paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${v1.id}/paragraphs`)).body;
    const p = paragraphs[1];
    const comment = await w.delegate.post<Comment>(`/documents/${doc.id}/comments`, {
      clientId: crypto.randomUUID(),
      anchor: { versionId: v1.id, paragraphId: p.id, quote: { exact: p.text.slice(0, 30) }, rects: p.rects },
      body: 'Đề nghị bổ sung tiến độ.',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.anchor.versionId).toBe(v1.id);
  });

  it('staff retry the failed version (it fails again on the same file); a ready one cannot be retried', async () => {
    const retried = await w.secretary.post<DocumentDetail>(`/documents/${doc.id}/versions/${v2.id}/retry`);
    expect(retried.status).toBe(200);
    expect(['pending', 'processing', 'failed']).toContain(retried.body.currentVersion.status);
    const again = await w.secretary.waitReady(doc.id);
    expect(again.currentVersion).toMatchObject({ id: v2.id, status: 'failed', failureCode: 'INGEST_FAILED' });
    const ready = await w.secretary.post<{ code?: string }>(`/documents/${doc.id}/versions/${v1.id}/retry`);
    expect({ status: ready.status, code: ready.body.code }).toEqual({ status: 409, code: 'VERSION_NOT_FAILED' });
  });

  it('staff delete the failed version; the only version left, and one holding a comment, are refused by code', async () => {
    const deleted = await w.secretary.delete<DocumentDetail>(`/documents/${doc.id}/versions/${v2.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.currentVersion.id).toBe(v1.id);
    expect(deleted.body.versions.map((v) => v.id)).toEqual([v1.id]);
    const only = await w.secretary.delete<{ code?: string }>(`/documents/${doc.id}/versions/${v1.id}`);
    expect({ status: only.status, code: only.body.code }).toEqual({ status: 409, code: 'VERSION_ONLY_ONE' });
    const commented = await w.secretary.delete<{ code?: string }>(`/documents/${doc.id}`);
    expect({ status: commented.status, code: commented.body.code }).toEqual({ status: 409, code: 'DOCUMENT_HAS_COMMENTS' });
    // a new ready version (numbered 2 again: the deleted one was never anyone's to read) takes the comment with it (re-anchored): it cannot be deleted
    const v3 = (await newVersion(doc.id, await pdfWithPages(2))).currentVersion;
    expect(v3).toMatchObject({ versionNo: 2, status: 'ready' });
    const withComment = await w.secretary.delete<{ code?: string }>(`/documents/${doc.id}/versions/${v3.id}`);
    expect({ status: withComment.status, code: withComment.body.code }).toEqual({ status: 409, code: 'VERSION_HAS_COMMENTS' });
    const log = (await w.secretary.get<AuditEntry[]>(`/meetings/${w.meeting.id}/audit`)).body;
    expect(log.filter((e) => e.targetId === doc.id).map((e) => e.action)).toEqual(expect.arrayContaining(['document.upload', 'document.version', 'document.versionRetry', 'document.versionDelete']));
    expect(log.find((e) => e.action === 'document.versionDelete' && e.targetId === doc.id)?.meta).toMatchObject({ versionId: v2.id, versionNo: 2, status: 'failed' });
  });

  it('a delegate cannot delete or retry (403); staff delete a document nobody commented on, its audit kept, its readers told', async () => {
    const other = await uploaded('xoa-di.pdf', await pdfWithPages(1));
    await w.secretary.waitReady(other.id);
    expect((await w.delegate.delete(`/documents/${other.id}`)).status).toBe(403);
    const { body: events } = await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=0`);
    const from = Math.max(0, ...events.map((e) => e.seq));
    expect((await w.secretary.delete(`/documents/${other.id}`)).status).toBe(204);
    expect((await w.delegate.get(`/documents/${other.id}`)).status).toBe(404);
    expect((await w.delegate.get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`)).body.map((d) => d.id)).not.toContain(other.id);
    const told = (await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=${from}`)).body.filter((e) => e.type === 'document.deleted');
    expect(told.map((e) => e.type === 'document.deleted' && e.payload.document.id)).toEqual([other.id]);
    const log = (await w.secretary.get<AuditEntry[]>(`/meetings/${w.meeting.id}/audit`)).body.filter((e) => e.targetId === other.id).map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['document.upload', 'document.delete']));
  });
});

describe('the upload check runs off the event loop', () => {
  it('the server answers /api/health while a 400-page upload is being checked', async () => {
    const big = await pdfWithPages(400);
    let answered = 0;
    let uploading = true;
    const upload = w.secretary.upload(w.meeting.id, [{ name: 'lon.pdf', data: big }]).finally(() => (uploading = false));
    const polling = (async () => {
      while (uploading) {
        const res = await fetch(`${server.url}/api/health`);
        if (res.status === 200 && uploading) answered++;
      }
    })();
    const res = await upload;
    await polling;
    expect(res.status).toBe(201);
    expect(answered).toBeGreaterThan(1);
  });
});
