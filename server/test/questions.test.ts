import crypto from 'node:crypto';
import type { ApiErrorBody, Paragraph, UploadResult, MyQuestions, OfficialDesk, OfficialPosition, Question, QuestionIssue, QuestionsBoard, SpeakersList } from '@hopso/shared';
import JSZip from 'jszip';
import { extractParagraphs } from '../src/documents/ingest/extract-paragraphs';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';
import { call, socketFor, waitForEvents, type TestSocket } from './support/sockets';

/**
 * An official's socket: they are not in the meeting's stream, and hear of their questions on
 * `questions:changed` in their own room (then read their desk again).
 */
type OfficialSocket = TestSocket & { questionsChanged: { meetingId: string }[] };
async function officialSocketFor(api: Api): Promise<OfficialSocket> {
  const socket = (await socketFor(api)) as OfficialSocket;
  socket.questionsChanged = [];
  socket.on('questions:changed', (info) => socket.questionsChanged.push(info));
  return socket;
}
async function waitForQuestionsChanged(socket: OfficialSocket, meetingId: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!socket.questionsChanged.some((i) => i.meetingId === meetingId)) {
    if (Date.now() > deadline) throw new Error(`questions:changed not received; got ${JSON.stringify(socket.questionsChanged)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let server: TestServer;
let w: MeetingWorld;
let official: { api: Api; id: string };
let police: { api: Api; id: string };
let chairman: OfficialPosition;
let policeChief: OfficialPosition;
let unassigned: OfficialPosition;
const sockets: TestSocket[] = [];

const mp = () => `/meetings/${w.meeting.id}`;
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const submit = (api: Api, positionId: string, body: string, extra: Record<string, unknown> = {}) =>
  api.post<Question & ApiErrorBody>(`${mp()}/questions`, { clientId: crypto.randomUUID(), positionId, body, ...extra });
const board = async () => (await w.secretary.get<QuestionsBoard>(`${mp()}/questions/board`)).body;
const questionCount = async () => Number((await server.db.query('SELECT count(*) FROM questions')).rows[0].count);

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  official = await addOfficial(server, w, 'chu-tich-ubnd', 'Đinh Công Minh');
  police = await addOfficial(server, w, 'truong-cong-an', 'Lò Văn Bảo');
  chairman = (await w.secretary.post<OfficialPosition>(`${mp()}/question-positions`, { title: 'Chủ tịch UBND xã', officialUserId: official.id })).body;
  policeChief = (await w.secretary.post<OfficialPosition>(`${mp()}/question-positions`, { title: 'Trưởng Công an xã', officialUserId: police.id })).body;
  unassigned = (await w.secretary.post<OfficialPosition>(`${mp()}/question-positions`, { title: 'Trưởng phòng Văn hóa – Xã hội' })).body;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

describe('sending written questions', () => {
  it('takes no question before the secretariat opens them, nor after the deadline', async () => {
    const before = await questionCount();
    const closed = await submit(w.delegate, chairman.id, 'Đề nghị cho biết tiến độ làm đường liên thôn?');
    expect(closed.status).toBe(403);
    expect(closed.body.code).toBe('QUESTIONS_CLOSED');
    expect((await w.delegate.put(`${mp()}/question-settings`, { submitDeadline: hours(24) })).status).toBe(403);
    await w.secretary.put(`${mp()}/question-settings`, { submitDeadline: hours(-1), answerDays: 20 });
    expect((await submit(w.delegate, chairman.id, 'Đề nghị cho biết tiến độ làm đường liên thôn?')).body.code).toBe('QUESTIONS_CLOSED');
    expect(await questionCount()).toBe(before);
    const open = await w.secretary.put<{ open: boolean; answerDays: number }>(`${mp()}/question-settings`, { submitDeadline: hours(24) });
    expect(open.body).toMatchObject({ open: true, answerDays: 20 });
  });

  it('stores a question addressed to a position with its official, once per client id', async () => {
    const clientId = crypto.randomUUID();
    const first = await submit(w.delegate, chairman.id, 'Đề nghị cho biết tiến độ làm đường liên thôn Đông – Tây?', { clientId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ authorId: w.ids.delegate, positionTitle: 'Chủ tịch UBND xã', issueId: null });
    expect((await submit(w.delegate, chairman.id, 'Đề nghị cho biết tiến độ làm đường liên thôn Đông – Tây?', { clientId })).status).toBe(200);
    const mine = (await w.delegate.get<MyQuestions>(`${mp()}/questions/mine`)).body;
    expect(mine.questions.map((q) => q.id)).toEqual([first.body.id]);
    // delegates only see the positions they can address
    expect(mine.positions.map((p) => p.title)).toEqual(['Chủ tịch UBND xã', 'Trưởng Công an xã']);
  });

  it('refuses a bad question with a clear code, writing nothing', async () => {
    const before = await questionCount();
    const cases: [Api, Record<string, unknown>, number, string][] = [
      [w.delegate, { positionId: unassigned.id, body: 'Câu hỏi gửi chức danh chưa có người trả lời?' }, 422, 'NO_OFFICIAL_ASSIGNED'],
      [w.delegate, { positionId: chairman.id, body: '' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, { positionId: chairman.id, body: '   ngắn   ' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, { positionId: chairman.id, body: 'x'.repeat(4001) }, 400, 'VALIDATION_FAILED'],
      [w.delegate, { positionId: 'nope', body: 'Một câu hỏi đủ dài để gửi đi.' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, { positionId: crypto.randomUUID(), body: 'Một câu hỏi đủ dài để gửi đi.' }, 400, 'VALIDATION_FAILED'],
      [w.delegate, { positionId: chairman.id, body: 'Một câu hỏi đủ dài để gửi đi.', refs: [{ documentId: crypto.randomUUID() }] }, 422, 'INVALID_ANCHOR'],
      [w.observer, { positionId: chairman.id, body: 'Khách mời không chất vấn được.' }, 403, 'FORBIDDEN'],
      [official.api, { positionId: chairman.id, body: 'Người trả lời không tự chất vấn.' }, 403, 'FORBIDDEN'],
      [w.outsider, { positionId: chairman.id, body: 'Người ngoài không thấy kỳ họp.' }, 404, 'NOT_FOUND'],
    ];
    for (const [api, body, status, code] of cases) {
      const res = await api.post<ApiErrorBody>(`${mp()}/questions`, { clientId: crypto.randomUUID(), ...body });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect(await questionCount()).toBe(before);
  });
});

describe('grouping by issue', () => {
  let issue: QuestionIssue;

  it('merges duplicates keeping every author and groups them into an issue for the official', async () => {
    const a = (await board()).ungrouped[0];
    const b = (await submit(w.delegateB, chairman.id, 'Đường liên thôn Đông – Tây thi công chậm, UBND xã có giải pháp gì?')).body;
    const c = (await submit(w.delegateB, chairman.id, 'Đường liên thôn Đông – Tây bao giờ xong? (gửi lần hai)')).body;
    expect((await w.delegate.post(`/questions/${c.id}/merge`, { intoQuestionId: a.id })).status).toBe(403);
    expect((await w.secretary.post(`/questions/${c.id}/merge`, { intoQuestionId: c.id })).status).toBe(400);
    const merged = await w.secretary.post<QuestionsBoard>(`/questions/${c.id}/merge`, { intoQuestionId: b.id });
    expect(merged.status).toBe(200);
    expect(merged.body.ungrouped.map((q) => q.id)).toEqual([a.id, b.id]);

    expect((await w.secretary.post<ApiErrorBody>(`${mp()}/question-issues`, { title: 'Đường liên thôn', positionId: unassigned.id, questionIds: [a.id] })).body.code).toBe('NO_OFFICIAL_ASSIGNED');
    expect((await w.secretary.post(`${mp()}/question-issues`, { title: 'Đường liên thôn', positionId: chairman.id, questionIds: [c.id] })).status).toBe(400);
    const made = await w.secretary.post<QuestionIssue>(`${mp()}/question-issues`, { title: 'Tiến độ đường liên thôn Đông – Tây', positionId: chairman.id, questionIds: [a.id, b.id], selectedForHall: true });
    expect(made.status).toBe(201);
    issue = made.body;
    expect(issue.questions.flatMap((q) => q.authors.map((x) => x.userId)).sort()).toEqual([w.ids.delegate, w.ids.delegateB].sort());
    expect(issue).toMatchObject({ officialUserId: official.id, status: 'pending', needsWrittenAnswer: true, overdue: false });
    // the answer is due 20 days after the session day
    const due = Date.parse(issue.answerDueAt) - Date.parse(w.meeting.startsAt);
    expect(Math.round(due / 86400_000)).toBe(20);
    // the merged duplicate went with its question
    const rows = (await server.db.query('SELECT issue_id FROM questions WHERE id = $1', [c.id])).rows;
    expect(rows[0].issue_id).toBe(issue.id);
  });

  it('shows the official only what is addressed to them, and nothing else of the meeting', async () => {
    const desk = (await official.api.get<OfficialDesk>(`${mp()}/questions/official`)).body;
    expect(desk.meeting.title).toBe(w.meeting.title);
    expect(desk.issues.map((i) => i.id)).toEqual([issue.id]);
    expect((await police.api.get<OfficialDesk>(`${mp()}/questions/official`)).body.issues).toEqual([]);
    expect((await w.delegate.get(`${mp()}/questions/official`)).status).toBe(403);
    expect((await official.api.get(`${mp()}/questions/board`)).status).toBe(403);
    expect((await official.api.get(`${mp()}/questions/mine`)).status).toBe(403);
    for (const path of [mp(), `${mp()}/participants`, `${mp()}/comments`, `${mp()}/events?after=0`, `${mp()}/breakouts`, `${mp()}/speeches`, `${mp()}/agenda/${w.agenda[0].id}/speakers`]) {
      expect({ path, status: (await official.api.get(path)).status }).toEqual({ path, status: 403 });
    }
    expect((await official.api.get(`${mp()}/documents`)).status).toBe(200);
    // nor can their socket join the meeting's rooms or catch up on its events
    const socket = await socketFor(official.api);
    sockets.push(socket);
    expect(await call(socket, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(socket, 'events:catchup', { meetingId: w.meeting.id, after: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('takes the official’s written answer, shows it to the authors, and lets them follow up', async () => {
    const socket = await officialSocketFor(official.api);
    sockets.push(socket);
    const followUpFirst = await w.delegate.post<ApiErrorBody>(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Chất vấn lại trước khi có câu trả lời.' });
    expect(followUpFirst.status).toBe(409);
    expect((await police.api.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Trả lời thay người khác không được.' })).status).toBe(404);
    expect((await w.observer.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Khách mời không trả lời được.' })).status).toBe(403);
    expect((await official.api.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'ngắn' })).status).toBe(400);

    const clientId = crypto.randomUUID();
    const answer = await official.api.post<QuestionIssue>(`/question-issues/${issue.id}/messages`, { clientId, body: 'UBND xã đã chỉ đạo nhà thầu hoàn thành tuyến đường trước ngày 30/6.' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'answered_in_writing', needsWrittenAnswer: false });
    expect((await official.api.post(`/question-issues/${issue.id}/messages`, { clientId, body: 'UBND xã đã chỉ đạo nhà thầu hoàn thành tuyến đường trước ngày 30/6.' })).status).toBe(200);
    // the official's socket is told, through their own room
    await waitForQuestionsChanged(socket, w.meeting.id);

    const seen = (await w.delegateB.get<MyQuestions>(`${mp()}/questions/mine`)).body;
    expect(seen.questions[0].issue!.messages.map((m) => [m.kind, m.authorName])).toEqual([['answer', 'Đinh Công Minh']]);

    expect((await w.chair.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Chủ tọa không phải tác giả câu hỏi.' })).status).toBe(403);
    const followUp = await w.delegateB.post<QuestionIssue>(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Đề nghị cho biết cụ thể nguồn vốn để hoàn thành?' });
    expect(followUp.status).toBe(201);
    expect(followUp.body.needsWrittenAnswer).toBe(true);
    expect(Math.round((Date.parse(followUp.body.answerDueAt) - Date.now()) / 86400_000)).toBe(20);
  });

  it('flags an answer past its deadline to the secretariat', async () => {
    expect((await w.secretary.patch(`/question-issues/${issue.id}`, { answerDueAt: hours(-2) })).status).toBe(200);
    const flagged = (await board()).issues.find((i) => i.id === issue.id)!;
    expect(flagged).toMatchObject({ needsWrittenAnswer: true, overdue: true });
    await official.api.post(`/question-issues/${issue.id}/messages`, { clientId: crypto.randomUUID(), body: 'Nguồn vốn từ ngân sách xã năm 2026, đã được bố trí đủ.' });
    expect((await board()).issues.find((i) => i.id === issue.id)).toMatchObject({ needsWrittenAnswer: false, overdue: false });
  });
});

describe('what an official never sees', () => {
  it('finds no delegate’s comment or note in anything the official can read or hear', async () => {
    const pdf = await buildDraftResolutionPdf({ title: 'Nghị quyết thử', councilName: 'HĐND xã Thử Nghiệm', articles: [{ heading: 'Điều 1.', clauses: ['Khoản một của nghị quyết.'] }] });
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'thu.pdf', data: pdf }]);
    const doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
    const [p] = (await w.delegate.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
    const anchor = { versionId: doc.currentVersion.id, paragraphId: p.id, quote: { exact: p.text }, rects: p.rects };
    const socket = await officialSocketFor(official.api);
    sockets.push(socket);
    const secretComment = `Góp ý kín ${crypto.randomUUID()}`;
    const secretNote = `Ghi chú riêng ${crypto.randomUUID()}`;
    expect((await w.delegate.post(`/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor, body: secretComment })).status).toBe(201);
    expect((await w.delegate.post(`/documents/${doc.id}/annotations`, { clientId: crypto.randomUUID(), anchor, note: secretNote })).status).toBe(201);
    // something addressed to the official arrives after them, so anything else would have arrived too
    await w.secretary.patch(`/question-positions/${chairman.id}`, { title: 'Chủ tịch UBND xã' });
    await waitForQuestionsChanged(socket, w.meeting.id);
    const reads = [
      `${mp()}/documents`,
      `/documents/${doc.id}`,
      `/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`,
      `${mp()}/questions/official`,
      `/documents/${doc.id}/comments`,
      `/documents/${doc.id}/annotations`,
      `/meetings`,
    ];
    for (const path of reads) {
      const text = JSON.stringify((await official.api.get(path)).body);
      expect({ path, leaks: text.includes(secretComment) || text.includes(secretNote) }).toEqual({ path, leaks: false });
    }
    const heard = JSON.stringify(socket.received);
    expect(heard.includes(secretComment) || heard.includes(secretNote)).toBe(false);
    // an official is in no meeting stream: what reaches them is the questions:changed signal alone
    expect(socket.received).toEqual([]);
  });
});

describe('a participant who becomes an official', () => {
  it('leaves the meeting’s rooms at once', async () => {
    const extra = await addOfficial(server, w, 'se-thanh-can-bo');
    await w.secretary.patch(`${mp()}/participants/${extra.id}`, { role: 'delegate' });
    const socket = await socketFor(extra.api);
    sockets.push(socket);
    expect(await call(socket, 'meeting:join', { meetingId: w.meeting.id })).toMatchObject({ ok: true });
    const removed = new Promise((r) => socket.once('meeting:removed', r));
    await w.secretary.patch(`${mp()}/participants/${extra.id}`, { role: 'official' });
    expect(await removed).toEqual({ meetingId: w.meeting.id });
    // what the meeting's room hears next does not reach them
    const marker = (await w.delegate.post<SpeakersList>(`${mp()}/agenda/${w.agenda[2].id}/speakers`, { clientId: crypto.randomUUID(), type: 'contribution' })).body;
    const watcher = await socketFor(w.chair);
    sockets.push(watcher);
    await call(watcher, 'meeting:join', { meetingId: w.meeting.id });
    await w.delegate.delete(`/speeches/${marker.waiting[0].id}`);
    await waitForEvents(watcher, (es) => es.some((e) => e.type === 'speakers.changed' && e.payload.list.waiting.length === 0));
    expect(socket.received.some((e) => e.type === 'speakers.changed')).toBe(false);
  });
});

describe('in the hall', () => {
  it('opens one issue at a time on the hall screen, and a commitment made there owes a written answer', async () => {
    const q = (await submit(w.delegate, policeChief.id, 'Tình hình trật tự an toàn giao thông trên quốc lộ qua xã thế nào?')).body;
    const issue = (await w.secretary.post<QuestionIssue>(`${mp()}/question-issues`, { title: 'An toàn giao thông', positionId: policeChief.id, questionIds: [q.id] })).body;
    const q2 = (await submit(w.delegateB, policeChief.id, 'Tình hình an ninh trật tự ở các thôn thế nào?')).body;
    const other = (await w.secretary.post<QuestionIssue>(`${mp()}/question-issues`, { title: 'An ninh thôn xóm', positionId: policeChief.id, questionIds: [q2.id] })).body;
    await w.chair.post(`${mp()}/current-item`, { agendaItemId: w.agenda[1].id });
    const screen = await socketFor(w.delegate);
    sockets.push(screen);
    await call(screen, 'meeting:join', { meetingId: w.meeting.id });

    expect((await w.delegate.post(`/question-issues/${issue.id}/open`)).status).toBe(403);
    expect((await w.chair.post(`/question-issues/${issue.id}/open`)).status).toBe(200);
    await waitForEvents(screen, (es) => es.some((e) => e.type === 'speakers.changed' && e.payload.list.openIssue?.id === issue.id));
    const list = (await w.delegate.get<SpeakersList>(`${mp()}/agenda/${w.agenda[1].id}/speakers`)).body;
    expect(list.openIssue).toEqual({ id: issue.id, title: 'An toàn giao thông', positionTitle: 'Trưởng Công an xã', officialName: 'Lò Văn Bảo' });
    expect((await w.chair.post<ApiErrorBody>(`/question-issues/${other.id}/open`)).body.code).toBe('CONFLICT');
    // delegates register to question on this issue
    const reg = await w.delegate.post<SpeakersList>(`${mp()}/agenda/${w.agenda[1].id}/speakers`, { clientId: crypto.randomUUID(), type: 'question', questionIssueId: issue.id });
    expect(reg.body.waiting.find((s) => s.userId === w.ids.delegate)).toMatchObject({ type: 'question', questionIssueId: issue.id, allottedSeconds: 180 });

    // the official answers in the hall: their own room is told, and their desk carries their countdown
    const officialSocket = await officialSocketFor(police.api);
    sockets.push(officialSocket);
    const added = await w.chair.post<SpeakersList>(`${mp()}/agenda/${w.agenda[1].id}/speakers/add`, { userId: police.id, type: 'answer', questionIssueId: issue.id });
    const answerTurn = added.body.waiting.find((x) => x.userId === police.id)!;
    await w.chair.post(`/speeches/${answerTurn.id}/start`);
    await waitForQuestionsChanged(officialSocket, w.meeting.id);
    expect(officialSocket.received.some((e) => e.type === 'speakers.changed')).toBe(false);
    const desk = (await police.api.get<OfficialDesk>(`${mp()}/questions/official`)).body;
    expect(desk.mySpeech).toMatchObject({ id: answerTurn.id, status: 'speaking', type: 'answer', allottedSeconds: 300 });
    expect(Date.parse(desk.serverNow)).toBeGreaterThanOrEqual(Date.parse(desk.mySpeech!.startedAt!));
    await w.chair.post(`/speeches/${answerTurn.id}/stop`);
    expect((await police.api.get<OfficialDesk>(`${mp()}/questions/official`)).body.mySpeech).toBeNull();

    const closed = await w.chair.post<QuestionIssue>(`/question-issues/${issue.id}/close`, { answeredInHall: true, commitment: 'Tăng cường tuần tra vào giờ cao điểm' });
    expect(closed.body).toMatchObject({ status: 'answered_in_hall', needsWrittenAnswer: true, commitment: 'Tăng cường tuần tra vào giờ cao điểm' });
    expect((await w.chair.post(`/question-issues/${issue.id}/close`, { answeredInHall: true })).status).toBe(409);
    await waitForEvents(screen, (es) => es.some((e) => e.type === 'speakers.changed' && e.payload.list.openIssue === null));
    // the delegate's socket got no questions.changed of an issue they have no question in
    expect(screen.received.some((e) => e.type === 'questions.changed' && e.payload.issueId === other.id)).toBe(false);
  });
});

describe('exports', () => {
  const report = (api: Api, query: string) => fetch(`${server.url}/api${mp()}/questions/report?${query}`, { headers: { authorization: `Bearer ${api.token}` } });

  it('writes the questions by issue as a Word document with every author and the Vietnamese intact', async () => {
    const res = await report(w.secretary, 'kind=questions&format=docx');
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    for (const text of ['DANH SÁCH', 'Câu hỏi chất vấn theo vấn đề', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Tiến độ đường liên thôn Đông – Tây', 'Người dùng w-delegate', 'Người dùng w-delegateb', 'Chủ tịch UBND xã (Đinh Công Minh)']) {
      expect(xml).toContain(text);
    }
    // the follow-up report is for after the session: answers are not in the chair's list
    expect(xml).not.toContain('UBND xã đã chỉ đạo nhà thầu');
  });

  it('writes the follow-up report as a PDF with answers, commitments and status', async () => {
    const res = await report(w.chair, 'kind=followup&format=pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractParagraphs(new Uint8Array(await res.arrayBuffer()))).map((p) => p.text).join('\n');
    for (const part of ['BÁO CÁO', 'Kết quả chất vấn và trả lời chất vấn', 'UBND xã đã chỉ đạo nhà thầu', 'Tăng cường tuần tra vào giờ cao điểm', 'Đã trả lời tại hội trường']) {
      expect(text).toContain(part);
    }
  });

  it('is for the secretariat and the chair only, and refuses an unknown kind or format', async () => {
    expect((await report(w.delegate, 'kind=questions&format=pdf')).status).toBe(403);
    expect((await report(official.api, 'kind=followup&format=pdf')).status).toBe(403);
    expect((await report(w.outsider, 'kind=questions&format=pdf')).status).toBe(404);
    expect((await report(w.secretary, 'kind=questions&format=xls')).status).toBe(400);
    expect((await report(w.secretary, 'kind=all&format=pdf')).status).toBe(400);
  });
});
