import crypto from 'node:crypto';
import { COMMENT_THREAD_MAX, type AppNotification, type Comment, type NotificationList } from '@hopso/shared';
import { buildMeetingWorld, type Api, type MeetingWorld } from './support/api';
import { commentableDocument, joinedSocket, marker, postComment } from './support/live';
import { startServer, type TestServer } from './support/server';
import type { TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let target: Awaited<ReturnType<typeof commentableDocument>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  target = await commentableDocument(w, 'Dự thảo nghị quyết dự phòng ngân sách');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const newComment = async (body = 'Đề nghị làm rõ kinh phí dự phòng') => {
  const res = await postComment(w.delegate, target.doc, target.paragraph, body);
  expect(res.status).toBe(201);
  return res.body;
};
const say = (api: Api, commentId: string, body: string, clientId: string = crypto.randomUUID()) =>
  api.post<Comment & { code?: string; message?: string }>(`/comments/${commentId}/messages`, { clientId, body });
const resolve = (api: Api, commentId: string, resolved: boolean) => api.put<Comment & { code?: string }>(`/comments/${commentId}/resolution`, { resolved });
const rowCount = async (commentId: string) => (await server.db.query('SELECT count(*)::int AS n FROM comment_messages WHERE comment_id = $1', [commentId])).rows[0].n as number;

async function waitForNotification(api: Api, pick: (n: AppNotification) => boolean): Promise<AppNotification> {
  for (let i = 0; i < 150; i++) {
    const found = (await api.get<NotificationList>('/notifications')).body.items.find(pick);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no such notification arrived');
}

describe('a comment’s conversation', () => {
  it('takes turns: staff write, the delegate answers, staff write again, in order, everywhere the comment is read', async () => {
    const c = await newComment();
    expect(c.messages).toEqual([]);
    expect(c.resolvedAt).toBeNull();
    const first = await say(w.secretary, c.id, 'Đại biểu muốn làm rõ khoản nào?');
    expect(first.status).toBe(201);
    const answer = await say(w.delegate, c.id, 'Khoản dự phòng 5%.');
    expect(answer.status).toBe(201);
    const again = await say(w.chair, c.id, 'Đã ghi nhận, sẽ giải trình tại kỳ họp.');
    expect(again.status).toBe(201);
    const thread = again.body.messages.map((m) => [m.fromStaff, m.body]);
    expect(thread).toEqual([
      [true, 'Đại biểu muốn làm rõ khoản nào?'],
      [false, 'Khoản dự phòng 5%.'],
      [true, 'Đã ghi nhận, sẽ giải trình tại kỳ họp.'],
    ]);
    expect(again.body.messages.map((m) => m.authorId)).toEqual([w.ids.secretary, w.ids.delegate, w.ids.chair]);
    // the desk, the document panel and "Góp ý của tôi" all read the same thread
    const desk = (await w.secretary.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.find((x) => x.id === c.id)!;
    const panel = (await w.delegate.get<Comment[]>(`/documents/${target.doc.id}/comments`)).body.find((x) => x.id === c.id)!;
    const mine = (await w.delegate.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.find((x) => x.id === c.id)!;
    expect([desk.messages.map((m) => m.body), panel.messages.map((m) => m.body), mine.messages.map((m) => m.body)]).toEqual([
      thread.map((t) => t[1]),
      thread.map((t) => t[1]),
      thread.map((t) => t[1]),
    ]);
  });

  it('lets the delegate answer only once the staff have written, and only on their own comment', async () => {
    const c = await newComment();
    const early = await say(w.delegate, c.id, 'Tôi bổ sung thêm');
    expect([early.status, early.body.code]).toEqual([409, 'COMMENT_THREAD_NOT_OPEN']);
    expect(await rowCount(c.id)).toBe(0);
    // a reply through triage opens the conversation as a message does
    expect((await w.secretary.patch(`/comments/${c.id}`, { status: 'answered', reply: 'Đã tiếp thu' })).status).toBe(200);
    expect((await say(w.delegate, c.id, 'Cảm ơn tổ thư ký')).status).toBe(201);
    // another delegate, an observer, an outsider: as a random id
    const random = await say(w.delegateB, crypto.randomUUID(), 'x');
    for (const api of [w.delegateB, w.observer, w.outsider]) {
      const res = await say(api, c.id, 'Chen vào');
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({ status: random.status, code: random.body.code, message: random.body.message });
    }
    expect(random.status).toBe(404);
    expect(await rowCount(c.id)).toBe(1);
  });

  it('refuses bad and hostile input with stable codes, leaving nothing behind', async () => {
    const c = await newComment();
    const cases: [string, unknown][] = [
      ['empty body', { clientId: crypto.randomUUID(), body: '   ' }],
      ['no body', { clientId: crypto.randomUUID() }],
      ['body too long', { clientId: crypto.randomUUID(), body: 'a'.repeat(2_001) }],
      ['body not a string', { clientId: crypto.randomUUID(), body: { $ne: '' } }],
      ['client id not a uuid', { clientId: "1'; DROP TABLE comment_messages; --", body: 'x' }],
      ['array body', [{ clientId: crypto.randomUUID(), body: 'x' }]],
    ];
    for (const [name, body] of cases) {
      const res = await w.secretary.post<{ code: string }>(`/comments/${c.id}/messages`, body);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
    }
    const nul = await w.secretary.post<{ code: string }>(`/comments/${c.id}/messages`, { clientId: crypto.randomUUID(), body: 'a\u0000b' });
    expect([nul.status, nul.body.code]).toEqual([400, 'NUL_CHARACTER']);
    expect((await w.secretary.post<{ code: string }>(`/comments/not-a-uuid/messages`, { clientId: crypto.randomUUID(), body: 'x' })).status).toBe(400);
    const badResolution = await w.secretary.put<{ code: string }>(`/comments/${c.id}/resolution`, { resolved: 'yes' });
    expect([badResolution.status, badResolution.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await rowCount(c.id)).toBe(0);
    // markup is stored and returned as text, never interpreted
    const html = await say(w.secretary, c.id, '<img src=x onerror=alert(1)>');
    expect(html.status).toBe(201);
    expect(html.body.messages[0].body).toBe('<img src=x onerror=alert(1)>');
  });

  it('stores a retried message once, and refuses its client id on another comment', async () => {
    const c = await newComment();
    const other = await newComment('Góp ý khác');
    const clientId = crypto.randomUUID();
    const [a, b] = await Promise.all([say(w.secretary, c.id, 'Một lần thôi', clientId), say(w.secretary, c.id, 'Một lần thôi', clientId)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((await say(w.secretary, c.id, 'Một lần thôi', clientId)).status).toBe(200);
    expect(await rowCount(c.id)).toBe(1);
    const elsewhere = await say(w.secretary, other.id, 'Một lần thôi', clientId);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await rowCount(other.id)).toBe(0);
  });

  it('keeps 40 concurrent posts to one thread, each once, in distinct places', async () => {
    const c = await newComment();
    expect((await say(w.secretary, c.id, 'Mở đầu')).status).toBe(201);
    const posts = Array.from({ length: 40 }, (_, i) => say(i % 2 === 0 ? w.secretary : w.delegate, c.id, `Tin ${i}`));
    const answers = await Promise.all(posts);
    expect(answers.map((r) => [r.status, r.body.code ?? null])).toEqual(Array(40).fill([201, null]));
    const rows = (await server.db.query('SELECT position, body FROM comment_messages WHERE comment_id = $1 ORDER BY position', [c.id])).rows as { position: number; body: string }[];
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.body)).size).toBe(41);
    const read = (await w.delegate.get<Comment[]>(`/documents/${target.doc.id}/comments`)).body.find((x) => x.id === c.id)!;
    expect(read.messages).toHaveLength(41);
    // each answer holds every message committed before it: the thread only grows
    const lengths = answers.map((r) => r.body.messages.length).sort((x, y) => x - y);
    expect(lengths).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
  });

  it('holds at most COMMENT_THREAD_MAX messages', async () => {
    const c = await newComment();
    await server.db.query(
      `INSERT INTO comment_messages (comment_id, author_id, client_id, from_staff, body, position)
       SELECT $1, $2, gen_random_uuid(), true, 'Tin ' || g, g FROM generate_series(1, $3::int) g`,
      [c.id, w.ids.secretary, COMMENT_THREAD_MAX],
    );
    const full = await say(w.secretary, c.id, 'Thêm một tin');
    expect([full.status, full.body.code]).toEqual([409, 'COMMENT_THREAD_FULL']);
    expect(await rowCount(c.id)).toBe(COMMENT_THREAD_MAX);
  });
});

describe('resolving a comment', () => {
  it('is for the staff: it closes the conversation until opened again', async () => {
    const c = await newComment();
    expect((await say(w.secretary, c.id, 'Đã chuyển bộ phận chuyên môn')).status).toBe(201);
    const random = await resolve(w.delegate, crypto.randomUUID(), true);
    const byAuthor = await resolve(w.delegate, c.id, true);
    expect([byAuthor.status, byAuthor.body.code]).toEqual([random.status, random.body.code]);
    expect(byAuthor.status).toBe(404);
    const done = await resolve(w.secretary, c.id, true);
    expect(done.status).toBe(200);
    expect(done.body.resolvedAt).not.toBeNull();
    // the same again changes nothing
    expect((await resolve(w.chair, c.id, true)).body.resolvedAt).toBe(done.body.resolvedAt);
    for (const api of [w.delegate, w.secretary]) {
      const closed = await say(api, c.id, 'Còn một ý');
      expect([closed.status, closed.body.code]).toEqual([409, 'COMMENT_RESOLVED']);
    }
    expect(await rowCount(c.id)).toBe(1);
    const mine = (await w.delegate.get<Comment[]>(`/meetings/${w.meeting.id}/comments`)).body.find((x) => x.id === c.id)!;
    expect(mine.resolvedAt).toBe(done.body.resolvedAt);
    const reopened = await resolve(w.chair, c.id, false);
    expect(reopened.body.resolvedAt).toBeNull();
    expect((await say(w.delegate, c.id, 'Còn một ý')).status).toBe(201);
  });
});

describe('live delivery and notifications', () => {
  it('reaches the staff and the author live, never another delegate, and notifies the author of a staff message', async () => {
    const [sec, author, other] = await Promise.all([joinedSocket(w.secretary, w.meeting.id), joinedSocket(w.delegate, w.meeting.id), joinedSocket(w.delegateB, w.meeting.id)]);
    sockets.push(sec.socket, author.socket, other.socket);
    const c = await newComment('Góp ý cần trao đổi trực tiếp');
    const staffSaid = await say(w.secretary, c.id, 'Xin đại biểu nói rõ hơn');
    const authorSaid = await say(w.delegate, c.id, 'Tôi sẽ gửi số liệu');
    const resolved = await resolve(w.secretary, c.id, true);
    expect([staffSaid.status, authorSaid.status, resolved.status]).toEqual([201, 201, 200]);
    await marker(w.chair, w.meeting.id, w.agenda.map((a) => a.id), [sec.socket, author.socket, other.socket]);
    const updates = (s: TestSocket) => s.received.filter((e) => e.type === 'comment.updated' && e.payload.comment.id === c.id).map((e) => (e.type === 'comment.updated' ? e.payload.comment : null)!);
    for (const s of [sec.socket, author.socket]) {
      const seen = updates(s);
      expect(seen.map((x) => [x.messages.length, x.resolvedAt !== null])).toEqual([
        [1, false],
        [2, false],
        [2, true],
      ]);
    }
    expect(updates(other.socket)).toEqual([]);
    expect(other.socket.received.some((e) => JSON.stringify(e).includes('Xin đại biểu nói rõ hơn'))).toBe(false);
    // a notification for the staff message; none for the delegate's own answer or for the other delegate
    const n = await waitForNotification(w.delegate, (x) => x.kind === 'comment.replied' && x.refId === c.id);
    expect(n.params.documentId).toBe(target.doc.id);
    // a second staff message is a second notification
    expect((await resolve(w.secretary, c.id, false)).status).toBe(200);
    expect((await say(w.chair, c.id, 'Đã nhận số liệu')).status).toBe(201);
    for (let i = 0; i < 150; i++) {
      const mine = (await w.delegate.get<NotificationList>('/notifications')).body.items.filter((x) => x.refId === c.id);
      if (mine.length >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await w.delegate.get<NotificationList>('/notifications')).body.items.filter((x) => x.refId === c.id)).toHaveLength(2);
    expect((await w.delegateB.get<NotificationList>('/notifications')).body.items.filter((x) => x.refId === c.id)).toEqual([]);
  });
});
