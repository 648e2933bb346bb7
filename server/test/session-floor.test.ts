import crypto from 'node:crypto';
import type { ApiErrorBody, MyQuestions, OfficialPosition, Paragraph, Question, QuestionIssue, QuestionsBoard, Sitting, SpeakingTimesInfo, UploadResult, Vote, VoteForMe } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { shortDateTime } from '../src/records/format/admin-document';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';
import { joinedSocket } from './support/live';
import { waitForEvents, type TestSocket } from './support/sockets';

/**
 * The session day's remaining pieces: draft votes changed or deleted before they open, the
 * council's default speaking times (read and reset per meeting), questions that point at
 * paragraphs, and chất vấn follow-ups that end when the council's next session starts.
 */
let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
const sockets: TestSocket[] = [];
const mp = () => `/meetings/${w.meeting.id}`;
const rows = async (sql: string, params: unknown[] = []) => (await server.db.query(sql, params)).rows;
const TIMES = { contribution: 600, reply: 240, procedural: 90, question: 200, followup: 70, answer: 360 };

async function joined(api: Api): Promise<TestSocket> {
  const { socket } = await joinedSocket(api, w.meeting.id);
  sockets.push(socket);
  return socket;
}
const draft = async (body: Record<string, unknown> = {}) => {
  const res = await w.chair.post<Vote & ApiErrorBody>(`${mp()}/votes`, { question: 'Thông qua nghị quyết về kế hoạch đầu tư công', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
};

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'o' });
  // fixed, so that the next session made below (with no delegates yet) does not change the default
  await w.admin.put(`/councils/${w.council.id}/voting-settings`, { seats: 3 });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

describe('a draft vote before it opens', () => {
  let sitting: Sitting;
  beforeAll(async () => {
    sitting = (await w.secretary.post<Sitting>(`${mp()}/sittings`, { title: 'Phiên sáng' })).body;
    await w.secretary.post(`/sittings/${sitting.id}/open`);
    await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [w.ids.chair, w.ids.delegate, w.ids.delegateB].map((userId) => ({ userId, status: 'hall' })) });
  });

  it('changes its question, rule and countdown, and the staff hear of it', async () => {
    const vote = await draft();
    const staff = await joined(w.secretary);
    const changed = await w.chair.patch<Vote>(`/votes/${vote.id}`, { question: 'Thông qua nghị quyết (đã sửa)', passRule: 'two_thirds_of_seats', durationSeconds: 90, sectionLabel: 'Điều 2' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: vote.id, status: 'draft', question: 'Thông qua nghị quyết (đã sửa)', passRule: 'two_thirds_of_seats', durationSeconds: 90, sectionLabel: 'Điều 2' });
    await waitForEvents(staff, (es) => es.some((e) => e.type === 'vote.changed' && e.payload.vote.id === vote.id && e.payload.vote.question === 'Thông qua nghị quyết (đã sửa)'));
    // only what is sent changes; a null countdown takes it away
    const cleared = await w.secretary.patch<Vote>(`/votes/${vote.id}`, { durationSeconds: null });
    expect(cleared.body).toMatchObject({ question: 'Thông qua nghị quyết (đã sửa)', passRule: 'two_thirds_of_seats', durationSeconds: null });
    const audit = await rows(`SELECT meta FROM audit_events WHERE action = 'vote.update' AND target_id = $1`, [vote.id]);
    expect(audit).toHaveLength(2);
  });

  it('becomes secret (or stops being) with its counters, and then counts as such', async () => {
    const vote = await draft();
    expect((await w.chair.patch<Vote>(`/votes/${vote.id}`, { kind: 'secret' })).body.kind).toBe('secret');
    expect((await rows('SELECT choice, count FROM secret_ballot_tallies WHERE vote_id = $1 ORDER BY choice', [vote.id])).map((r) => r.choice)).toEqual(['abstain', 'no', 'yes']);
    expect((await w.chair.patch<Vote>(`/votes/${vote.id}`, { kind: 'named' })).body.kind).toBe('named');
    expect(await rows('SELECT 1 FROM secret_ballot_tallies WHERE vote_id = $1', [vote.id])).toHaveLength(0);
    await w.chair.patch(`/votes/${vote.id}`, { kind: 'secret' });
    expect((await w.chair.post(`/votes/${vote.id}/open`, {})).status).toBe(200);
    expect((await w.delegate.post(`/votes/${vote.id}/ballots`, { clientId: crypto.randomUUID(), choice: 'yes' })).status).toBe(200);
    const closed = (await w.chair.post<Vote>(`/votes/${vote.id}/close`)).body;
    expect(closed.result?.counts).toMatchObject({ yes: 1, cast: 1 });
    expect(await rows('SELECT 1 FROM named_ballots WHERE vote_id = $1', [vote.id])).toHaveLength(0);
  });

  it('refuses bad and hostile changes with a clear code, changing nothing', async () => {
    const vote = await draft();
    const cases: [Api, unknown, number, string][] = [
      [w.chair, {}, 400, 'VALIDATION_FAILED'],
      [w.chair, { question: 'x' }, 400, 'VALIDATION_FAILED'],
      [w.chair, { question: 'q'.repeat(1001) }, 400, 'VALIDATION_FAILED'],
      [w.chair, { kind: 'raise_hands' }, 400, 'VALIDATION_FAILED'],
      [w.chair, { passRule: 'unanimous' }, 400, 'VALIDATION_FAILED'],
      [w.chair, { durationSeconds: 5 }, 400, 'VALIDATION_FAILED'],
      [w.chair, { durationSeconds: '60' }, 400, 'VALIDATION_FAILED'],
      [w.chair, { question: 'Câu hỏi\u0000 có ký tự rỗng' }, 400, 'NUL_CHARACTER'],
      [w.chair, [{ question: 'Một mảng thay cho đối tượng' }], 400, 'VALIDATION_FAILED'],
      [w.delegate, { question: 'Đại biểu không sửa được' }, 403, 'FORBIDDEN'],
      [w.observer, { question: 'Khách mời không sửa được' }, 403, 'FORBIDDEN'],
      [w.outsider, { question: 'Người ngoài không thấy' }, 404, 'NOT_FOUND'],
      [other.secretary, { question: 'Thư ký cuộc họp khác' }, 404, 'NOT_FOUND'],
      [w.anonymous, { question: 'Không đăng nhập' }, 401, 'UNAUTHENTICATED'],
    ];
    for (const [api, body, status, code] of cases) {
      const res = await api.patch<ApiErrorBody>(`/votes/${vote.id}`, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect((await w.chair.patch<ApiErrorBody>(`/votes/${crypto.randomUUID()}`, { question: 'Không có biểu quyết này' })).status).toBe(404);
    expect((await w.chair.patch<ApiErrorBody>(`/votes/not-a-uuid`, { question: 'Mã không hợp lệ' })).status).toBe(400);
    const [row] = await rows('SELECT question, kind, pass_rule, duration_seconds FROM votes WHERE id = $1', [vote.id]);
    expect(row).toEqual({ question: vote.question, kind: 'named', pass_rule: vote.passRule, duration_seconds: null });
  });

  it('never changes or deletes an open or closed vote', async () => {
    const vote = await draft();
    await w.chair.post(`/votes/${vote.id}/open`, {});
    for (const res of [await w.chair.patch<ApiErrorBody>(`/votes/${vote.id}`, { question: 'Sửa khi đang mở' }), await w.chair.delete<ApiErrorBody>(`/votes/${vote.id}`)]) {
      expect([res.status, res.body.code]).toEqual([409, 'VOTE_NOT_DRAFT']);
    }
    await w.delegate.post(`/votes/${vote.id}/ballots`, { clientId: crypto.randomUUID(), choice: 'no' });
    const closed = (await w.chair.post<Vote>(`/votes/${vote.id}/close`)).body;
    for (const res of [await w.chair.patch<ApiErrorBody>(`/votes/${vote.id}`, { passRule: 'majority_of_cast' }), await w.secretary.delete<ApiErrorBody>(`/votes/${vote.id}`)]) {
      expect([res.status, res.body.code]).toEqual([409, 'VOTE_NOT_DRAFT']);
    }
    const after = (await w.chair.get<VoteForMe>(`/votes/${vote.id}`)).body;
    expect({ question: after.question, passRule: after.passRule, result: after.result }).toEqual({ question: closed.question, passRule: closed.passRule, result: closed.result });
  });

  it('deletes a draft: gone for everyone, staff told, delegates hear nothing of it', async () => {
    const vote = await draft({ kind: 'secret' });
    const staff = await joined(w.secretary);
    const delegate = await joined(w.delegate);
    expect((await w.delegate.delete<ApiErrorBody>(`/votes/${vote.id}`)).status).toBe(403);
    expect((await w.outsider.delete<ApiErrorBody>(`/votes/${vote.id}`)).status).toBe(404);
    const res = await w.secretary.delete(`/votes/${vote.id}`);
    expect(res.status).toBe(204);
    expect((await w.chair.get(`/votes/${vote.id}`)).status).toBe(404);
    expect((await w.chair.get<VoteForMe[]>(`${mp()}/votes`)).body.some((v) => v.id === vote.id)).toBe(false);
    expect(await rows('SELECT 1 FROM secret_ballot_tallies WHERE vote_id = $1', [vote.id])).toHaveLength(0);
    await waitForEvents(staff, (es) => es.some((e) => e.type === 'vote.deleted' && e.payload.voteId === vote.id));
    // something everyone hears, after the deletion: the delegate heard that and not the deletion
    const marker = (await w.secretary.post<Sitting>(`${mp()}/sittings`, { title: 'Phiên chiều' })).body;
    await waitForEvents(delegate, (es) => es.some((e) => e.type === 'sitting.changed' && e.payload.sitting.id === marker.id));
    expect(delegate.received.filter((e) => e.type === 'vote.deleted' || (e.type === 'vote.changed' && e.payload.vote.id === vote.id))).toEqual([]);
    expect((await w.secretary.delete<ApiErrorBody>(`/votes/${vote.id}`)).status).toBe(404);
    const audit = await rows(`SELECT user_id FROM audit_events WHERE action = 'vote.delete' AND target_id = $1`, [vote.id]);
    expect(audit).toEqual([{ user_id: w.ids.secretary }]);
  });

  it('deleting the draft of a repeat makes the earlier vote repeatable again', async () => {
    const vote = await draft();
    await w.chair.post(`/votes/${vote.id}/open`, {});
    await w.chair.post(`/votes/${vote.id}/close`);
    const again = (await w.chair.post<Vote>(`/votes/${vote.id}/repeat`)).body;
    expect((await w.chair.get<VoteForMe>(`/votes/${vote.id}`)).body.supersededBy).toBe(again.id);
    const staff = await joined(w.chair);
    expect((await w.chair.delete(`/votes/${again.id}`)).status).toBe(204);
    expect((await w.chair.get<VoteForMe>(`/votes/${vote.id}`)).body.supersededBy).toBeNull();
    await waitForEvents(staff, (es) => es.some((e) => e.type === 'vote.changed' && e.payload.vote.id === vote.id && e.payload.vote.supersededBy === null));
    expect((await w.chair.post(`/votes/${vote.id}/repeat`)).status).toBe(201);
  });
});

describe('exports in the council’s time zone', () => {
  it('writes the attendance list’s times in the council’s own zone', async () => {
    const [sitting] = (await w.secretary.get<{ sitting: Sitting }[]>(`${mp()}/sittings`)).body;
    const entries = (await w.secretary.get<{ entries: { userId: string; at: string | null }[] }>(`/sittings/${sitting.sitting.id}/attendance`)).body.entries;
    const at = entries.find((e) => e.userId === w.ids.chair)!.at!;
    const inZone = (timeZone: string) => shortDateTime(at, timeZone);
    expect(inZone('America/New_York')).not.toBe(inZone('Asia/Ho_Chi_Minh'));
    const csvIn = async (timeZone: string) => {
      expect((await w.admin.patch(`/councils/${w.council.id}`, { timeZone })).status).toBe(200);
      return (await w.secretary.get<string>(`/sittings/${sitting.sitting.id}/attendance/export?format=csv`)).body;
    };
    const ny = await csvIn('America/New_York');
    expect(ny).toContain(inZone('America/New_York'));
    expect(ny).not.toContain(inZone('Asia/Ho_Chi_Minh'));
    expect(await csvIn('Asia/Ho_Chi_Minh')).toContain(inZone('Asia/Ho_Chi_Minh'));
  });
});

describe('the council’s default speaking times', () => {
  it('are hopso’s until set; the administrator and the council’s secretariat read them, nobody else', async () => {
    const first = await w.admin.get<SpeakingTimesInfo>(`/councils/${w.council.id}/speaking-times`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ source: 'default', times: { contribution: 420, reply: 180 } });
    expect((await w.secretary.get(`/councils/${w.council.id}/speaking-times`)).status).toBe(200);
    for (const api of [w.chair, w.delegate, w.outsider, other.secretary]) expect((await api.get(`/councils/${w.council.id}/speaking-times`)).status).toBe(404);
    expect((await w.anonymous.get(`/councils/${w.council.id}/speaking-times`)).status).toBe(401);
    expect((await w.admin.get(`/councils/${crypto.randomUUID()}/speaking-times`)).status).toBe(404);
  });

  it('refuses bad times, keeping the old ones', async () => {
    const before = await rows('SELECT speaking_times FROM councils WHERE id = $1', [w.council.id]);
    for (const body of [{}, { ...TIMES, reply: 5 }, { ...TIMES, answer: 3601 }, { ...TIMES, question: 'ba phút' }, { ...TIMES, contribution: 1.5 }]) {
      const res = await w.admin.put<ApiErrorBody>(`/councils/${w.council.id}/speaking-times`, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await rows('SELECT speaking_times FROM councils WHERE id = $1', [w.council.id])).toEqual(before);
  });

  it('once set, are what every meeting of the council uses until the meeting sets its own, and again after it resets', async () => {
    expect((await w.admin.put(`/councils/${w.council.id}/speaking-times`, TIMES)).status).toBe(200);
    expect((await w.secretary.get<SpeakingTimesInfo>(`/councils/${w.council.id}/speaking-times`)).body).toEqual({ source: 'council', times: TIMES });
    expect((await w.delegate.get<SpeakingTimesInfo>(`${mp()}/speaking-times`)).body).toEqual({ source: 'council', times: TIMES });
    const own = { ...TIMES, contribution: 300 };
    expect((await w.chair.put<SpeakingTimesInfo>(`${mp()}/speaking-times`, own)).body).toEqual({ source: 'meeting', times: own });
    expect((await w.delegate.delete(`${mp()}/speaking-times`)).status).toBe(403);
    expect((await w.outsider.delete(`${mp()}/speaking-times`)).status).toBe(404);
    expect((await w.chair.get<SpeakingTimesInfo>(`${mp()}/speaking-times`)).body.source).toBe('meeting');
    const reset = await w.secretary.delete<SpeakingTimesInfo>(`${mp()}/speaking-times`);
    expect([reset.status, reset.body]).toEqual([200, { source: 'council', times: TIMES }]);
    const audit = await rows(`SELECT user_id FROM audit_events WHERE action = 'council.speakingTimes' AND target_id = $1`, [w.council.id]);
    expect(audit).toEqual([{ user_id: w.ids.admin }]);
  });
});

describe('chất vấn: questions that point at paragraphs, and follow-ups until the next session', () => {
  let official: { api: Api; id: string };
  let position: OfficialPosition;
  let paragraph: Paragraph;
  let docId: string;
  let issue: QuestionIssue;

  beforeAll(async () => {
    official = await addOfficial(server, w, 'chu-tich-xa', 'Hà Văn Tuấn');
    position = (await w.secretary.post<OfficialPosition>(`${mp()}/question-positions`, { title: 'Chủ tịch UBND xã', officialUserId: official.id })).body;
    await w.secretary.put(`${mp()}/question-settings`, { submitDeadline: new Date(Date.now() + 86400_000).toISOString() });
    const pdf = await buildDraftResolutionPdf({ title: 'Nghị quyết đầu tư', councilName: 'HĐND xã Thử Nghiệm', articles: [{ heading: 'Điều 1.', clauses: ['Đầu tư đường liên thôn.'] }] });
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'dau-tu.pdf', data: pdf }]);
    const doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
    docId = doc.id;
    const paragraphs = (await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    paragraph = paragraphs[paragraphs.length - 1];
  });

  it('keeps the documents and paragraphs a question refers to, and shows them to the official', async () => {
    const res = await w.delegate.post<Question>(`${mp()}/questions`, {
      clientId: crypto.randomUUID(),
      positionId: position.id,
      body: 'Đề nghị cho biết vì sao đường liên thôn chậm tiến độ?',
      refs: [{ documentId: docId, paragraphId: paragraph.id }, { documentId: docId }],
    });
    expect(res.status).toBe(201);
    expect(res.body.refs).toEqual([
      { documentId: docId, documentTitle: expect.any(String), paragraphId: paragraph.id, paragraphIndex: paragraph.index },
      { documentId: docId, documentTitle: expect.any(String), paragraphId: null, paragraphIndex: null },
    ]);
    // a paragraph of another document, or of another meeting, is refused
    const bad = await w.delegate.post<ApiErrorBody>(`${mp()}/questions`, {
      clientId: crypto.randomUUID(),
      positionId: position.id,
      body: 'Câu hỏi trỏ tới đoạn văn không có thật trong tài liệu.',
      refs: [{ documentId: docId, paragraphId: crypto.randomUUID() }],
    });
    expect([bad.status, bad.body.code]).toEqual([422, 'INVALID_ANCHOR']);
    issue = (await w.secretary.post<QuestionIssue>(`${mp()}/question-issues`, { title: 'Đường liên thôn', positionId: position.id, questionIds: [res.body.id] })).body;
    const desk = (await official.api.get<{ issues: QuestionIssue[] }>(`${mp()}/questions/official`)).body;
    expect(desk.issues.find((i) => i.id === issue.id)?.questions[0].refs[0]).toMatchObject({ paragraphId: paragraph.id });
  });

  it('takes follow-ups while no next session has started, then refuses them with a clear code', async () => {
    expect(issue.followUpUntil).toBeNull();
    expect((await official.api.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Sẽ hoàn thành trong quý hai năm nay.' })).status).toBe(201);
    expect((await w.delegate.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Chất vấn lại: đề nghị nêu rõ nguồn vốn.' })).status).toBe(201);
    // the council schedules its next session (kỳ họp): a draft one does not count, a published one does
    const next = (await w.secretary.post<{ id: string }>('/meetings', { councilId: w.council.id, title: 'Kỳ họp thứ hai', location: 'Hội trường xã', startsAt: new Date(Date.now() + 30 * 86400_000).toISOString(), releaseAt: new Date(Date.now() + 29 * 86400_000).toISOString(), commentDeadline: new Date(Date.now() + 29.5 * 86400_000).toISOString(), kind: 'session' })).body;
    expect((await w.delegate.get<MyQuestions>(`${mp()}/questions/mine`)).body.questions[0].issue?.followUpUntil ?? null).toBeNull();
    await w.secretary.post(`/meetings/${next.id}/status`, { status: 'published' });
    const scheduled = (await w.delegate.get<MyQuestions>(`${mp()}/questions/mine`)).body.questions.find((q) => q.issue?.id === issue.id)!.issue!;
    expect(scheduled).toMatchObject({ followUpClosed: false });
    expect(Date.parse(scheduled.followUpUntil!)).toBeGreaterThan(Date.now());
    // … and it starts: this meeting is long past, the next one has just begun
    await server.db.query(`UPDATE meetings SET starts_at = now() - interval '40 days' WHERE id = $1`, [w.meeting.id]);
    await server.db.query(`UPDATE meetings SET starts_at = now() - interval '1 minute' WHERE id = $1`, [next.id]);
    await official.api.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Nguồn vốn ngân sách xã năm nay.' });
    const before = await rows('SELECT count(*)::int AS n FROM question_messages WHERE issue_id = $1', [issue.id]);
    const late = await w.delegate.post<ApiErrorBody>(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Chất vấn lại sau khi kỳ họp mới đã bắt đầu.' });
    expect([late.status, late.body.code]).toEqual([409, 'FOLLOWUP_CLOSED']);
    expect(await rows('SELECT count(*)::int AS n FROM question_messages WHERE issue_id = $1', [issue.id])).toEqual(before);
    const closed = (await w.secretary.get<QuestionsBoard>(`${mp()}/questions/board`)).body.issues.find((i) => i.id === issue.id)!;
    expect(closed).toMatchObject({ followUpClosed: true });
  });
});
