import crypto from 'node:crypto';
import type { Anchor, Annotation, Comment, DocumentDetail, Paragraph, ReadReceipt, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, blobOf, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;
let doc: DocumentDetail;
let paragraphs: Paragraph[];

const CLAUSES = {
  revenue: 'Tổng thu ngân sách nhà nước trên địa bàn xã là 12.500 triệu đồng, tăng 8% so với năm trước.',
  spending: 'Tổng chi ngân sách xã là 11.800 triệu đồng.',
  investment: 'Chi đầu tư phát triển là 3.200 triệu đồng cho đường giao thông thôn Nà Pồng.',
  recurrent: 'Chi thường xuyên là 8.600 triệu đồng, trong đó chi sự nghiệp giáo dục là 2.100 triệu đồng.',
  implement: 'Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.',
  supervise: 'Thường trực Hội đồng nhân dân xã, các Ban và đại biểu giám sát việc thực hiện Nghị quyết.',
};

const draft = (revised: boolean) =>
  buildDraftResolutionPdf({
    title: 'Nghị quyết về dự toán ngân sách xã năm 2027',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [
      {
        heading: 'Điều 1. Dự toán ngân sách',
        clauses: revised
          ? ['Tổng thu ngân sách nhà nước trên địa bàn xã là 12.800 triệu đồng, tăng 9% so với năm trước.', CLAUSES.spending]
          : [CLAUSES.revenue, CLAUSES.spending],
      },
      { heading: 'Điều 2. Phân bổ dự toán', clauses: revised ? [CLAUSES.recurrent] : [CLAUSES.investment, CLAUSES.recurrent] },
      { heading: 'Điều 3. Tổ chức thực hiện', clauses: revised ? [CLAUSES.supervise, CLAUSES.implement] : [CLAUSES.implement, CLAUSES.supervise] },
    ],
  });

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'du-toan.pdf', data: await draft(false) }]);
  doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  paragraphs = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
});
afterAll(() => server?.stop());

function paragraphWith(text: string, list = paragraphs): Paragraph {
  const p = list.find((x) => x.text.includes(text));
  if (!p) throw new Error(`no paragraph contains "${text}"`);
  return p;
}

function anchorOn(text: string, overrides: Partial<Anchor> = {}): Anchor {
  const p = paragraphWith(text);
  return { versionId: doc.currentVersion.id, paragraphId: p.id, quote: { exact: text, prefix: '', suffix: '' }, rects: p.rects, ...overrides };
}

const newId = () => crypto.randomUUID();
const highlight = (api: Api, text: string, note = '') =>
  api.post<Annotation>(`/documents/${doc.id}/annotations`, { clientId: newId(), anchor: anchorOn(text), color: 'green', note });
const comment = (api: Api, text: string, body: string) => api.post<Comment>(`/documents/${doc.id}/comments`, { clientId: newId(), anchor: anchorOn(text), body });

describe('private annotations', () => {
  const SECRET = 'Ghi chú riêng: hỏi lại nguồn thu 12.500 triệu';
  let mine: Annotation;

  beforeAll(async () => {
    const res = await highlight(w.delegate, CLAUSES.revenue, SECRET);
    expect(res.status).toBe(201);
    mine = res.body;
  });

  it('gives the author back their highlight and note', async () => {
    const list = (await w.delegate.get<Annotation[]>(`/documents/${doc.id}/annotations`)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: mine.id, note: SECRET, color: 'green', anchor: { quote: { exact: CLAUSES.revenue }, detached: false } });
  });

  it.each(['delegateB', 'observer', 'secretary', 'chair'] as const)("hides a delegate's notes from the %s", async (who) => {
    const list = await w[who].get<Annotation[]>(`/documents/${doc.id}/annotations`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    expect((await w[who].patch(`/annotations/${mine.id}`, { note: 'sửa trộm' })).status).toBe(404);
    expect((await w[who].delete(`/annotations/${mine.id}`)).status).toBe(404);
  });

  it.each(['admin', 'outsider'] as const)('gives the %s nothing at all', async (who) => {
    expect((await w[who].get(`/documents/${doc.id}/annotations`)).status).toBe(404);
    expect((await w[who].patch(`/annotations/${mine.id}`, { note: 'x' })).status).toBe(404);
  });

  it('leaks the note through no endpoint the secretariat or an administrator can read', async () => {
    const paths = [
      `/meetings/${w.meeting.id}`,
      `/meetings/${w.meeting.id}/audit`,
      `/meetings/${w.meeting.id}/comments`,
      `/meetings/${w.meeting.id}/participants`,
      `/meetings/${w.meeting.id}/documents`,
      `/documents/${doc.id}`,
      `/documents/${doc.id}/comments`,
      `/documents/${doc.id}/read-receipts`,
      `/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`,
      '/meetings',
      '/users',
    ];
    for (const api of [w.secretary, w.chair, w.admin]) {
      for (const path of paths) {
        const body = JSON.stringify((await api.get(path)).body);
        expect({ path, leaks: body.includes(SECRET) || body.includes(mine.id) }).toEqual({ path, leaks: false });
      }
    }
  });

  it('lets the author edit and delete', async () => {
    const extra = (await highlight(w.delegate, CLAUSES.spending)).body;
    const edited = await w.delegate.patch<Annotation>(`/annotations/${extra.id}`, { color: 'pink', note: 'Đã xem' });
    expect(edited.body).toMatchObject({ color: 'pink', note: 'Đã xem' });
    expect((await w.delegate.delete(`/annotations/${extra.id}`)).status).toBe(204);
    expect((await w.delegate.get<Annotation[]>(`/documents/${doc.id}/annotations`)).body.map((a) => a.id)).toEqual([mine.id]);
  });

  it('stores a retried annotation once', async () => {
    const body = { clientId: newId(), anchor: anchorOn(CLAUSES.implement), color: 'yellow', note: 'lần 1' };
    const first = await w.delegateB.post<Annotation>(`/documents/${doc.id}/annotations`, body);
    const retry = await w.delegateB.post<Annotation>(`/documents/${doc.id}/annotations`, body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    const { rows } = await server.db.query('SELECT count(*)::int AS n FROM annotations WHERE client_id = $1', [body.clientId]);
    expect(rows[0].n).toBe(1);
  });
});

describe('malformed anchors', () => {
  const post = (anchor: unknown) => w.delegate.post<{ code: string; message: string }>(`/documents/${doc.id}/annotations`, { clientId: newId(), anchor, color: 'yellow' });

  it('refuses rects off the page', async () => {
    const p = paragraphWith(CLAUSES.spending);
    const res = await post(anchorOn(CLAUSES.spending, { rects: [{ ...p.rects[0], x: 5000 }] }));
    expect([res.status, res.body.code]).toEqual([422, 'INVALID_ANCHOR']);
    const missingPage = await post(anchorOn(CLAUSES.spending, { rects: [{ ...p.rects[0], page: 99 }] }));
    expect([missingPage.status, missingPage.body.code]).toEqual([422, 'INVALID_ANCHOR']);
  });

  it('refuses a paragraph or version of another document', async () => {
    const other = await w.secretary.upload(w.meeting.id, [{ name: 'khac.pdf', data: await draft(true) }]);
    const otherDoc = await w.secretary.waitReady((other.body as UploadResult).documents[0].id);
    const otherParas = (await w.delegate.get<Paragraph[]>(`/documents/${otherDoc.id}/versions/${otherDoc.currentVersion.id}/paragraphs`)).body;
    const foreign = paragraphWith(CLAUSES.spending, otherParas);
    const wrongParagraph = await post(anchorOn(CLAUSES.spending, { paragraphId: foreign.id }));
    expect([wrongParagraph.status, wrongParagraph.body.code]).toEqual([422, 'INVALID_ANCHOR']);
    const wrongVersion = await post(anchorOn(CLAUSES.spending, { versionId: otherDoc.currentVersion.id, paragraphId: foreign.id }));
    expect([wrongVersion.status, wrongVersion.body.code]).toEqual([422, 'INVALID_ANCHOR']);
  });

  it('refuses an empty quote, a quote from elsewhere and a shapeless anchor', async () => {
    const empty = await post(anchorOn(CLAUSES.spending, { quote: { exact: '   ', prefix: '', suffix: '' } }));
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const elsewhere = await post(anchorOn(CLAUSES.spending, { quote: { exact: 'một câu không có trong văn bản', prefix: '', suffix: '' } }));
    expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'INVALID_ANCHOR']);
    expect((await post({ versionId: 'x' })).status).toBe(400);
    expect((await post(anchorOn(CLAUSES.spending, { rects: [] }))).status).toBe(400);
    const { rows } = await server.db.query('SELECT count(*)::int AS n FROM annotations WHERE author_id = $1', [w.ids.delegate]);
    expect(rows[0].n).toBe(1);
  });
});

describe('comments to the secretariat', () => {
  let sent: Comment;
  beforeAll(async () => {
    const res = await comment(w.delegate, CLAUSES.investment, 'Đề nghị làm rõ tuyến đường được đầu tư.');
    expect(res.status).toBe(201);
    sent = res.body;
  });

  it('reaches the secretariat and the chair, not the other delegates', async () => {
    for (const staff of [w.secretary, w.chair]) {
      expect((await staff.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.map((c) => c.id)).toContain(sent.id);
      expect((await staff.get<Comment[]>(`/documents/${doc.id}/comments`)).body.map((c) => c.id)).toContain(sent.id);
    }
    expect((await w.delegateB.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.map((c) => c.id)).not.toContain(sent.id);
    expect((await w.delegateB.get<Comment[]>(`/documents/${doc.id}/comments`)).body.map((c) => c.id)).not.toContain(sent.id);
    expect((await w.delegateB.patch(`/comments/${sent.id}`, { status: 'declined' })).status).toBe(404);
    expect((await w.outsider.get(`/documents/${doc.id}/comments`)).status).toBe(404);
  });

  it('shows the delegate their own comment with its status and reply', async () => {
    const triaged = await w.secretary.patch<Comment>(`/comments/${sent.id}`, { status: 'accepted', reply: 'Tổ thư ký đã tiếp thu.' });
    expect(triaged.status).toBe(200);
    const mine = (await w.delegate.get<Comment[]>(`/documents/${doc.id}/comments`)).body;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: sent.id, status: 'accepted', reply: 'Tổ thư ký đã tiếp thu.', authorName: 'Người dùng w-delegate' });
  });

  it('does not let staff send comments as delegates, nor delegates triage', async () => {
    expect((await comment(w.secretary, CLAUSES.spending, 'x')).status).toBe(403);
    expect((await w.delegate.patch(`/comments/${sent.id}`, { status: 'accepted' })).status).toBe(404);
    expect((await w.secretary.patch(`/comments/${sent.id}`, { status: 'maybe' })).status).toBe(400);
  });

  it('stores a retried comment once', async () => {
    const body = { clientId: newId(), anchor: anchorOn(CLAUSES.spending), body: 'Gửi lại do mất sóng' };
    const first = await w.delegateB.post<Comment>(`/documents/${doc.id}/comments`, body);
    const retry = await w.delegateB.post<Comment>(`/documents/${doc.id}/comments`, body);
    expect([first.status, retry.status, retry.body.id]).toEqual([201, 200, first.body.id]);
  });

  it('takes comments only until the deadline, and says so', async () => {
    const late = await buildMeetingWorld(server, { prefix: 'late' });
    const up = await late.secretary.upload(late.meeting.id, [{ name: 'muon.pdf', data: await draft(false) }]);
    const lateDoc = await late.secretary.waitReady((up.body as UploadResult).documents[0].id);
    const paras = (await late.delegate.get<Paragraph[]>(`/documents/${lateDoc.id}/versions/${lateDoc.currentVersion.id}/paragraphs`)).body;
    const p = paragraphWith(CLAUSES.spending, paras);
    const body = { clientId: newId(), anchor: { versionId: lateDoc.currentVersion.id, paragraphId: p.id, quote: { exact: CLAUSES.spending }, rects: p.rects }, body: 'Kịp hạn' };
    expect((await late.delegate.post(`/documents/${lateDoc.id}/comments`, body)).status).toBe(201);
    await late.secretary.patch(`/meetings/${late.meeting.id}`, { releaseAt: new Date(Date.now() - 7200_000).toISOString(), commentDeadline: new Date(Date.now() - 60_000).toISOString() });
    const refused = await late.delegate.post<{ code: string; message: string }>(`/documents/${lateDoc.id}/comments`, { ...body, clientId: newId() });
    expect([refused.status, refused.body.code]).toEqual([403, 'COMMENTS_CLOSED']);
    expect(refused.body.message).toMatch(/deadline passed/);
    // the retry of a comment sent in time is still answered with the stored comment
    expect((await late.delegate.post(`/documents/${lateDoc.id}/comments`, body)).status).toBe(200);
  });

  it('takes no comments before the documents are released', async () => {
    const early = await buildMeetingWorld(server, { prefix: 'early', released: false });
    const up = await early.secretary.upload(early.meeting.id, [{ name: 'som.pdf', data: await draft(false) }]);
    const earlyDoc = await early.secretary.waitReady((up.body as UploadResult).documents[0].id);
    const res = await early.delegate.post<{ code: string }>(`/documents/${earlyDoc.id}/comments`, {
      clientId: newId(),
      anchor: { versionId: earlyDoc.currentVersion.id, paragraphId: crypto.randomUUID(), quote: { exact: 'x' }, rects: [{ page: 1, x: 1, y: 1, w: 1, h: 1 }] },
      body: 'Quá sớm',
    });
    expect([res.status, res.body.code]).toEqual([403, 'NOT_RELEASED']);
  });
});

describe('read receipts', () => {
  it('tell the secretariat which delegates opened the document, and tell delegates nothing', async () => {
    await w.delegateB.get(`/documents/${doc.id}/file`);
    const receipts = (await w.secretary.get<ReadReceipt[]>(`/documents/${doc.id}/read-receipts`)).body;
    const b = receipts.find((r) => r.userId === w.ids.delegateB)!;
    expect(b.views).toBeGreaterThanOrEqual(1);
    expect(b.firstOpenedAt).not.toBeNull();
    expect(receipts.find((r) => r.userId === w.ids.delegate)).toMatchObject({ views: 0, firstOpenedAt: null });
    expect((await w.delegate.get(`/documents/${doc.id}/read-receipts`)).status).toBe(403);
  });
});

describe('a new version keeps its comments and annotations', () => {
  it('re-anchors moved and edited text, and keeps what was deleted as detached', async () => {
    const moved = (await highlight(w.delegateB, CLAUSES.supervise, 'đoạn sẽ bị chuyển')).body;
    const edited = (await highlight(w.delegateB, CLAUSES.revenue, 'câu sẽ bị sửa')).body;
    const deleted = (await comment(w.delegateB, CLAUSES.investment, 'khoản sẽ bị xóa')).body;
    const kept = (await comment(w.delegateB, CLAUSES.recurrent, 'khoản giữ nguyên')).body;

    const form = new FormData();
    form.append('files', blobOf(await draft(true), 'application/pdf'), 'du-toan-v2.pdf');
    const v2 = await w.secretary.request<DocumentDetail>('POST', `/documents/${doc.id}/versions`, form);
    expect(v2.status).toBe(201);
    const ready = await w.secretary.waitReady(doc.id);
    expect(ready.currentVersion.versionNo).toBe(2);
    const newParas = (await w.delegateB.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;

    const annotations = (await w.delegateB.get<Annotation[]>(`/documents/${doc.id}/annotations`)).body;
    const movedNow = annotations.find((a) => a.id === moved.id)!;
    expect(movedNow.anchor).toMatchObject({ versionId: ready.currentVersion.id, detached: false, quote: { exact: CLAUSES.supervise } });
    expect(movedNow.anchor.paragraphId).toBe(paragraphWith(CLAUSES.supervise, newParas).id);
    expect(paragraphWith(CLAUSES.supervise, newParas).index).toBeLessThan(paragraphWith(CLAUSES.implement, newParas).index);

    const editedNow = annotations.find((a) => a.id === edited.id)!;
    expect(editedNow.anchor.detached).toBe(false);
    expect(editedNow.anchor.versionId).toBe(ready.currentVersion.id);
    expect(editedNow.anchor.quote.exact).toContain('12.800 triệu đồng');
    expect(editedNow.note).toBe('câu sẽ bị sửa');

    const comments = (await w.delegateB.get<Comment[]>(`/documents/${doc.id}/comments`)).body;
    const deletedNow = comments.find((c) => c.id === deleted.id)!;
    expect(deletedNow.anchor).toMatchObject({ detached: true, quote: { exact: CLAUSES.investment } });
    expect(deletedNow.body).toBe('khoản sẽ bị xóa');
    expect(comments.find((c) => c.id === kept.id)!.anchor).toMatchObject({ detached: false, versionId: ready.currentVersion.id });
    // the secretariat sees the detached comment too
    expect((await w.secretary.get<Comment[]>(`/documents/${doc.id}/comments`)).body.find((c) => c.id === deleted.id)?.anchor.detached).toBe(true);
  });

  // after the test above: version 2 is out, and anchorOn() still points into version 1
  it('moves what was written on the old version offline, and arrives after the new one, to the new version', async () => {
    const v2 = (await w.delegateB.get<DocumentDetail>(`/documents/${doc.id}`)).body.currentVersion;
    expect(v2.versionNo).toBe(2);
    const newParas = (await w.delegateB.get<Paragraph[]>(`/documents/${doc.id}/versions/${v2.id}/paragraphs`)).body;

    const noteOnOld = { clientId: newId(), anchor: anchorOn(CLAUSES.supervise), color: 'yellow', note: 'viết khi mất sóng' };
    const note = await w.delegateB.post<Annotation>(`/documents/${doc.id}/annotations`, noteOnOld);
    expect(note.status).toBe(201);
    expect(note.body.anchor).toMatchObject({ versionId: v2.id, paragraphId: paragraphWith(CLAUSES.supervise, newParas).id, detached: false, quote: { exact: CLAUSES.supervise } });
    // the outbox sends it again (its answer was lost): the same stored note
    const replay = await w.delegateB.post<Annotation>(`/documents/${doc.id}/annotations`, noteOnOld);
    expect([replay.status, replay.body.id, replay.body.anchor.versionId]).toEqual([200, note.body.id, v2.id]);

    const kept = await w.delegateB.post<Comment>(`/documents/${doc.id}/comments`, { clientId: newId(), anchor: anchorOn(CLAUSES.recurrent), body: 'góp ý viết tối qua' });
    expect(kept.status).toBe(201);
    expect(kept.body.anchor).toMatchObject({ versionId: v2.id, detached: false });
    expect(kept.body.paragraphIndex).toBe(paragraphWith(CLAUSES.recurrent, newParas).index);

    // a clause the new version deleted: the comment is kept, on the old version, detached
    const gone = await w.delegateB.post<Comment>(`/documents/${doc.id}/comments`, { clientId: newId(), anchor: anchorOn(CLAUSES.investment), body: 'khoản đã bị xóa' });
    expect(gone.status).toBe(201);
    expect(gone.body.anchor).toMatchObject({ versionId: paragraphs[0].versionId, detached: true, quote: { exact: CLAUSES.investment } });

    const stored = (await w.secretary.get<Comment[]>(`/documents/${doc.id}/comments`)).body;
    expect(stored.find((c) => c.id === kept.body.id)?.anchor.versionId).toBe(v2.id);
    expect(stored.find((c) => c.id === gone.body.id)?.anchor.detached).toBe(true);
  });
});
