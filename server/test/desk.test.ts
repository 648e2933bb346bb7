import crypto from 'node:crypto';
import JSZip from 'jszip';
import type { Comment, DocumentDetail, ParagraphCommentCount, Paragraph, UploadResult } from '@hopso/shared';
import { extractParagraphs } from '../src/documents/ingest/extract-paragraphs';
import { buildDraftResolutionPdf } from '../../fixtures';
import { buildMeetingWorld, type Api, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;
let doc: DocumentDetail;
let paragraphs: Paragraph[];

const CLAUSE_A = 'Hỗ trợ 50% kinh phí làm đường bê tông thôn Khuổi Luông.';
const CLAUSE_B = 'Ưu tiên bố trí vốn cho trường mầm non điểm bản Nà Xé.';

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  const pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết về đầu tư công',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Danh mục dự án', clauses: [CLAUSE_A, CLAUSE_B] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'dau-tu-cong.pdf', data: pdf }], { agendaItemId: w.agenda[1].id });
  doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
  expect((await comment(w.delegate, CLAUSE_B, 'Cần làm rõ nguồn vốn đối ứng của dân.')).body.paragraphLabel).toBe('Điều 1');
  await comment(w.delegate, CLAUSE_A, 'Đề nghị nâng mức hỗ trợ lên 70%.');
  await comment(w.delegateB, CLAUSE_A, 'Nhất trí với dự thảo.');
});
afterAll(() => server?.stop());

function comment(api: Api, clause: string, body: string) {
  const p = paragraphs.find((x) => x.text.includes(clause))!;
  return api.post<Comment>(`/documents/${doc.id}/comments`, {
    clientId: crypto.randomUUID(),
    anchor: { versionId: doc.currentVersion.id, paragraphId: p.id, quote: { exact: clause }, rects: p.rects },
    body,
  });
}

describe('the secretariat desk', () => {
  it('filters the feed by document, paragraph, status, delegate, agenda item and text', async () => {
    const feed = (q: string) => w.secretary.get<Comment[]>(`/meetings/${w.meeting.id}/comments${q}`).then((r) => r.body.map((c) => c.body));
    const pA = paragraphs.find((x) => x.text.includes(CLAUSE_A))!;
    expect(await feed('')).toHaveLength(3);
    const feedLabels = (await w.secretary.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.map((c) => c.paragraphLabel);
    expect(feedLabels).toEqual(['Điều 1', 'Điều 1', 'Điều 1']);
    expect((await feed(`?paragraphId=${pA.id}`)).sort()).toEqual(['Nhất trí với dự thảo.', 'Đề nghị nâng mức hỗ trợ lên 70%.']);
    expect(await feed(`?authorId=${w.ids.delegateB}`)).toEqual(['Nhất trí với dự thảo.']);
    expect(await feed(`?q=${encodeURIComponent('vốn đối ứng')}`)).toEqual(['Cần làm rõ nguồn vốn đối ứng của dân.']);
    expect(await feed(`?agendaItemId=${w.agenda[0].id}`)).toEqual([]);
    expect(await feed(`?agendaItemId=${w.agenda[1].id}&documentId=${doc.id}`)).toHaveLength(3);
    expect(await feed('?status=accepted')).toEqual([]);
    expect((await w.secretary.get(`/meetings/${w.meeting.id}/comments?status=maybe`)).status).toBe(400);
    // a delegate's feed is their own, whatever the filter
    expect((await w.delegateB.get<Comment[]>(`/meetings/${w.meeting.id}/comments?authorId=${w.ids.delegate}`)).body).toEqual([]);
  });

  it('searches without diacritics or case, as the viewer does ("du phong" finds "dự phòng")', async () => {
    const feed = (q: string) => w.secretary.get<Comment[]>(`/meetings/${w.meeting.id}/comments?q=${encodeURIComponent(q)}`).then((r) => r.body.map((c) => c.body));
    expect(await feed('von doi ung')).toEqual(['Cần làm rõ nguồn vốn đối ứng của dân.']);
    expect(await feed('VỐN ĐỐI ỨNG')).toEqual(['Cần làm rõ nguồn vốn đối ứng của dân.']);
    expect(await feed('de nghi nang muc')).toEqual(['Đề nghị nâng mức hỗ trợ lên 70%.']);
    // the quote, the author's name and the document's title are searched too
    expect((await feed('khuoi luong')).sort()).toEqual(['Nhất trí với dự thảo.', 'Đề nghị nâng mức hỗ trợ lên 70%.']);
    expect(await feed('100%_')).toEqual([]);
    // a delegate's search stays within their own comments
    expect((await w.delegateB.get<Comment[]>(`/meetings/${w.meeting.id}/comments?q=khuoi%20luong`)).body.map((c) => c.body)).toEqual(['Nhất trí với dự thảo.']);
  });

  it('counts comments per paragraph for the heat strip, for staff only', async () => {
    const counts = (await w.chair.get<ParagraphCommentCount[]>(`/documents/${doc.id}/comment-counts`)).body;
    expect(counts).toHaveLength(paragraphs.length);
    const byText = (clause: string) => counts.find((c) => c.paragraphId === paragraphs.find((p) => p.text.includes(clause))!.id)!.count;
    expect([byText(CLAUSE_A), byText(CLAUSE_B)]).toEqual([2, 1]);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(3);
    expect(counts.find((c) => c.count === 2)!.label).toBe('Điều 1');
    expect((await w.delegate.get(`/documents/${doc.id}/comment-counts`)).status).toBe(403);
  });
});

describe('the synthesis report (báo cáo tổng hợp ý kiến)', () => {
  it('lists comments by paragraph in document order, as CSV', async () => {
    const res = await w.secretary.get<string>(`/documents/${doc.id}/report?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Đoạn số,Trang,Vị trí,Trích dẫn,Đại biểu,Đơn vị,Ý kiến,Trạng thái,Trả lời,Thời gian');
    expect(lines).toHaveLength(4);
    // clause A comes before clause B in the document, so its two comments come first
    expect(lines[1]).toContain(CLAUSE_A);
    // the paragraph is named by its place in the resolution, from the ingest's structure label
    expect(lines[1]).toMatch(/^\d+,1,Điều 1,/u);
    expect(lines[2]).toContain(CLAUSE_A);
    expect(lines[3]).toContain('Cần làm rõ nguồn vốn đối ứng của dân.');
    expect(lines[3]).toContain('Đã gửi');
  });

  it('is a Word document with the Vietnamese text intact', async () => {
    const res = await fetch(`${server.url}/api/documents/${doc.id}/report?format=docx`, { headers: { authorization: `Bearer ${w.secretary.token}` } });
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of ['BÁO CÁO', 'Tổng hợp ý kiến đại biểu về', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Đề nghị nâng mức hỗ trợ lên 70%.', 'Cần làm rõ nguồn vốn đối ứng của dân.', 'Người dùng w-delegate']) {
      expect(xml).toContain(text);
    }
  });

  it('is a PDF whose text reads back with its diacritics', async () => {
    const res = await fetch(`${server.url}/api/documents/${doc.id}/report?format=pdf`, { headers: { authorization: `Bearer ${w.secretary.token}` } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractParagraphs(new Uint8Array(await res.arrayBuffer()))).map((p) => p.text).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Cần làm rõ nguồn vốn đối ứng của dân.');
    expect(text.indexOf('Đề nghị nâng mức hỗ trợ lên 70%.')).toBeLessThan(text.indexOf('Cần làm rõ nguồn vốn đối ứng của dân.'));
  });

  it('is for the secretariat and the chair only, and refuses an unknown format', async () => {
    expect((await w.delegate.get(`/documents/${doc.id}/report?format=csv`)).status).toBe(403);
    expect((await w.outsider.get(`/documents/${doc.id}/report?format=csv`)).status).toBe(404);
    const bad = await w.secretary.get<{ message: string }>(`/documents/${doc.id}/report?format=xls`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/csv, docx or pdf/);
  });
});
