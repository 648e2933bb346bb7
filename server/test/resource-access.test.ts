import crypto from 'node:crypto';
import { NOT_FOUND_MESSAGE } from '@hopso/shared';
import { buildMeetingWorld, type Api, type ApiResponse, type MeetingWorld } from './support/api';
import { commentableDocument } from './support/live';
import { startServer, type TestServer } from './support/server';

/**
 * A resource reached by its own id is checked against its meeting before anything of it is loaded
 * (MeetingAccessService.requireFor): to someone outside that meeting, or in another meeting, it
 * answers exactly as an id that was never issued.
 */
let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
const ids = {} as Record<Kind, string>;
let documentId: string;

type Kind = 'document' | 'version' | 'comment' | 'group' | 'displayLink' | 'vote' | 'question' | 'issue' | 'position' | 'agendaItem' | 'minutes' | 'sitting' | 'speech';

const one = async (sql: string, params: unknown[]): Promise<string> => (await server.db.query(sql, params)).rows[0].id as string;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'o' });
  const { doc, paragraph } = await commentableDocument(w);
  documentId = doc.id;
  const m = w.meeting.id;
  const item = w.agenda[1].id;
  ids.document = documentId;
  ids.version = doc.currentVersion.id;
  ids.agendaItem = item;
  // the rest written directly: what is tested is who reaches them, not how they are made
  ids.comment = await one(
    `INSERT INTO comments (client_id, author_id, meeting_id, document_id, version_id, paragraph_id, quote_exact, rects, body)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'Mức thu', '[]', 'Góp ý thử') RETURNING id`,
    [w.ids.delegate, m, documentId, ids.version, paragraph.id],
  );
  await server.db.query('INSERT INTO breakouts (meeting_id, agenda_item_id) VALUES ($1, $2)', [m, item]);
  ids.group = await one(`INSERT INTO breakout_groups (meeting_id, agenda_item_id, position, name) VALUES ($1, $2, 1, 'Tổ 1') RETURNING id`, [m, item]);
  ids.displayLink = await one(`INSERT INTO display_links (meeting_id, label, token_hash, created_by) VALUES ($1, 'Hội trường', $2, $3) RETURNING id`, [m, crypto.randomUUID(), w.ids.secretary]);
  ids.vote = (await w.chair.post<{ id: string }>(`/meetings/${m}/votes`, { question: 'Biểu quyết thử' })).body.id;
  ids.position = await one(`INSERT INTO official_positions (meeting_id, title, official_user_id) VALUES ($1, 'Chủ tịch UBND', NULL) RETURNING id`, [m]);
  ids.issue = await one(`INSERT INTO question_issues (meeting_id, title, position_id, answer_due_at) VALUES ($1, 'Chợ', $2, now() + interval '1 day') RETURNING id`, [m, ids.position]);
  ids.question = await one(`INSERT INTO questions (meeting_id, client_id, author_id, position_id, body) VALUES ($1, gen_random_uuid(), $2, $3, 'Vì sao?') RETURNING id`, [m, w.ids.delegate, ids.position]);
  ids.sitting = (await w.chair.post<{ id: string }>(`/meetings/${m}/sittings`, { title: 'Phiên sáng' })).body.id;
  ids.minutes = await one(`INSERT INTO minutes (meeting_id, content) VALUES ($1, '{}') RETURNING id`, [m]);
  await server.db.query('INSERT INTO speaker_lists (agenda_item_id, meeting_id) VALUES ($1, $2)', [item, m]);
  ids.speech = await one(`INSERT INTO speeches (meeting_id, agenda_item_id, user_id, type, position, allotted_seconds) VALUES ($1, $2, $3, 'contribution', 1, 300) RETURNING id`, [m, item, w.ids.delegate]);
});
afterAll(() => server?.stop());

/** One route per kind that takes the resource's own id. */
const ROUTES: Record<Kind, (a: Api, id: string) => Promise<ApiResponse<unknown>>> = {
  document: (a, id) => a.get(`/documents/${id}`),
  version: (a, id) => a.get(`/documents/${documentId}/versions/${id}/paragraphs`),
  comment: (a, id) => a.patch(`/comments/${id}`, { status: 'received' }),
  group: (a, id) => a.get(`/breakout-groups/${id}/messages`),
  displayLink: (a, id) => a.delete(`/display-links/${id}`),
  vote: (a, id) => a.get(`/votes/${id}`),
  question: (a, id) => a.post(`/questions/${id}/merge`, { intoQuestionId: crypto.randomUUID() }),
  issue: (a, id) => a.post(`/question-issues/${id}/open`),
  position: (a, id) => a.patch(`/question-positions/${id}`, { title: 'Giám đốc Sở' }),
  agendaItem: (a, id) => a.patch(`/meetings/${w.meeting.id}/agenda/${id}`, { title: 'Khai mạc kỳ họp' }),
  minutes: (a, id) => a.get(`/minutes/${id}`),
  sitting: (a, id) => a.get(`/sittings/${id}/attendance`),
  speech: (a, id) => a.post(`/speeches/${id}/start`),
};

describe('a resource out of reach answers as one that does not exist', () => {
  it.each(Object.keys(ROUTES) as Kind[])('%s: a non-member and members of another meeting get the NOT_FOUND of a made-up id', async (kind) => {
    const route = ROUTES[kind];
    // the made-up id, asked by the meeting's own secretary: the answer everyone out of reach must get
    const madeUp = await route(w.secretary, crypto.randomUUID());
    expect(madeUp.status).toBe(404);
    expect(madeUp.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE });
    for (const who of [w.outsider, other.delegate, other.chair, other.secretary]) {
      const res = await route(who, ids[kind]);
      expect({ status: res.status, body: res.body }).toEqual({ status: madeUp.status, body: madeUp.body });
    }
  });

  it('still lets the meeting reach each of them (the ids are real)', async () => {
    expect((await ROUTES.document(w.secretary, ids.document)).status).toBe(200);
    expect((await ROUTES.vote(w.chair, ids.vote)).status).toBe(200);
    expect((await ROUTES.minutes(w.secretary, ids.minutes)).status).toBe(200);
    expect((await ROUTES.sitting(w.secretary, ids.sitting)).status).toBe(200);
    expect((await ROUTES.comment(w.secretary, ids.comment)).status).toBe(200);
    expect((await ROUTES.position(w.secretary, ids.position)).status).toBe(200);
  });
});
