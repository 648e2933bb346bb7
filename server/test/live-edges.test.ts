import type { DisplayLink, DocumentSummary, MeetingEvent, UploadResult } from '@hopso/shared';
import { buildLongPdf } from '../../fixtures';
import { buildMeetingWorld, type MeetingWorld } from './support/api';
import { joinedSocket, marker } from './support/live';
import { startServer, type TestServer } from './support/server';
import { call, waitForEvents, type TestSocket } from './support/sockets';

/** Changes a screen shows that are events too: display links, ingest progress; and socket payloads held to the HTTP rules. */
let server: TestServer;
let w: MeetingWorld;
let staff: TestSocket;
let delegate: TestSocket;
let longPdf: Buffer;

const ofType = <T extends MeetingEvent['type']>(events: MeetingEvent[], type: T) => events.filter((e): e is Extract<MeetingEvent, { type: T }> => e.type === type);

beforeAll(async () => {
  longPdf = await buildLongPdf(300);
  server = await startServer();
  w = await buildMeetingWorld(server);
  staff = (await joinedSocket(w.secretary, w.meeting.id)).socket;
  delegate = (await joinedSocket(w.delegate, w.meeting.id)).socket;
});
afterAll(async () => {
  staff?.disconnect();
  delegate?.disconnect();
  await server?.stop();
});

it('tells the staff, and only the staff, when a hall display link is created or revoked', async () => {
  const link = (await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV hội trường' })).body;
  await waitForEvents(staff, (es) => ofType(es, 'displayLinks.changed').length === 1);
  expect((await w.secretary.delete(`/display-links/${link.id}`)).status).toBeLessThan(300);
  await waitForEvents(staff, (es) => ofType(es, 'displayLinks.changed').length === 2);
  // the positive signal: a later event the delegate must get, so anything before it has arrived
  await marker(w.chair, w.meeting.id, w.agenda.map((a) => a.id), [delegate]);
  expect(ofType(delegate.received, 'displayLinks.changed')).toEqual([]);
  expect(JSON.stringify(staff.received)).not.toContain('token');
});

it('sends the ingest progress of a document as it is made, before it is ready', async () => {
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'bao-cao-dai.pdf', data: longPdf }]);
  expect(up.status).toBe(201);
  const doc: DocumentSummary = (up.body as UploadResult).documents[0];
  const isReady = (e: MeetingEvent) => e.type === 'document.changed' && e.payload.document.id === doc.id && e.payload.document.currentVersion.status === 'ready';
  const events = await waitForEvents(staff, (es) => es.some(isReady), 120_000);
  const progress = ofType(events, 'document.changed')
    .filter((e) => e.payload.document.id === doc.id && e.payload.document.currentVersion.status === 'processing')
    .map((e) => e.payload.document.currentVersion.progress);
  expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
  // never backwards, as the screen shows it
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
});

it('refuses a NUL character in a socket payload as over HTTP, with its own code', async () => {
  const res = await call(staff, 'meeting:join', { meetingId: `${w.meeting.id}\u0000` });
  expect(res).toMatchObject({ ok: false, error: { code: 'NUL_CHARACTER' } });
  const ballot = await call(delegate, 'vote:cast', { voteId: w.meeting.id, clientId: 'a\u0000b', choice: 'yes' });
  expect(ballot).toMatchObject({ ok: false, error: { code: 'NUL_CHARACTER' } });
});
