import type { DocumentDetail, DocumentSummary, MeetingEvent, UploadResult } from '@hopso/shared';
import { pdfWithPages } from '../../fixtures';
import { buildMeetingWorld, type MeetingWorld } from './support/api';
import { catchup, joinedSocket, marker } from './support/live';
import { startServer, type TestServer } from './support/server';
import { waitForEvents } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
}, 120_000);
afterAll(() => server?.stop());

const docEvents = (events: MeetingEvent[], id: string) => events.filter((e) => e.type === 'document.changed' && e.payload.document.id === id);

async function uploadDraft(title: string): Promise<DocumentSummary> {
  const up = await w.secretary.upload(w.meeting.id, [{ name: `${title}.pdf`, data: await pdfWithPages(1) }], { state: '' });
  expect(up.status).toBe(201);
  return (up.body as UploadResult).documents[0];
}

describe('release per document', () => {
  it('makes a document uploaded into a published meeting a draft that no delegate reads by any path', async () => {
    const { socket } = await joinedSocket(w.delegate, w.meeting.id);
    const doc = await uploadDraft('du-thao-chua-phat-hanh');
    expect(doc.state).toBe('draft');
    await w.secretary.waitReady(doc.id);
    for (const who of ['delegate', 'observer'] as const) {
      const list = await w[who].get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`);
      expect(list.status).toBe(200);
      expect(list.body.map((d) => d.id)).not.toContain(doc.id);
      for (const path of [`/documents/${doc.id}`, `/documents/${doc.id}/file`, `/documents/${doc.id}/file?download=1`, `/documents/${doc.id}/comments`, `/documents/${doc.id}/annotations`]) {
        const res = await w[who].get<{ code: string }>(path);
        expect({ who, path, status: res.status, code: res.body.code }).toEqual({ who, path, status: 404, code: 'NOT_FOUND' });
      }
    }
    // the secretariat and the chair see it, marked as a draft
    for (const who of ['secretary', 'chair'] as const) {
      const list = (await w[who].get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`)).body;
      expect(list.find((d) => d.id === doc.id)?.state).toBe('draft');
    }
    // nothing of it live, nor in the catch-up or the REST event log
    await marker(w.chair, w.meeting.id, [w.agenda[0].id, w.agenda[2].id], [socket]);
    expect(docEvents(socket.received, doc.id)).toEqual([]);
    expect(docEvents(await catchup(socket, w.meeting.id, 0), doc.id)).toEqual([]);
    const log = await w.delegate.get<MeetingEvent[]>(`/meetings/${w.meeting.id}/events?after=0`);
    expect(docEvents(log.body, doc.id)).toEqual([]);
    socket.disconnect();
  });

  it('shows a released document to delegates at once, live and in the catch-up', async () => {
    const doc = await uploadDraft('to-trinh-phat-hanh');
    const { socket } = await joinedSocket(w.delegate, w.meeting.id);
    const released = await w.secretary.post<DocumentDetail>(`/documents/${doc.id}/release`, {});
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ state: 'released', releaseAt: null });
    const [event] = docEvents(await waitForEvents(socket, (es) => docEvents(es, doc.id).length > 0), doc.id);
    expect(event).toBeDefined();
    // the catch-up starts with the release: nothing of the draft time; an ingest that ends after the release may follow it
    const caught = docEvents(await catchup(socket, w.meeting.id, 0), doc.id);
    expect(caught[0].seq).toBe(event.seq);
    expect(caught.every((e) => e.type === 'document.changed' && e.payload.document.state === 'released')).toBe(true);
    expect(new Set(caught.map((e) => e.seq)).size).toBe(caught.length);
    expect((await w.delegate.get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`)).body.map((d) => d.id)).toContain(doc.id);
    expect((await w.delegate.get(`/documents/${doc.id}`)).status).toBe(200);
    await w.secretary.waitReady(doc.id);
    expect((await w.delegate.get(`/documents/${doc.id}/file?download=1`)).status).toBe(200);
    socket.disconnect();
  });

  it('keeps a document released for later from delegates until its own time', async () => {
    const doc = await uploadDraft('bao-cao-hen-gio');
    const later = new Date(Date.now() + 3600_000).toISOString();
    const res = await w.secretary.post<DocumentDetail>(`/documents/${doc.id}/release`, { releaseAt: later });
    expect(res.status).toBe(201);
    expect(res.body.releaseAt).toBe(later);
    expect((await w.delegate.get(`/documents/${doc.id}`)).status).toBe(404);
    expect((await w.delegate.get<DocumentSummary[]>(`/meetings/${w.meeting.id}/documents`)).body.map((d) => d.id)).not.toContain(doc.id);
    // moved to now: there
    await server.db.query('UPDATE documents SET release_at = now() - interval \'1 second\' WHERE id = $1', [doc.id]);
    expect((await w.delegate.get(`/documents/${doc.id}`)).status).toBe(200);
  });

  it('refuses a release time before the meeting, a malformed one, and a release by anyone but the staff', async () => {
    const doc = await uploadDraft('khong-hop-le');
    const before = await w.secretary.post<{ code: string; issues: { path: string }[] }>(`/documents/${doc.id}/release`, { releaseAt: new Date(Date.parse(w.meeting.releaseAt) - 3600_000).toISOString() });
    expect(before.status).toBe(400);
    expect(before.body.code).toBe('VALIDATION_FAILED');
    expect(before.body.issues.map((i) => i.path)).toEqual(['releaseAt']);
    expect((await w.secretary.post<{ code: string }>(`/documents/${doc.id}/release`, { releaseAt: 'ngày mai' })).status).toBe(400);
    for (const who of ['delegate', 'observer', 'outsider'] as const) {
      const res = await w[who].post<{ code: string }>(`/documents/${doc.id}/release`, {});
      expect({ who, status: res.status }).toEqual({ who, status: 404 });
    }
    const other = await buildMeetingWorld(server, { prefix: 'rel-other' });
    expect((await other.secretary.post(`/documents/${doc.id}/release`, {})).status).toBe(404);
    expect((await server.db.query<{ state: string }>('SELECT state FROM documents WHERE id = $1', [doc.id])).rows[0].state).toBe('draft');
  });

  it('makes a document uploaded into a meeting still in draft released with the meeting, and lets the upload say draft', async () => {
    const created = await w.secretary.post<{ id: string }>('/meetings', {
      councilId: w.council.id,
      title: 'Kỳ họp chuyên đề',
      startsAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
      releaseAt: new Date(Date.now() - 3600_000).toISOString(),
      commentDeadline: new Date(Date.now() + 40 * 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const def = await w.secretary.upload(created.body.id, [{ name: 'a.pdf', data: await pdfWithPages(1) }], { state: '' });
    expect((def.body as UploadResult).documents[0].state).toBe('released');
    const asked = await w.secretary.upload(created.body.id, [{ name: 'b.pdf', data: await pdfWithPages(1) }], { state: 'draft' });
    expect((asked.body as UploadResult).documents[0].state).toBe('draft');
    const bad = await w.secretary.upload(created.body.id, [{ name: 'c.pdf', data: await pdfWithPages(1) }], { state: 'public' });
    expect(bad.status).toBe(400);
  });
});
