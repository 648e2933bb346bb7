import crypto from 'node:crypto';
import type { Annotation, Comment, DocumentDetail, Paragraph, UpdateAnnotationResponse, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;
let doc: DocumentDetail;
let paragraph: Paragraph;
const HOUR = 3600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  const pdf = await buildDraftResolutionPdf({ title: 'Nghị quyết đọc ngoại tuyến', councilName: 'HĐND xã Thử Nghiệm', articles: [{ heading: 'Điều 1. Nội dung', clauses: ['Khoản đọc khi không có mạng.'] }] });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'ngoai-tuyen.pdf', data: pdf }]);
  doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  paragraph = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body.find((p) => p.text.includes('Khoản đọc'))!;
});
afterAll(() => server?.stop());

const anchor = () => ({ versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects });
const setTimes = (times: { releaseAt: string; commentDeadline: string; startsAt: string }) => w.secretary.patch(`/meetings/${w.meeting.id}`, times);
const lateComment = (writtenAt: string) =>
  w.delegate.post<Comment & { code: string; message: string }>(`/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor: anchor(), body: 'Viết khi mất sóng', writtenAt });

describe('replaying an outbox', () => {
  it('changes nothing the second time', async () => {
    await setTimes({ releaseAt: iso(-2 * HOUR), commentDeadline: iso(10 * HOUR), startsAt: iso(24 * HOUR) });
    const outbox = [
      { path: `/documents/${doc.id}/annotations`, body: { clientId: crypto.randomUUID(), anchor: anchor(), color: 'yellow', note: '' } },
      { path: `/documents/${doc.id}/annotations`, body: { clientId: crypto.randomUUID(), anchor: anchor(), color: 'blue', note: 'Ghi chú lúc không có mạng' } },
      { path: `/documents/${doc.id}/comments`, body: { clientId: crypto.randomUUID(), anchor: anchor(), body: 'Góp ý lúc không có mạng', writtenAt: iso(-HOUR) } },
    ];
    const count = async () => (await server.db.query('SELECT (SELECT count(*) FROM annotations)::int AS a, (SELECT count(*) FROM comments)::int AS c')).rows[0];
    const first = [];
    for (const item of outbox) first.push((await w.delegate.post<{ id: string }>(item.path, item.body)));
    const after = await count();
    const second = [];
    for (const item of outbox) second.push((await w.delegate.post<{ id: string }>(item.path, item.body)));
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(second.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(second.map((r) => r.body.id)).toEqual(first.map((r) => r.body.id));
    expect(await count()).toEqual(after);
    expect(after).toEqual({ a: 2, c: 1 });
  });
});

describe('a comment written offline before the deadline', () => {
  it('is accepted when it arrives within the grace period, keeping when it was written', async () => {
    await setTimes({ releaseAt: iso(-5 * HOUR), commentDeadline: iso(-HOUR), startsAt: iso(24 * HOUR) });
    const writtenAt = iso(-2 * HOUR);
    const res = await lateComment(writtenAt);
    expect(res.status).toBe(201);
    expect(res.body.writtenAt).toBe(writtenAt);
  });

  it('is refused, saying why, when it was written after the deadline', async () => {
    const res = await lateComment(iso(-30 * 60_000));
    expect([res.status, res.body.code]).toEqual([403, 'COMMENTS_CLOSED']);
    expect(res.body.message).toMatch(/deadline passed/);
  });

  it('is refused when it arrives more than 12 hours after the deadline', async () => {
    await setTimes({ releaseAt: iso(-30 * HOUR), commentDeadline: iso(-13 * HOUR), startsAt: iso(24 * HOUR) });
    const res = await lateComment(iso(-14 * HOUR));
    expect([res.status, res.body.code]).toEqual([403, 'COMMENTS_CLOSED']);
    expect(res.body.message).toMatch(/arrived too late.*12 hours/);
  });

  it('is refused once the meeting has started, even within 12 hours', async () => {
    await setTimes({ releaseAt: iso(-5 * HOUR), commentDeadline: iso(-HOUR), startsAt: iso(-10 * 60_000) });
    const res = await lateComment(iso(-2 * HOUR));
    expect([res.status, res.body.code]).toEqual([403, 'COMMENTS_CLOSED']);
  });

  it('refuses an impossible writing time', async () => {
    await setTimes({ releaseAt: iso(-5 * HOUR), commentDeadline: iso(HOUR), startsAt: iso(24 * HOUR) });
    expect((await lateComment(iso(2 * HOUR))).status).toBe(400);
    expect((await lateComment(iso(-6 * HOUR))).status).toBe(400);
    expect((await lateComment('yesterday')).status).toBe(400);
  });
});

describe('an annotation edited on two devices', () => {
  it('keeps the later edit and the other as a conflict copy, whichever arrives last', async () => {
    await setTimes({ releaseAt: iso(-2 * HOUR), commentDeadline: iso(10 * HOUR), startsAt: iso(24 * HOUR) });
    const created = (await w.delegateB.post<Annotation>(`/documents/${doc.id}/annotations`, { clientId: crypto.randomUUID(), anchor: anchor(), color: 'yellow', note: 'gốc' })).body;
    const base = created.updatedAt;
    // the tablet, online, edits at 10:05
    const tabletEdit = { note: 'sửa trên máy tính bảng', editedAt: iso(-5 * 60_000), baseUpdatedAt: base };
    const tablet = await w.delegateB.patch<UpdateAnnotationResponse>(`/annotations/${created.id}`, tabletEdit);
    expect(tablet.body.conflictCopy).toBeNull();
    // its answer was lost and the outbox sends it again: nothing changes, no conflict
    const replay = await w.delegateB.patch<UpdateAnnotationResponse>(`/annotations/${created.id}`, tabletEdit);
    expect(replay.body).toMatchObject({ note: 'sửa trên máy tính bảng', conflictCopy: null });
    // the phone edited offline at 10:00 from the same base, and arrives now: the tablet's later edit wins
    const phone = await w.delegateB.patch<UpdateAnnotationResponse>(`/annotations/${created.id}`, { note: 'sửa trên điện thoại', editedAt: iso(-10 * 60_000), baseUpdatedAt: base });
    expect(phone.body.note).toBe('sửa trên máy tính bảng');
    expect(phone.body.conflictCopy).toMatchObject({ note: 'sửa trên điện thoại', conflictOf: created.id });
    // an offline edit made later than what is stored wins, and the stored one becomes the copy
    const later = await w.delegateB.patch<UpdateAnnotationResponse>(`/annotations/${created.id}`, { note: 'sửa muộn nhất', color: 'pink', editedAt: iso(-60_000), baseUpdatedAt: base });
    expect(later.body).toMatchObject({ note: 'sửa muộn nhất', color: 'pink' });
    expect(later.body.conflictCopy).toMatchObject({ note: 'sửa trên máy tính bảng', conflictOf: created.id });
    const all = (await w.delegateB.get<Annotation[]>(`/documents/${doc.id}/annotations`)).body;
    expect(all.filter((a) => a.conflictOf === created.id).map((a) => a.note).sort()).toEqual(['sửa trên máy tính bảng', 'sửa trên điện thoại']);
    // an edit from the current state is no conflict
    const fresh = await w.delegateB.patch<UpdateAnnotationResponse>(`/annotations/${created.id}`, { note: 'gộp lại', baseUpdatedAt: later.body.updatedAt });
    expect(fresh.body.conflictCopy).toBeNull();
    // and nobody else sees any of it
    expect((await w.secretary.get<Annotation[]>(`/documents/${doc.id}/annotations`)).body).toEqual([]);
  });
});
