import type { ResetPasswordsResult } from '@hopso/shared';
import { Api, buildMeetingWorld, insertUser, login, TEST_PASSWORD, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { socketFor } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'khac' });
}, 120_000);
afterAll(() => server?.stop());

const reset = (api: Api, userIds: string[], meetingId = w.meeting.id) => api.post<ResetPasswordsResult & { code?: string; message?: string }>(`/meetings/${meetingId}/password-resets`, { userIds });
const hashOf = async (id: string) => (await server.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id])).rows[0].password_hash;

describe('password resets by the secretariat', () => {
  it("gives the meeting's delegates one-time passwords for their slips, and ends their sessions", async () => {
    const session = await login(server, 'w-delegate');
    const socket = await socketFor(session);
    const gone = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    const res = await reset(w.secretary, [w.ids.delegate, w.ids.observer]);
    expect(res.status).toBe(200);
    expect(res.body.slips.map((s) => [s.userId, s.username])).toEqual([
      [w.ids.delegate, 'w-delegate'],
      [w.ids.observer, 'w-observer'],
    ]);
    for (const slip of res.body.slips) expect(slip.oneTimePassword).toMatch(/^[a-z2-9]{10}$/);
    expect(res.body.slips[0].oneTimePassword).not.toBe(res.body.slips[1].oneTimePassword);
    // the old password and the old session no longer work; the new one does
    await gone;
    expect((await session.get('/auth/me')).status).toBe(401);
    expect((await w.anonymous.post('/auth/login', { login: 'w-delegate', password: TEST_PASSWORD })).status).toBe(401);
    const fresh = await login(server, 'w-delegate', res.body.slips[0].oneTimePassword);
    expect((await fresh.get('/auth/me')).status).toBe(200);
    w.delegate = fresh;
    // recorded, without the password
    const audit = (await server.db.query<{ target_id: string; meta: unknown }>("SELECT target_id, meta FROM audit_events WHERE action = 'participant.passwordReset'")).rows;
    expect(audit.map((a) => a.target_id).sort()).toEqual([w.ids.delegate, w.ids.observer].sort());
    expect(JSON.stringify(audit)).not.toContain(res.body.slips[0].oneTimePassword);
  });

  it('refuses the staff, an administrator, a secretariat member, someone of another council, and changes nothing', async () => {
    // a delegate here who is also an administrator, or in another council's meeting
    const adminHere = await insertUser(server, 'quan-tri-dai-bieu', { isAdmin: true });
    const both = await insertUser(server, 'hai-hoi-dong');
    const staffHere = await insertUser(server, 'thu-ky-noi-khac');
    for (const id of [adminHere, both, staffHere]) expect((await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role: 'delegate' })).status).toBe(201);
    expect((await other.secretary.post(`/meetings/${other.meeting.id}/participants`, { userId: both, role: 'delegate' })).status).toBe(201);
    await server.db.query('INSERT INTO council_staff (council_id, user_id) VALUES ($1, $2)', [other.council.id, staffHere]);
    const before = await hashOf(w.ids.delegateB);
    for (const target of [w.ids.chair, w.ids.secretary, adminHere, both, staffHere]) {
      const res = await reset(w.secretary, [w.ids.delegateB, target]);
      expect({ target, status: res.status, code: res.body.code }).toEqual({ target, status: 403, code: 'FORBIDDEN' });
    }
    // nothing changed for the delegate asked with them
    expect(await hashOf(w.ids.delegateB)).toBe(before);
    expect((await login(server, 'w-delegateb')).token).toBeTruthy();
  });

  it("answers someone outside the meeting as a random id, and refuses everyone but the meeting's secretariat", async () => {
    const before = await hashOf(other.ids.delegate);
    const outside = await reset(w.secretary, [other.ids.delegate]);
    const random = await reset(w.secretary, ['00000000-0000-4000-8000-000000000000']);
    expect({ status: outside.status, code: outside.body.code, message: outside.body.message }).toEqual({ status: random.status, code: random.body.code, message: random.body.message });
    expect(outside.status).toBe(404);
    expect(await hashOf(other.ids.delegate)).toBe(before);
    // another meeting's secretary on this meeting's delegate; the chair, a delegate, an administrator
    expect((await reset(other.secretary, [w.ids.delegateB])).status).toBe(404);
    expect((await reset(other.secretary, [w.ids.delegateB], other.meeting.id)).status).toBe(404);
    for (const who of ['chair', 'delegate'] as const) expect((await reset(w[who], [w.ids.delegateB])).status).toBe(403);
    expect((await reset(w.admin, [w.ids.delegateB])).status).toBe(404);
    expect(await hashOf(w.ids.delegateB)).not.toBe('');
    // bad input
    expect((await reset(w.secretary, [])).status).toBe(400);
    expect((await w.secretary.post(`/meetings/${w.meeting.id}/password-resets`, { userIds: ['không-phải-id'] })).status).toBe(400);
  });
});
