import crypto from 'node:crypto';
import type { Ack, AuditEntry, BallotReceipt, DisplayLink, HallSessionDay, MeetingEvent, MySitting, Sitting, SittingAttendance, UploadResult, Vote, VoteForMe, VoteRecords } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { call, connectSocket, socketFor, waitForEvents, type TestSocket } from './support/sockets';

let server: TestServer;
let w: MeetingWorld;
let other: MeetingWorld;
let sitting: Sitting;
let hallToken: string;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

type Err = { code: string; message: string };
const mPath = () => `/meetings/${w.meeting.id}`;
const ballot = (api: Api, voteId: string, choice: string, clientId: string = crypto.randomUUID()) => api.post<BallotReceipt & Err>(`/votes/${voteId}/ballots`, { clientId, choice });
const setSeats = (seats: number | null) => w.admin.put(`/councils/${w.council.id}/voting-settings`, { seats });
const newVote = async (body: Record<string, unknown> = {}) => {
  const res = await w.chair.post<Vote & Err>(`${mPath()}/votes`, { question: 'Thông qua nghị quyết về ngân sách xã', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const open = async (voteId: string, body: Record<string, unknown> = {}) => {
  const res = await w.chair.post<Vote & Err>(`/votes/${voteId}/open`, body);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const close = async (voteId: string) => (await w.chair.post<Vote & Err>(`/votes/${voteId}/close`)).body;
const rowsOf = async (sql: string, params: unknown[]) => (await server.db.query(sql, params)).rows;

async function joined(api: Api): Promise<TestSocket> {
  const s = track(await socketFor(api));
  const res = await call(s, 'meeting:join', { meetingId: w.meeting.id });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return s;
}

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  other = await buildMeetingWorld(server, { prefix: 'o' });
  const link = (await w.secretary.post<DisplayLink>(`${mPath()}/display-links`, { label: 'TV' })).body;
  hallToken = new URL(link.url!, server.url).searchParams.get('token')!;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

describe('seats, voting rights and the quorum', () => {
  it('defaults the seats to the delegates (chair included) of the latest meeting; only an administrator sets them', async () => {
    const settings = await w.secretary.get<{ seats: number; seatsIsDefault: boolean; quorumRule: string; defaultPassRule: string }>(`/councils/${w.council.id}/voting-settings`);
    expect(settings.body).toMatchObject({ seats: 3, seatsIsDefault: true, quorumRule: 'two_thirds_of_seats', defaultPassRule: 'majority_of_seats' });
    expect((await w.secretary.put(`/councils/${w.council.id}/voting-settings`, { seats: 10 })).status).toBe(403);
    expect((await w.delegate.get(`/councils/${w.council.id}/voting-settings`)).status).toBe(404);
    const bad = await w.admin.put<Err>(`/councils/${w.council.id}/voting-settings`, { seats: 0 });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await setSeats(3)).status).toBe(200);
  });

  it('gives the chair and delegates a vote, secretaries only when marked, observers never', async () => {
    sitting = (await w.secretary.post<Sitting>(`${mPath()}/sittings`, { title: 'Phiên sáng' })).body;
    expect(sitting.checkinCode).toMatch(/^\d{4}$/);
    const list = (await w.secretary.get<SittingAttendance>(`/sittings/${sitting.id}/attendance`)).body;
    const right = Object.fromEntries(list.entries.map((e) => [e.userId, e.votingRight]));
    expect(right).toEqual({ [w.ids.chair]: true, [w.ids.delegate]: true, [w.ids.delegateB]: true, [(await w.secretary.get<{ id: string }>('/auth/me')).body.id]: false });
    const observer = await w.secretary.put<Err>(`${mPath()}/participants/${w.ids.observer}/voting-right`, { votingRight: true });
    expect(observer.status).toBe(400);
    expect((await w.delegate.put(`${mPath()}/participants/${w.ids.delegate}/voting-right`, { votingRight: false })).status).toBe(403);
  });

  it('checks a delegate in with the hall code or online; refuses a wrong code, a closed sitting and those without a vote', async () => {
    const early = await w.delegate.post<Err>(`/sittings/${sitting.id}/check-in`, { mode: 'online' });
    expect([early.status, early.body.code]).toEqual([409, 'SITTING_NOT_OPEN']);
    const absence = await w.delegateB.post<MySitting>(`/sittings/${sitting.id}/absence`, { reason: 'Đi công tác huyện' });
    expect(absence.body.mine).toMatchObject({ status: 'absent', excused: true, reason: 'Đi công tác huyện', source: 'self' });

    const staff = await joined(w.secretary);
    const delegateSocket = await joined(w.delegate);
    const hall = track(await connectSocket(server.url, { displayToken: hallToken }));
    expect((await call(hall, 'meeting:join', { meetingId: w.meeting.id })).ok).toBe(true);
    const opened = await w.chair.post(`/sittings/${sitting.id}/open`);
    if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));

    const wrong = await w.delegate.post<Err>(`/sittings/${sitting.id}/check-in`, { mode: 'hall', code: '0000' === sitting.checkinCode ? '1111' : '0000' });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'CHECKIN_CODE_WRONG']);
    expect(await rowsOf('SELECT * FROM attendance WHERE sitting_id = $1 AND user_id = $2', [sitting.id, w.ids.delegate])).toHaveLength(0);
    const ok = await w.delegate.post<MySitting>(`/sittings/${sitting.id}/check-in`, { mode: 'hall', code: sitting.checkinCode });
    expect(ok.body.mine?.status).toBe('hall');
    expect(ok.body.sitting.checkinCode).toBeUndefined();
    expect((await w.observer.post<Err>(`/sittings/${sitting.id}/check-in`, { mode: 'online' })).status).toBe(403);
    const secretary = await w.secretary.post<Err>(`/sittings/${sitting.id}/check-in`, { mode: 'online' });
    expect([secretary.status, secretary.body.code]).toEqual([403, 'NO_VOTING_RIGHT']);

    // the console (staff) and the hall both see the quorum move; the delegate sees their own entry
    const quorumAt = (s: TestSocket, present: number) => waitForEvents(s, (es) => es.some((e) => e.type === 'quorum.changed' && e.payload.quorum.present === present));
    await quorumAt(staff, 1);
    await quorumAt(hall, 1);
    await waitForEvents(staff, (es) => es.some((e) => e.type === 'attendance.changed' && e.payload.entries.some((x) => x.userId === w.ids.delegate && x.status === 'hall')));
    await waitForEvents(delegateSocket, (es) => es.some((e) => e.type === 'attendance.changed' && e.payload.entries.some((x) => x.userId === w.ids.delegate)));
    expect(hall.received.some((e) => e.type === 'attendance.changed')).toBe(false);
    const hallState = (await new Api(server).get<HallSessionDay>(`/hall/${w.meeting.id}/session-day?token=${hallToken}`)).body;
    expect(hallState.sitting?.checkinCode).toBe(sitting.checkinCode);
    expect(hallState.quorum).toMatchObject({ present: 1, seats: 3, required: 2, met: false });

    await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.chair, status: 'hall' }] });
    await quorumAt(hall, 2);
    const rest = await w.secretary.post<SittingAttendance>(`/sittings/${sitting.id}/attendance/rest-absent`, {});
    expect(rest.body.quorum).toMatchObject({ present: 2, met: true, absent: 1 });
    expect(rest.body.entries.find((e) => e.userId === w.ids.delegateB)).toMatchObject({ status: 'absent', excused: true, reason: 'Đi công tác huyện' });
  });

  it('refuses attendance marks for people outside the list, with nothing written', async () => {
    const before = await rowsOf('SELECT count(*)::int AS n FROM attendance', []);
    for (const userId of [w.ids.observer, w.ids.outsider, other.ids.delegate]) {
      const res = await w.secretary.post<Err>(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.delegateB, status: 'online' }, { userId, status: 'hall' }] });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.delegateB, status: 'here' }] })).status).toBe(400);
    expect((await w.delegate.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.delegate, status: 'online' }] })).status).toBe(403);
    expect(await rowsOf('SELECT count(*)::int AS n FROM attendance', [])).toEqual(before);
    expect((await rowsOf('SELECT status FROM attendance WHERE sitting_id = $1 AND user_id = $2', [sitting.id, w.ids.delegateB]))[0].status).toBe('absent');
  });
});

describe('a named vote', () => {
  let vote: Vote;
  beforeAll(async () => {
    // delegate B arrives online: three voting members present
    await w.delegateB.post(`/sittings/${sitting.id}/check-in`, { mode: 'online' });
  });

  it('counts ballots against the seats, lets a voter change their choice until the close and counts a retry once', async () => {
    await setSeats(5);
    vote = await newVote();
    expect(vote.status).toBe('draft');
    expect((await w.delegate.get(`/votes/${vote.id}`)).status).toBe(404);
    const staff = await joined(w.chair);
    await open(vote.id);
    const clientId = crypto.randomUUID();
    expect((await ballot(w.delegate, vote.id, 'no', clientId)).body).toMatchObject({ counted: true, choice: 'no', replay: false });
    expect((await ballot(w.delegate, vote.id, 'yes')).body).toMatchObject({ choice: 'yes', replay: false });
    // the first request arrives again (a retry): it changes nothing
    expect((await ballot(w.delegate, vote.id, 'no', clientId)).body).toMatchObject({ choice: 'yes', replay: true });
    const socket = await joined(w.delegateB);
    const viaSocket = await call(socket, 'vote:cast', { voteId: vote.id, clientId: crypto.randomUUID(), choice: 'yes' });
    expect(viaSocket).toMatchObject({ ok: true, data: { counted: true, choice: 'yes' } });
    expect((await ballot(w.chair, vote.id, 'abstain')).status).toBe(200);
    expect(await rowsOf('SELECT count(*)::int AS n FROM named_ballots WHERE vote_id = $1', [vote.id])).toEqual([{ n: 3 }]);
    const tallies = await waitForEvents(staff, (es) => es.some((e) => e.type === 'vote.tally' && e.payload.tally.voteId === vote.id && e.payload.tally.ballotsCast === 3));
    // while open, only how many have voted
    for (const e of tallies.filter((x) => x.type === 'vote.tally')) expect(Object.keys(e.payload).concat(Object.keys((e.payload as { tally: object }).tally)).sort()).toEqual(['ballotsCast', 'eligible', 'tally', 'voteId']);
    expect((await w.delegate.get<VoteForMe>(`/votes/${vote.id}`)).body.myBallot).toEqual({ cast: true, choice: 'yes' });

    const closed = await close(vote.id);
    // 5 seats: 2 yes is not more than half (3 needed)
    expect(closed.result).toMatchObject({ counts: { yes: 2, no: 0, abstain: 1, cast: 3 }, seats: 5, present: 3, needed: 3, passed: false, rule: 'majority_of_seats' });
  });

  it('refuses a ballot after the close, a retried one too, and never changes a closed vote', async () => {
    const late = await ballot(w.delegate, vote.id, 'no');
    expect([late.status, late.body.code]).toEqual([409, 'VOTE_CLOSED']);
    const socket = await joined(w.delegate);
    const retried = (await call(socket, 'vote:cast', { voteId: vote.id, clientId: crypto.randomUUID(), choice: 'no' })) as Ack<BallotReceipt>;
    expect(retried).toMatchObject({ ok: false, error: { code: 'VOTE_CLOSED' } });
    const [stored] = await rowsOf('SELECT client_ids FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [vote.id, w.ids.delegate]);
    expect((await ballot(w.delegate, vote.id, 'yes', stored.client_ids[0])).body.code).toBe('VOTE_CLOSED');
    expect((await rowsOf('SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [vote.id, w.ids.delegate]))[0].choice).toBe('yes');
    expect((await w.chair.post<Err>(`/votes/${vote.id}/close`)).body.code).toBe('VOTE_CLOSED');
    expect((await w.chair.post<Err>(`/votes/${vote.id}/open`)).body.code).toBe('VOTE_CLOSED');
    await expect(server.db.query(`UPDATE votes SET result = jsonb_set(result, '{passed}', 'true') WHERE id = $1`, [vote.id])).rejects.toThrow('a closed vote cannot change');
  });

  it('repeats a vote keeping both records; the later one counts', async () => {
    await setSeats(3);
    const again = await w.chair.post<Vote>(`/votes/${vote.id}/repeat`);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ repeatOf: vote.id, status: 'draft', question: vote.question });
    expect((await w.chair.post<Err>(`/votes/${vote.id}/repeat`)).status).toBe(409);
    await open(again.body.id);
    for (const api of [w.chair, w.delegate, w.delegateB]) await ballot(api, again.body.id, 'yes');
    const result = (await close(again.body.id)).result!;
    expect(result).toMatchObject({ counts: { yes: 3 }, seats: 3, passed: true });
    const list = (await w.delegate.get<VoteForMe[]>(`${mPath()}/votes`)).body;
    expect(list.find((v) => v.id === vote.id)).toMatchObject({ supersededBy: again.body.id, result: { passed: false } });
    expect(list.find((v) => v.id === again.body.id)).toMatchObject({ repeatOf: vote.id, result: { passed: true } });
    const records = (await w.secretary.get<VoteRecords>(`/votes/${vote.id}/records`)).body;
    expect(records.ballots.map((b) => [b.userId, b.choice]).sort()).toEqual([[w.ids.chair, 'abstain'], [w.ids.delegate, 'yes'], [w.ids.delegateB, 'yes']].sort());
    expect((await w.delegate.get(`/votes/${vote.id}/records`)).status).toBe(403);
    expect((await w.chair.post(`/votes/${vote.id}/publish-records`)).status).toBe(200);
    expect((await w.delegate.get(`/votes/${vote.id}/records`)).status).toBe(200);
  });

  it('catches a reconnecting phone and the hall screen up on a closed vote and its result', async () => {
    const v = await newVote({ question: 'Thông qua chương trình kỳ họp' });
    const phone = await joined(w.delegate);
    await open(v.id);
    await waitForEvents(phone, (es) => es.some((e) => e.type === 'vote.changed' && e.payload.vote.id === v.id && e.payload.vote.status === 'open'));
    const lastSeen = Math.max(...phone.received.map((e) => e.seq));
    phone.disconnect();
    await ballot(w.chair, v.id, 'yes');
    await ballot(w.delegateB, v.id, 'yes');
    await close(v.id);
    await w.chair.post(`/votes/${v.id}/hall`, { show: true });
    const back = await joined(w.delegate);
    const caught = (await call(back, 'events:catchup', { meetingId: w.meeting.id, after: lastSeen })) as Ack<MeetingEvent[]>;
    if (!caught.ok) throw new Error(JSON.stringify(caught));
    const final = caught.data.filter((e) => e.type === 'vote.changed' && e.payload.vote.id === v.id).pop();
    expect(final?.type === 'vote.changed' && final.payload.vote).toMatchObject({ status: 'closed', onHallScreen: true, result: { counts: { yes: 2, cast: 2 }, seats: 3, passed: true } });
    const hall = (await new Api(server).get<HallSessionDay>(`/hall/${w.meeting.id}/session-day?token=${hallToken}`)).body;
    expect(hall.vote).toMatchObject({ id: v.id, result: { passed: true } });
  });
});

describe('pass rules at their edges (show of hands entered by the secretariat)', () => {
  const manual = async (seats: number, passRule: string, yes: number, no = 0, abstain = 0) => {
    await setSeats(seats);
    const v = await newVote({ kind: 'show_of_hands', passRule, question: `Giơ tay ${passRule} ${yes}/${seats}` });
    const res = await w.secretary.post<Vote & Err>(`/votes/${v.id}/manual-result`, { yes, no, abstain });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body.result!;
  };

  it('needs more than half of the total seats: of 15, 7 fails and 8 passes', async () => {
    expect(await manual(15, 'majority_of_seats', 7, 2)).toMatchObject({ passed: false, needed: 8, manual: true, seats: 15 });
    expect(await manual(15, 'majority_of_seats', 8)).toMatchObject({ passed: true, needed: 8 });
  });

  it('needs two thirds of the total seats: of 30, 19 fails and 20 passes', async () => {
    expect(await manual(30, 'two_thirds_of_seats', 19)).toMatchObject({ passed: false, needed: 20 });
    expect(await manual(30, 'two_thirds_of_seats', 20)).toMatchObject({ passed: true, needed: 20 });
  });

  it('counts more than half of those present (3 present: 2 passes, 1 fails) and more than half of the votes cast', async () => {
    expect(await manual(30, 'majority_of_present', 2)).toMatchObject({ passed: true, present: 3, needed: 2 });
    expect(await manual(30, 'majority_of_present', 1, 1)).toMatchObject({ passed: false });
    expect(await manual(30, 'majority_of_cast', 2, 1, 1)).toMatchObject({ passed: false, needed: 3 });
    expect(await manual(30, 'majority_of_cast', 3, 1, 1)).toMatchObject({ passed: true, needed: 3 });
  });

  it('refuses more hands than seats, a hand count on an electronic vote and a closed one', async () => {
    await setSeats(3);
    const v = await newVote({ kind: 'show_of_hands' });
    expect((await w.secretary.post<Err>(`/votes/${v.id}/manual-result`, { yes: 3, no: 1, abstain: 0 })).status).toBe(400);
    expect((await w.secretary.post<Err>(`/votes/${v.id}/manual-result`, { yes: -1, no: 0, abstain: 0 })).status).toBe(400);
    const named = await newVote();
    expect((await w.secretary.post<Err>(`/votes/${named.id}/manual-result`, { yes: 1, no: 0, abstain: 0 })).status).toBe(400);
    await w.secretary.post(`/votes/${v.id}/manual-result`, { yes: 2, no: 0, abstain: 0 });
    expect((await w.secretary.post<Err>(`/votes/${v.id}/manual-result`, { yes: 0, no: 2, abstain: 0 })).body.code).toBe('VOTE_CLOSED');
    const audit = (await w.secretary.get<AuditEntry[]>(`${mPath()}/audit`)).body;
    expect(audit.find((a) => a.action === 'vote.manual' && a.targetId === v.id)?.meta).toMatchObject({ yes: 2, passed: true });
    await w.secretary.post(`/votes/${named.id}/open`);
    await close(named.id);
  });
});

describe('bad ballots', () => {
  it('answers each with a 4xx or an error ack and writes nothing', async () => {
    await setSeats(3);
    const draft = await newVote({ question: 'Bản nháp' });
    const v = await newVote({ question: 'Biểu quyết để thử lỗi' });
    await open(v.id);
    const otherVote = (await other.chair.post<Vote>(`/meetings/${other.meeting.id}/votes`, { question: 'Họp khác' })).body;
    const count = async () => (await rowsOf('SELECT (SELECT count(*) FROM named_ballots)::int + (SELECT count(*) FROM secret_ballot_voters)::int AS n', []))[0].n;
    const before = await count();
    const cases: [string, () => Promise<{ status: number; body: Err }>, number, string][] = [
      ['an observer', () => ballot(w.observer, v.id, 'yes'), 403, 'FORBIDDEN'],
      ['a secretary without a voting right', () => ballot(w.secretary, v.id, 'yes'), 403, 'NO_VOTING_RIGHT'],
      ['an outsider', () => ballot(w.outsider, v.id, 'yes'), 404, 'NOT_FOUND'],
      ['a delegate of another meeting', () => ballot(other.delegate, v.id, 'yes'), 404, 'NOT_FOUND'],
      ['a delegate on another meeting’s vote', () => ballot(w.delegate, otherVote.id, 'yes'), 404, 'NOT_FOUND'],
      ['a vote not opened', () => ballot(w.delegate, draft.id, 'yes'), 409, 'VOTE_NOT_OPEN'],
      ['an unknown vote', () => ballot(w.delegate, crypto.randomUUID(), 'yes'), 404, 'NOT_FOUND'],
      ['an unknown option', () => ballot(w.delegate, v.id, 'maybe'), 400, 'VALIDATION_FAILED'],
      ['a malformed client id', () => w.delegate.post<Err>(`/votes/${v.id}/ballots`, { clientId: 'x', choice: 'yes' }), 400, 'VALIDATION_FAILED'],
      ['a malformed body', () => w.delegate.request<Err>('POST', `/votes/${v.id}/ballots`, '{"choice":', { 'content-type': 'application/json' }), 400, 'MALFORMED_JSON'],
      ['a malformed vote id', () => ballot(w.delegate, 'not-a-uuid', 'yes'), 400, 'VALIDATION_FAILED'],
      ['no session', () => ballot(w.anonymous, v.id, 'yes'), 401, 'UNAUTHENTICATED'],
    ];
    for (const [name, run, status, code] of cases) {
      const res = await run();
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
    }
    // not present: delegate B leaves the sitting
    await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.delegateB, status: 'absent' }] });
    expect((await ballot(w.delegateB, v.id, 'yes')).body.code).toBe('NOT_PRESENT');
    const socket = await joined(w.delegate);
    for (const [payload, code] of [
      [{ voteId: v.id, clientId: crypto.randomUUID(), choice: 'maybe' }, 'VALIDATION_FAILED'],
      [{ voteId: v.id, choice: 'yes' }, 'VALIDATION_FAILED'],
      [null, 'VALIDATION_FAILED'],
      ['yes', 'VALIDATION_FAILED'],
      [{ voteId: draft.id, clientId: crypto.randomUUID(), choice: 'yes' }, 'VOTE_NOT_OPEN'],
      [{ voteId: otherVote.id, clientId: crypto.randomUUID(), choice: 'yes' }, 'NOT_FOUND'],
    ] as const) {
      expect(await call(socket, 'vote:cast', payload)).toMatchObject({ ok: false, error: { code } });
    }
    const hall = track(await connectSocket(server.url, { displayToken: hallToken }));
    expect(await call(hall, 'vote:cast', { voteId: v.id, clientId: crypto.randomUUID(), choice: 'yes' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(socket.connected).toBe(true);
    expect(await count()).toBe(before);
    await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.delegateB, status: 'online' }] });
    await close(v.id);
  });

  it('closes by itself when the countdown ends', async () => {
    const v = await newVote({ question: 'Biểu quyết có đếm ngược' });
    const staff = await joined(w.chair);
    const opened = await open(v.id, { durationSeconds: 10 });
    expect(new Date(opened.closesAt!).getTime() - new Date(opened.openedAt!).getTime()).toBe(10_000);
    await ballot(w.delegate, v.id, 'yes');
    await waitForEvents(staff, (es) => es.some((e) => e.type === 'vote.changed' && e.payload.vote.id === v.id && e.payload.vote.status === 'closed'), 20_000);
    expect((await ballot(w.delegateB, v.id, 'yes')).body.code).toBe('VOTE_CLOSED');
    expect((await w.chair.get<Vote>(`/votes/${v.id}`)).body.result?.counts.yes).toBe(1);
  }, 30_000);
});

describe('votes per section of a draft resolution', () => {
  it('prepares one vote per Điều and one on the whole text', async () => {
    const pdf = await buildDraftResolutionPdf({
      title: 'Nghị quyết về kế hoạch đầu tư công',
      councilName: 'HĐND xã Thử Nghiệm',
      articles: [
        { heading: 'Điều 1. Phạm vi điều chỉnh', clauses: ['Nghị quyết này quy định kế hoạch đầu tư công.'] },
        { heading: 'Điều 2. Tổ chức thực hiện', clauses: ['Giao Ủy ban nhân dân xã tổ chức thực hiện.'] },
      ],
    });
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'nq.pdf', data: pdf }], { agendaItemId: w.agenda[1].id });
    const doc = (up.body as UploadResult).documents[0];
    await w.secretary.waitReady(doc.id);
    const res = await w.chair.post<Vote[]>(`${mPath()}/votes/sections`, { documentId: doc.id, kind: 'named' });
    expect(res.status).toBe(201);
    expect(res.body.map((v) => v.sectionLabel)).toEqual(['Điều 1', 'Điều 2', 'Toàn văn']);
    expect(res.body[0]).toMatchObject({ agendaItemId: w.agenda[1].id, documentId: doc.id });
    expect(res.body[0].sectionExcerpt).toContain('Điều 1');
    expect((await w.chair.post(`${mPath()}/votes/sections`, { documentId: other.meeting.id })).status).toBe(400);
  });
});

describe('exports for the minutes', () => {
  it('writes the attendance list and the results as CSV, DOCX and PDF', async () => {
    const csv = await w.secretary.get<string>(`/sittings/${sitting.id}/attendance/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Có mặt tại hội trường');
    expect(csv.body).toContain('Người dùng w-delegate');
    const results = await w.secretary.get<string>(`${mPath()}/votes/export?format=csv`);
    expect(results.body).toMatch(/3 phiếu, chiếm 100,00% tổng số đại biểu/);
    expect(results.body).toContain('ĐÃ THÔNG QUA');
    for (const format of ['docx', 'pdf']) {
      for (const path of [`/sittings/${sitting.id}/attendance/export`, `${mPath()}/votes/export`]) {
        const res = await w.secretary.get(`${path}?format=${format}`);
        expect([res.status, res.headers.get('content-type')?.includes(format === 'pdf' ? 'pdf' : 'wordprocessingml')]).toEqual([200, true]);
      }
    }
    expect((await w.delegate.get(`${mPath()}/votes/export?format=csv`)).status).toBe(403);
    expect((await w.secretary.get(`${mPath()}/votes/export?format=xls`)).status).toBe(400);
  });
});
