import crypto from 'node:crypto';
import type { ApiErrorBody, Breakout, DocumentDetail, MeetingEvent, OfficialPosition, Paragraph, Sitting, UploadResult, Vote } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../src/seed/demo-pdfs';
import { buildMeetingWorld, type Api, type MeetingWorld } from './support/api';
import { catchup, joinedSocket } from './support/live';
import { startServer, type TestServer } from './support/server';
import { addOfficial } from './support/session-day';

/**
 * A document not released to delegates is nobody's but the secretariat's and the chair's: its title
 * never reaches a delegate through a vote (whose question names it), a question's reference, a
 * speaker's anchor or a group message's citation, by REST or by event.
 */
let server: TestServer;
let w: MeetingWorld;
let draft: DocumentDetail;
let draftParagraph: Paragraph;
let released: DocumentDetail;
let releasedParagraph: Paragraph;
const SECRET_TITLE = 'Dự thảo nghị quyết mật về điều chỉnh quy hoạch';
const mp = () => `/meetings/${w.meeting.id}`;

async function uploadPdf(title: string, state: 'draft' | 'released'): Promise<DocumentDetail> {
  const pdf = await buildDraftResolutionPdf({
    title,
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [
      { heading: 'Điều 1. Phạm vi', clauses: ['Khoản một của nghị quyết.'] },
      { heading: 'Điều 2. Tổ chức thực hiện', clauses: ['Khoản hai của nghị quyết.'] },
    ],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: `${crypto.randomUUID()}.pdf`, data: pdf }], { state, title });
  expect(up.status).toBe(201);
  return w.secretary.waitReady((up.body as UploadResult).documents[0].id);
}
const firstParagraph = async (api: Api, doc: DocumentDetail) => (await api.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body[0];

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  draft = await uploadPdf(SECRET_TITLE, 'draft');
  released = await uploadPdf('Nghị quyết đã phát hành', 'released');
  expect(draft.state).toBe('draft');
  draftParagraph = await firstParagraph(w.secretary, draft);
  releasedParagraph = await firstParagraph(w.delegate, released);
  expect(draftParagraph?.id).toBeDefined();
  // a sitting open, so votes can open
  const sitting = (await w.secretary.post<Sitting>(`${mp()}/sittings`, { title: 'Phiên sáng' })).body;
  expect((await w.chair.post(`/sittings/${sitting.id}/open`)).status).toBe(200);
}, 180_000);
afterAll(() => server?.stop());

const mentionsSecret = (value: unknown) => JSON.stringify(value).includes(SECRET_TITLE);

describe('votes on a document not released', () => {
  it('may be prepared by the chair, but not opened (nor given a hand-counted result) until the document is released; delegates see nothing of them', async () => {
    const { socket } = await joinedSocket(w.delegate, w.meeting.id);
    const sections = await w.chair.post<Vote[]>(`${mp()}/votes/sections`, { documentId: draft.id, kind: 'named' });
    expect(sections.status).toBe(201);
    expect(sections.body.length).toBeGreaterThan(1);
    expect(mentionsSecret(sections.body)).toBe(true); // the chair sees the title in the questions
    const [first] = sections.body;
    const refused = await w.chair.post<ApiErrorBody>(`/votes/${first.id}/open`, {});
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'VOTE_DOCUMENT_NOT_RELEASED' });
    const hands = await w.chair.post<Vote>(`${mp()}/votes`, { question: 'Giơ tay', kind: 'show_of_hands', documentId: draft.id });
    expect(hands.status).toBe(201);
    const manual = await w.chair.post<ApiErrorBody>(`/votes/${hands.body.id}/manual-result`, { yes: 10, no: 0, abstain: 0 });
    expect({ status: manual.status, code: manual.body.code }).toEqual({ status: 409, code: 'VOTE_DOCUMENT_NOT_RELEASED' });
    // still drafts: no delegate sees them, by REST, live or in the catch-up
    expect(mentionsSecret((await w.delegate.get(`${mp()}/votes`)).body)).toBe(false);
    expect((await w.delegate.get(`/votes/${first.id}`)).status).toBe(404);
    expect(mentionsSecret(socket.received)).toBe(false);
    expect(mentionsSecret(await catchup(socket, w.meeting.id, 0))).toBe(false);
    expect(mentionsSecret((await w.delegate.get<MeetingEvent[]>(`${mp()}/events?after=0`)).body)).toBe(false);
    socket.disconnect();
  });

  it('opens a vote on a released document as before', async () => {
    const vote = await w.chair.post<Vote>(`${mp()}/votes`, { question: 'Thông qua Điều 1', kind: 'named', documentId: released.id, paragraphId: releasedParagraph.id });
    expect(vote.status).toBe(201);
    const opened = await w.chair.post<Vote>(`/votes/${vote.body.id}/open`, {});
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect((await w.chair.post(`/votes/${vote.body.id}/close`)).status).toBe(200);
  });
});

describe('references a delegate makes to a document not released to them', () => {
  it('answers a question reference, a speaker anchor and a group citation as if the document did not exist, and never with its title', async () => {
    // written questions, open, to one position
    const official = await addOfficial(server, w, 'ct-ubnd-tieu-de', 'Đinh Công Minh');
    const position = (await w.secretary.post<OfficialPosition>(`${mp()}/question-positions`, { title: 'Chủ tịch UBND xã', officialUserId: official.id })).body;
    await w.secretary.put(`${mp()}/question-settings`, { submitDeadline: new Date(Date.now() + 24 * 3600_000).toISOString() });
    const ask = (documentId: string) => w.delegate.post<ApiErrorBody>(`${mp()}/questions`, { clientId: crypto.randomUUID(), positionId: position.id, body: 'Đề nghị cho biết tiến độ thực hiện?', refs: [{ documentId }] });
    const refused = await ask(draft.id);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'INVALID_ANCHOR' });
    expect(mentionsSecret(refused.body)).toBe(false);
    expect((await ask(released.id)).status).toBe(201);

    // the speakers list
    const floor = (documentId: string, paragraphId: string) =>
      w.delegate.post<ApiErrorBody>(`${mp()}/agenda/${w.agenda[1].id}/speakers`, { clientId: crypto.randomUUID(), type: 'contribution', anchor: { documentId, paragraphId } });
    const anchored = await floor(draft.id, draftParagraph.id);
    expect({ status: anchored.status, code: anchored.body.code }).toEqual({ status: 422, code: 'INVALID_ANCHOR' });
    expect(mentionsSecret((await w.chair.get(`${mp()}/agenda/${w.agenda[1].id}/speakers`)).body)).toBe(false);
    expect((await floor(released.id, releasedParagraph.id)).status).toBe(201);

    // a group whose documents in focus include the draft: the member cannot cite it
    const prepared = await w.secretary.post<Breakout>(`${mp()}/breakouts`, {
      agendaItemId: w.agenda[2].id,
      groups: [{ name: 'Tổ 1', leaderId: w.ids.delegate, memberIds: [w.ids.delegate], documentIds: [draft.id, released.id] }],
    });
    expect(prepared.status).toBe(200);
    expect((await w.chair.post(`${mp()}/breakouts/start`, { agendaItemId: w.agenda[2].id })).status).toBe(200);
    const groupId = prepared.body.groups[0].id;
    const cite = (documentId: string, paragraphId: string) =>
      w.delegate.post<ApiErrorBody>(`/breakout-groups/${groupId}/messages`, { clientId: crypto.randomUUID(), body: 'Xem đoạn này', citation: { documentId, paragraphId } });
    const cited = await cite(draft.id, draftParagraph.id);
    expect({ status: cited.status, code: cited.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await cite(released.id, releasedParagraph.id)).status).toBe(201);
    // the secretariat may cite what it reads
    expect((await w.secretary.post(`/breakout-groups/${groupId}/messages`, { clientId: crypto.randomUUID(), body: 'Bản dự thảo', citation: { documentId: draft.id, paragraphId: draftParagraph.id } })).status).toBe(201);

    // nothing a delegate reads names the draft
    for (const path of [`${mp()}/documents`, `${mp()}/breakouts`, `${mp()}/votes`, `${mp()}/agenda/${w.agenda[1].id}/speakers`, `${mp()}/questions/mine`]) {
      const res = await w.delegate.get(path);
      expect({ path, status: res.status, leaks: mentionsSecret(res.body) }).toEqual({ path, status: 200, leaks: false });
    }
  });
});
