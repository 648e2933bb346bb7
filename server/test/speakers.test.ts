import crypto from 'node:crypto';
import { remainingSeconds, type ApiErrorBody, type JoinedMeeting, type MeetingEvent, type Paragraph, type SpeakersList, type SpeechRecord, type UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { addDelegates, addOfficial, hallToken } from './support/session-day';
import { call, connectSocket, socketFor, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
let paragraph: Paragraph;
let documentId: string;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'khac' });
  const pdf = await buildDraftResolutionPdf({
    title: 'Nghị quyết thử phát biểu',
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Nội dung', clauses: ['Khoản để đại biểu phát biểu.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'phat-bieu.pdf', data: pdf }]);
  const doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  documentId = doc.id;
  paragraph = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body[0];
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const item = (i: number, world = w) => `/meetings/${world.meeting.id}/agenda/${world.agenda[i].id}/speakers`;
const ask = (api: Api, i: number, body: Record<string, unknown> = {}) =>
  api.post<SpeakersList & ApiErrorBody>(item(i), { clientId: crypto.randomUUID(), type: 'contribution', ...body });
const listOf = async (i: number) => (await w.chair.get<SpeakersList>(item(i))).body;
const speechCount = async () => Number((await server.db.query('SELECT count(*) FROM speeches')).rows[0].count);

describe('the queue', () => {
  it('takes requests in order, puts a procedural point first, and stores a retry once', async () => {
    const clientId = crypto.randomUUID();
    const first = await ask(w.delegate, 0, { clientId, anchor: { documentId, paragraphId: paragraph.id } });
    expect(first.status).toBe(201);
    expect(first.body.waiting[0]).toMatchObject({ userId: w.ids.delegate, type: 'contribution', anchor: { paragraphId: paragraph.id, paragraphIndex: paragraph.index } });
    expect((await ask(w.delegate, 0, { clientId })).status).toBe(200);
    expect((await ask(w.delegateB, 0)).status).toBe(201);
    const procedural = await ask(w.chair, 0, { type: 'procedural' });
    expect(procedural.status).toBe(201);
    expect(procedural.body.waiting.map((s) => [s.userId, s.type])).toEqual([
      [w.ids.chair, 'procedural'],
      [w.ids.delegate, 'contribution'],
      [w.ids.delegateB, 'contribution'],
    ]);
    expect(procedural.body.version).toBe(3);
  });

  it('refuses a second waiting request from the same person, writing nothing', async () => {
    const before = await speechCount();
    const again = await ask(w.delegate, 0, { type: 'reply', replyToSpeechId: null });
    expect(again.status).toBe(400);
    const dup = await ask(w.delegate, 0);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CONFLICT');
    expect(await speechCount()).toBe(before);
  });

  it('numbers concurrent requests 1..n with no gap and no duplicate', async () => {
    const many = await addDelegates(server, w, 'dong-thoi', 8);
    const results = await Promise.all(many.map((d) => ask(d.api, 1)));
    expect(results.map((r) => r.status)).toEqual(many.map(() => 201));
    const list = await listOf(1);
    expect(list.waiting).toHaveLength(8);
    expect(new Set(list.waiting.map((s) => s.userId))).toEqual(new Set(many.map((d) => d.id)));
    const { rows } = await server.db.query(`SELECT position FROM speeches WHERE agenda_item_id = $1 AND status = 'waiting' ORDER BY position`, [w.agenda[1].id]);
    expect(rows.map((r) => Number(r.position))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.version).toBe(8);
  });

  it('reorders against the version the chair saw, and refuses a stale or partial order', async () => {
    const list = await listOf(1);
    const reversed = list.waiting.map((s) => s.id).reverse();
    const path = `${item(1)}/order`;
    expect((await w.delegate.put(path, { version: list.version, speechIds: reversed })).status).toBe(403);
    expect((await w.chair.put<ApiErrorBody>(path, { version: list.version, speechIds: reversed.slice(1) })).body.code).toBe('SPEAKERS_LIST_CHANGED');
    // two staff reorder at once from the same version: one wins, the other is told the list changed
    const [a, b] = await Promise.all([
      w.chair.put<ApiErrorBody>(path, { version: list.version, speechIds: reversed }),
      w.secretary.put<ApiErrorBody>(path, { version: list.version, speechIds: list.waiting.map((s) => s.id) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('SPEAKERS_LIST_CHANGED');
    const winner = a.status === 200 ? reversed : list.waiting.map((s) => s.id);
    expect((await listOf(1)).waiting.map((s) => s.id)).toEqual(winner);
  });
});

describe('running the floor', () => {
  it('lets only the chair start, keeps one speaker at a time, and records the speech exactly', async () => {
    const list = await listOf(0);
    const [procedural, second] = list.waiting;
    expect((await w.delegate.post(`/speeches/${procedural.id}/start`)).status).toBe(403);
    expect((await w.secretary.post(`/speeches/${procedural.id}/start`)).status).toBe(403);
    expect((await w.outsider.post(`/speeches/${procedural.id}/start`)).status).toBe(404);
    const started = await w.chair.post<SpeakersList>(`/speeches/${procedural.id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.current).toMatchObject({ id: procedural.id, status: 'speaking', allottedSeconds: 60 });
    const { rows } = await server.db.query('SELECT started_at FROM speeches WHERE id = $1', [procedural.id]);
    expect(started.body.current!.startedAt).toBe(new Date(rows[0].started_at).toISOString());
    // the countdown is computed from the server's stamps: right now almost the whole time is left
    expect(remainingSeconds(started.body.current!, Date.parse(started.body.serverNow))).toBeGreaterThanOrEqual(59);

    const secondStart = await w.chair.post<ApiErrorBody>(`/speeches/${second.id}/start`);
    expect(secondStart.status).toBe(409);
    expect(secondStart.body.code).toBe('SPEAKER_ALREADY_SPEAKING');
    // nor in another item of the same meeting
    const elsewhere = (await listOf(1)).waiting[0];
    expect((await w.chair.post<ApiErrorBody>(`/speeches/${elsewhere.id}/start`)).body.code).toBe('SPEAKER_ALREADY_SPEAKING');

    const extended = await w.chair.post<SpeakersList>(`/speeches/${procedural.id}/extend`, { seconds: 30 });
    expect(extended.body.current!.extraSeconds).toBe(30);
    expect((await w.chair.post(`/speeches/${procedural.id}/extend`, { seconds: -5 })).status).toBe(400);
    // the speaker went on 70 seconds past their time (the stamp moved back to say so)
    await server.db.query(`UPDATE speeches SET started_at = clock_timestamp() - interval '160 seconds' WHERE id = $1`, [procedural.id]);
    const stopped = await w.chair.post<SpeakersList>(`/speeches/${procedural.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.current).toBeNull();
    const done = stopped.body.done.find((s) => s.id === procedural.id)!;
    const row = (await server.db.query('SELECT started_at, ended_at, duration_seconds, overrun_seconds FROM speeches WHERE id = $1', [procedural.id])).rows[0];
    expect(row.duration_seconds).toBe(Math.round((row.ended_at.getTime() - row.started_at.getTime()) / 1000));
    expect(done.durationSeconds).toBe(row.duration_seconds);
    expect(done.overrunSeconds).toBe(row.duration_seconds - 60 - 30);
    expect(done.overrunSeconds).toBeGreaterThanOrEqual(70);
    expect((await w.chair.post<ApiErrorBody>(`/speeches/${procedural.id}/stop`)).body.code).toBe('SPEECH_NOT_WAITING');
    // the audit log keeps who gave and took the floor (the refused attempts left nothing there)
    const audit = (await server.db.query(`SELECT action, user_id FROM audit_events WHERE target_id = $1 ORDER BY at, id`, [procedural.id])).rows;
    expect(audit).toEqual([
      { action: 'speech.start', user_id: w.ids.chair },
      { action: 'speech.stop', user_id: w.ids.chair },
    ]);
  });

  it('gives the floor to the next in line in one tap, and keeps the record with totals per delegate', async () => {
    const next = await w.chair.post<SpeakersList>(`${item(0)}/next`);
    expect(next.status).toBe(200);
    expect(next.body.current!.userId).toBe(w.ids.delegate);
    const after = await w.chair.post<SpeakersList>(`${item(0)}/next`);
    expect(after.body.current!.userId).toBe(w.ids.delegateB);
    expect(after.body.done.map((s) => s.userId)).toEqual([w.ids.chair, w.ids.delegate]);
    const last = await w.chair.post<SpeakersList>(`${item(0)}/next`);
    expect(last.body.current).toBeNull();
    expect(last.body.waiting).toEqual([]);
    expect((await w.delegate.post(`${item(0)}/next`)).status).toBe(403);

    const record = (await w.observer.get<SpeechRecord>(`/meetings/${w.meeting.id}/speeches`)).body;
    expect(record.speeches.map((s) => s.userId)).toEqual([w.ids.chair, w.ids.delegate, w.ids.delegateB]);
    const chairTotal = record.totals.find((t) => t.userId === w.ids.chair)!;
    expect(chairTotal).toMatchObject({ speeches: 1, seconds: record.speeches[0].durationSeconds });
  });

  it('takes a reply only to someone who has spoken, and lets the chair add a person from the hall', async () => {
    const record = (await w.chair.get<SpeechRecord>(`/meetings/${w.meeting.id}/speeches`)).body;
    const spoken = record.speeches.find((s) => s.userId === w.ids.delegate)!;
    const notYet = (await listOf(1)).waiting[0];
    expect((await ask(w.delegateB, 0, { type: 'reply', replyToSpeechId: notYet.id })).status).toBe(400);
    expect((await ask(w.delegate, 0, { type: 'reply', replyToSpeechId: spoken.id })).status).toBe(400);
    const reply = await ask(w.delegateB, 0, { type: 'reply', replyToSpeechId: spoken.id });
    expect(reply.status).toBe(201);
    expect(reply.body.waiting[0].replyTo).toEqual({ speechId: spoken.id, name: `Người dùng w-delegate` });

    expect((await w.delegate.post(`${item(0)}/add`, { userId: w.ids.observer, type: 'contribution' })).status).toBe(403);
    expect((await w.chair.post(`${item(0)}/add`, { userId: w.ids.outsider, type: 'contribution' })).status).toBe(400);
    const official = await addOfficial(server, w, 'can-bo-tra-loi');
    const added = await w.chair.post<SpeakersList>(`${item(0)}/add`, { userId: official.id, type: 'answer' });
    expect(added.status).toBe(201);
    expect(added.body.waiting.find((s) => s.userId === official.id)).toMatchObject({ type: 'answer', addedByChair: true, allottedSeconds: 300 });
  });
});

describe('closing the list', () => {
  it('takes no new request from a phone once the chair closes it, except a procedural point; the chair may still add', async () => {
    const path = `${item(2)}/closed`;
    expect((await w.delegate.put(path, { closed: true })).status).toBe(403);
    expect((await w.chair.put(path, { closed: 'yes' })).status).toBe(400);
    const closed = await w.chair.put<SpeakersList>(path, { closed: true });
    expect(closed.body.closed).toBe(true);
    const before = await speechCount();
    const refused = await ask(w.delegate, 2);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SPEAKERS_LIST_CLOSED');
    expect(await speechCount()).toBe(before);
    const procedural = await ask(w.delegate, 2, { type: 'procedural' });
    expect(procedural.status).toBe(201);
    expect((await w.chair.post(`${item(2)}/add`, { userId: w.ids.delegateB, type: 'contribution' })).status).toBe(201);
    // tidy: both off the list, the list open again
    for (const s of (await listOf(2)).waiting) await w.chair.delete(`/speeches/${s.id}`);
    expect((await w.chair.put<SpeakersList>(path, { closed: false })).body.closed).toBe(false);
  });
});

describe('pausing', () => {
  it('stands the countdown still while paused and leaves the pause out of the recorded duration', async () => {
    const mine = (await ask(w.delegateB, 2)).body.waiting[0];
    await w.chair.post(`/speeches/${mine.id}/start`);
    expect((await w.delegate.post(`/speeches/${mine.id}/pause`)).status).toBe(403);
    expect((await w.chair.post<ApiErrorBody>(`/speeches/${mine.id}/resume`)).body.code).toBe('SPEECH_NOT_WAITING');
    const paused = await w.chair.post<SpeakersList>(`/speeches/${mine.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.current!.pausedAt).not.toBeNull();
    expect((await w.chair.post<ApiErrorBody>(`/speeches/${mine.id}/pause`)).body.code).toBe('SPEECH_NOT_WAITING');
    // while paused, every read gives the same remaining time, however late it is read
    const later = (await listOf(2)).current!;
    expect(remainingSeconds(later, Date.now() + 60_000)).toBe(remainingSeconds(paused.body.current!, Date.parse(paused.body.serverNow)));
    // the speaker had spoken 100 s when the chair paused, 50 s ago
    await server.db.query(`UPDATE speeches SET started_at = paused_at - interval '100 seconds' WHERE id = $1`, [mine.id]);
    await server.db.query(`UPDATE speeches SET started_at = started_at - interval '50 seconds', paused_at = paused_at - interval '50 seconds' WHERE id = $1`, [mine.id]);
    const resumed = await w.chair.post<SpeakersList>(`/speeches/${mine.id}/resume`);
    expect(resumed.body.current).toMatchObject({ pausedAt: null });
    expect(resumed.body.current!.pausedSeconds).toBeGreaterThanOrEqual(50);
    const stopped = await w.chair.post<SpeakersList>(`/speeches/${mine.id}/stop`);
    const done = stopped.body.done.find((x) => x.id === mine.id)!;
    const row = (await server.db.query('SELECT started_at, ended_at, paused_seconds FROM speeches WHERE id = $1', [mine.id])).rows[0];
    expect(done.durationSeconds).toBe(Math.round((row.ended_at.getTime() - row.started_at.getTime()) / 1000) - row.paused_seconds);
    expect(done.durationSeconds).toBeGreaterThanOrEqual(100);
    expect(done.durationSeconds).toBeLessThan(110);
  });
});

describe('withdrawing', () => {
  it('lets a speaker withdraw while waiting, not someone else, and not once started', async () => {
    const mine = (await ask(w.delegate, 2)).body.waiting[0];
    expect((await w.delegateB.delete(`/speeches/${mine.id}`)).status).toBe(403);
    expect((await w.outsider.delete(`/speeches/${mine.id}`)).status).toBe(404);
    const gone = await w.delegate.delete<SpeakersList>(`/speeches/${mine.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.waiting).toEqual([]);
    expect((await w.delegate.delete<ApiErrorBody>(`/speeches/${mine.id}`)).body.code).toBe('SPEECH_NOT_WAITING');
    // asking again after withdrawing is fine
    const again = (await ask(w.delegate, 2)).body.waiting[0];
    await w.chair.post(`/speeches/${again.id}/start`);
    expect((await w.delegate.delete<ApiErrorBody>(`/speeches/${again.id}`)).body.code).toBe('SPEECH_NOT_WAITING');
    await w.chair.post(`/speeches/${again.id}/stop`);
  });
});

describe('bad input and the wrong people', () => {
  it('answers every bad request with a 4xx and a stable code, writing nothing', async () => {
    const before = await speechCount();
    const cases: [Api, string, unknown, number, string][] = [
      [w.delegate, item(0), { clientId: 'nope', type: 'contribution' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, item(0), { clientId: crypto.randomUUID(), type: 'shouting' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, item(0), { clientId: crypto.randomUUID(), type: 'answer' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, item(0), 'not json at all', 400, 'MALFORMED_JSON'],
      [w.delegate, `/meetings/${w.meeting.id}/agenda/not-a-uuid/speakers`, { clientId: crypto.randomUUID(), type: 'contribution' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, `/meetings/${w.meeting.id}/agenda/${other.agenda[0].id}/speakers`, { clientId: crypto.randomUUID(), type: 'contribution' }, 404, 'NOT_FOUND'],
      [w.delegate, item(0, other), { clientId: crypto.randomUUID(), type: 'contribution' }, 404, 'NOT_FOUND'],
      [w.observer, item(2), { clientId: crypto.randomUUID(), type: 'contribution' }, 403, 'FORBIDDEN'],
      [w.secretary, item(2), { clientId: crypto.randomUUID(), type: 'contribution' }, 403, 'FORBIDDEN'],
      [w.anonymous, item(2), { clientId: crypto.randomUUID(), type: 'contribution' }, 401, 'UNAUTHENTICATED'],
      [w.delegateB, item(2), { clientId: crypto.randomUUID(), type: 'contribution', anchor: { documentId, paragraphId: crypto.randomUUID() } }, 422, 'INVALID_ANCHOR'],
      [w.delegateB, item(2), { clientId: crypto.randomUUID(), type: 'question', questionIssueId: crypto.randomUUID() }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [api, path, body, status, code] of cases) {
      const res = await api.post<ApiErrorBody>(path, body);
      expect({ path, body, status: res.status, code: res.body.code }).toEqual({ path, body, status, code });
      expect(res.body.message.length).toBeGreaterThan(0);
    }
    expect((await w.chair.put(`/meetings/${w.meeting.id}/speaking-times`, { contribution: 5 })).status).toBe(400);
    expect(await speechCount()).toBe(before);
  });

  it('lets staff set the meeting’s speaking times, used from the next start', async () => {
    const times = { contribution: 300, reply: 120, procedural: 60, question: 120, followup: 60, answer: 240 };
    expect((await w.delegate.put(`/meetings/${w.meeting.id}/speaking-times`, times)).status).toBe(403);
    const set = await w.chair.put<{ times: typeof times; source: string }>(`/meetings/${w.meeting.id}/speaking-times`, times);
    expect(set.body).toEqual({ times, source: 'meeting' });
    const mine = (await ask(w.delegateB, 2)).body.waiting[0];
    const started = await w.chair.post<SpeakersList>(`/speeches/${mine.id}/start`);
    expect(started.body.current!.allottedSeconds).toBe(300);
    await w.chair.post(`/speeches/${mine.id}/stop`);
    expect((await w.chair.put(`/councils/${w.council.id}/speaking-times`, times)).status).toBe(403);
    expect((await w.admin.put(`/councils/${w.council.id}/speaking-times`, times)).status).toBe(200);
  });
});

describe('live', () => {
  it('sends each queue change to the console and the hall screen, and a reconnecting phone catches up to the running timer', async () => {
    const console = track(await socketFor(w.chair));
    expect(await call(console, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: true });
    const hall = track(await connectSocket(server.url, { displayToken: await hallToken(w) }));
    const phone = track(await socketFor(w.delegate));
    const joined = (await call(phone, 'meeting:join', { meetingId: w.meeting.id })) as { ok: true; data: JoinedMeeting };
    phone.disconnect();

    const req = await ask(w.delegate, 2);
    const speechId = req.body.waiting[0].id;
    const isQueued = (es: MeetingEvent[]) => es.some((e) => e.type === 'speakers.changed' && e.payload.list.waiting.some((s) => s.id === speechId));
    await waitForEvents(console, isQueued);
    await waitForEvents(hall, isQueued);
    await w.chair.post(`/speeches/${speechId}/start`);
    const isSpeaking = (es: MeetingEvent[]) => es.some((e) => e.type === 'speakers.changed' && e.payload.list.current?.id === speechId);
    await waitForEvents(hall, isSpeaking);

    // the phone comes back and asks for what it missed
    const back = track(await socketFor(w.delegate));
    await call(back, 'meeting:join', { meetingId: w.meeting.id });
    const missed = await call(back, 'events:catchup', { meetingId: w.meeting.id, after: joined.data.seq });
    if (!missed.ok) throw new Error(JSON.stringify(missed));
    const latest = (missed.data as MeetingEvent[]).filter((e) => e.type === 'speakers.changed').pop();
    if (latest?.type !== 'speakers.changed') throw new Error('no speakers.changed caught up');
    const { rows } = await server.db.query('SELECT started_at, clock_timestamp() AS now FROM speeches WHERE id = $1', [speechId]);
    expect(latest.payload.list.current!.startedAt).toBe(new Date(rows[0].started_at).toISOString());
    const left = remainingSeconds(latest.payload.list.current!, new Date(rows[0].now).getTime());
    expect(left).toBeLessThanOrEqual(300);
    expect(left).toBeGreaterThan(250);
    await w.chair.post(`/speeches/${speechId}/stop`);

    // the hall screen's own read, through its display token
    const token = await hallToken(w);
    const hallRead = await new Api(server).get<{ list: SpeakersList | null }>(`/hall/${w.meeting.id}/speakers?token=${encodeURIComponent(token)}`);
    expect(hallRead.status).toBe(200);
    expect((await new Api(server).get(`/hall/${w.meeting.id}/speakers?token=wrong`)).status).toBe(401);
    expect((await new Api(server).get(`/hall/${other.meeting.id}/speakers?token=${encodeURIComponent(token)}`)).status).toBe(401);
  });
});
