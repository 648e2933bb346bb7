import crypto from 'node:crypto';
import type { BallotReceipt, DisplayLink, MeetingEvent, Sitting, Vote, VoteChoice } from '@hopso/shared';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { call, socketFor, waitForEvents, type TestSocket } from './support/sockets';

/**
 * The secret-ballot no-link test: two votes in which the same people vote in the same order and
 * the same choices are cast, but by different people. Everything anyone can observe afterwards —
 * every endpoint (staff, voters, the hall), every event (REST and socket), the audit log, the
 * exports, every database row that names the vote, the server log — must be the same for both,
 * once ids and times are set aside. If anything linked a voter to a choice, the two would differ.
 * The same comparison over two named votes must find the difference (the test can fail).
 */
let server: TestServer;
let w: MeetingWorld;
let hallToken: string;
let staffSocket: TestSocket;
let voters: { name: string; api: Api; id: string; socket: TestSocket }[];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  const m = `/meetings/${w.meeting.id}`;
  const link = (await w.secretary.post<DisplayLink>(`${m}/display-links`, {})).body;
  hallToken = new URL(link.url!, server.url).searchParams.get('token')!;
  const sitting = (await w.secretary.post<Sitting>(`${m}/sittings`, { title: 'Phiên bầu cử' })).body;
  await w.secretary.post(`/sittings/${sitting.id}/open`);
  await w.secretary.post(`/sittings/${sitting.id}/attendance`, {
    entries: [w.ids.chair, w.ids.delegate, w.ids.delegateB].map((userId) => ({ userId, status: 'hall' })),
  });
  const join = async (api: Api) => {
    const s = await socketFor(api);
    sockets.push(s);
    await call(s, 'meeting:join', { meetingId: w.meeting.id });
    return s;
  };
  staffSocket = await join(w.secretary);
  voters = [
    { name: 'chair', api: w.chair, id: w.ids.chair, socket: await join(w.chair) },
    { name: 'delegate', api: w.delegate, id: w.ids.delegate, socket: await join(w.delegate) },
    { name: 'delegateB', api: w.delegateB, id: w.ids.delegateB, socket: await join(w.delegateB) },
  ];
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
});

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const LOCAL_TIME = /\d{1,2}:\d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}/g;
const DROP = new Set(['seq', 'at', 'position', 'createdAt', 'openedAt', 'closesAt', 'closedAt', 'ctid', 'xmin']);

/** Ids and times set aside: what remains is what someone could use to tell the two votes apart. */
function normalise(value: unknown, voteId: string, question: string): unknown {
  const text = JSON.stringify(value).replaceAll(voteId, 'VOTE').replaceAll(question, 'QUESTION').replace(ISO, 'TIME').replace(LOCAL_TIME, 'TIME');
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k, x]) => !DROP.has(k) && !(k === 'id' && x !== 'VOTE')).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return strip(JSON.parse(text));
}

async function runVote(kind: 'secret' | 'named', question: string, choices: VoteChoice[]) {
  const before = Math.max(0, ...staffSocket.received.map((e) => e.seq));
  const logStart = server.logs().length;
  const vote = (await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question, kind })).body;
  await w.chair.post(`/votes/${vote.id}/open`);
  const receipts: unknown[] = [];
  for (const [i, v] of voters.entries()) {
    const res = await call(v.socket, 'vote:cast', { voteId: vote.id, clientId: crypto.randomUUID(), choice: choices[i] });
    receipts.push(res);
    // one count per ballot, so the number of count events cannot differ by timing
    await waitForEvents(staffSocket, (es) => es.some((e) => e.type === 'vote.tally' && e.payload.tally.voteId === vote.id && e.payload.tally.ballotsCast === i + 1));
  }
  await w.chair.post(`/votes/${vote.id}/close`);
  await w.chair.post(`/votes/${vote.id}/hall`, { show: true });
  await waitForEvents(staffSocket, (es) => es.some((e) => e.type === 'vote.changed' && e.payload.vote.id === vote.id && e.payload.vote.onHallScreen));
  return { vote, before, logStart, receipts };
}

async function observe(run: Awaited<ReturnType<typeof runVote>>, question: string) {
  const id = run.vote.id;
  const m = `/meetings/${w.meeting.id}`;
  const mentions = (e: MeetingEvent) => JSON.stringify(e).includes(id);
  const seen: Record<string, unknown> = { receipts: run.receipts };
  for (const [who, api] of [['chair', w.chair], ['secretary', w.secretary], ['admin', w.admin], ['observer', w.observer], ...voters.map((v) => [v.name, v.api] as const)] as const) {
    seen[`${who} GET vote`] = (await api.get(`/votes/${id}`)).body;
    seen[`${who} GET records`] = (await api.get(`/votes/${id}/records`)).body;
    seen[`${who} GET tally`] = (await api.get(`/votes/${id}/tally`)).body;
    seen[`${who} GET votes`] = ((await api.get<{ id: string }[]>(`${m}/votes`)).body as { id: string }[]).filter?.((v) => v.id === id) ?? null;
    seen[`${who} GET events`] = ((await api.get<MeetingEvent[]>(`${m}/events?after=${run.before}`)).body as MeetingEvent[]).filter?.(mentions) ?? null;
  }
  seen.audit = ((await w.secretary.get<{ targetId: string }[]>(`${m}/audit`)).body).filter((a) => a.targetId === id);
  seen.hall = (await new Api(server).get(`/hall/${w.meeting.id}/session-day?token=${hallToken}`)).body;
  seen.socketEvents = [staffSocket, ...voters.map((v) => v.socket)].map((s) => s.received.filter(mentions));
  const csv = (await w.secretary.get<string>(`${m}/votes/export?format=csv`)).body;
  // (the first column numbers the votes of the meeting; the times differ when the two votes straddle a minute)
  seen.export = csv.split('\r\n').filter((line, i, all) => line.includes(question) || (i > 0 && all[i - 1].includes(question))).map((l) => l.replace(/^\d+,/, '').replace(/\d{2}\/\d{2}\/\d{4}|\d{1,2}:\d{2}(:\d{2})?/g, '…'));
  // every row of every table that names the vote, in physical order
  const tables: { table_name: string }[] = (await server.db.query(`SELECT table_name FROM information_schema.columns WHERE column_name = 'vote_id' AND table_schema = 'public' ORDER BY table_name`)).rows;
  for (const { table_name } of tables) seen[`table ${table_name}`] = (await server.db.query(`SELECT * FROM ${table_name} WHERE vote_id = $1`, [id])).rows;
  seen['table votes'] = (await server.db.query('SELECT * FROM votes WHERE id = $1', [id])).rows;
  seen['table meeting_events'] = (await server.db.query('SELECT type, payload, audience, user_ids FROM meeting_events WHERE payload::text LIKE $1 ORDER BY seq', [`%${id}%`])).rows;
  seen['table audit_events'] = (await server.db.query('SELECT user_id, action, meta FROM audit_events WHERE target_id = $1 ORDER BY id', [id])).rows;
  seen.log = server.logs().slice(run.logStart).split('\n').filter((l) => /choice|"yes"|"no"|abstain/.test(l));
  return normalise(seen, id, question);
}

describe('a secret ballot', () => {
  it('keeps who voted apart from what was chosen: two votes with the choices swapped between voters look the same everywhere', async () => {
    // each is observed before the next starts (the next one's "on the hall screen" takes the first one off)
    const first = await runVote('secret', 'Bầu Phó Chủ tịch HĐND – lần 1', ['no', 'yes', 'yes']);
    const a = await observe(first, 'Bầu Phó Chủ tịch HĐND – lần 1');
    const second = await runVote('secret', 'Bầu Phó Chủ tịch HĐND – lần 2', ['yes', 'no', 'yes']);
    const b = await observe(second, 'Bầu Phó Chủ tịch HĐND – lần 2');
    expect(b).toEqual(a);
    // and the result is right
    expect((await w.chair.get<Vote>(`/votes/${first.vote.id}`)).body.result?.counts).toEqual({ yes: 2, no: 1, abstain: 0, cast: 3 });
    // the voter still sees that their ballot was counted
    expect((await w.delegate.get<{ myBallot: unknown }>(`/votes/${first.vote.id}`)).body.myBallot).toEqual({ cast: true, choice: null });
  });

  it('the same comparison tells two named votes apart (the test can fail)', async () => {
    const first = await runVote('named', 'Công khai – lần 1', ['no', 'yes', 'yes']);
    const a = await observe(first, 'Công khai – lần 1');
    const second = await runVote('named', 'Công khai – lần 2', ['yes', 'no', 'yes']);
    expect(await observe(second, 'Công khai – lần 2')).not.toEqual(a);
  });

  it('stores voters and choices in tables that cannot be joined, rewritten by the close', async () => {
    const cols = async (t: string) => (await server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [t])).rows.map((r) => r.column_name);
    expect(await cols('secret_ballot_voters')).toEqual(['client_id', 'vote_id', 'voter_id']);
    expect(await cols('secret_ballot_tallies')).toEqual(['choice', 'count', 'vote_id']);
    const withChoice = (await server.db.query(`SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'choice' AND table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.table_name);
    expect(withChoice).toEqual(['named_ballots', 'secret_ballot_tallies']);
    const { rows: votes } = await server.db.query(`SELECT id FROM votes WHERE kind = 'secret' AND status = 'closed'`);
    for (const { id } of votes) {
      const { rows } = await server.db.query(
        `SELECT xmin::text AS x, client_id::text AS c FROM secret_ballot_voters WHERE vote_id = $1 UNION ALL SELECT xmin::text, NULL FROM secret_ballot_tallies WHERE vote_id = $1`,
        [id],
      );
      // one transaction (the close) wrote every row as it is now; no client id is left
      expect(new Set(rows.map((r) => r.x)).size).toBe(1);
      expect(rows.every((r) => r.c === null)).toBe(true);
      expect((await server.db.query('SELECT count(*)::int AS n FROM secret_ballot_tallies WHERE vote_id = $1', [id])).rows[0].n).toBe(3);
    }
  });

  it('counts a retried secret ballot once and refuses a changed one', async () => {
    const vote = (await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: 'Lấy phiếu tín nhiệm', kind: 'secret' })).body;
    await w.chair.post(`/votes/${vote.id}/open`);
    const clientId = crypto.randomUUID();
    const first = await w.delegate.post<BallotReceipt>(`/votes/${vote.id}/ballots`, { clientId, choice: 'yes' });
    expect(first.body).toMatchObject({ counted: true, choice: null, replay: false });
    const retry = await w.delegate.post<BallotReceipt>(`/votes/${vote.id}/ballots`, { clientId, choice: 'yes' });
    expect(retry.body).toMatchObject({ counted: true, replay: true });
    const change = await w.delegate.post<{ code: string }>(`/votes/${vote.id}/ballots`, { clientId: crypto.randomUUID(), choice: 'no' });
    expect([change.status, change.body.code]).toEqual([409, 'BALLOT_FINAL']);
    const closed = (await w.chair.post<Vote>(`/votes/${vote.id}/close`)).body;
    expect(closed.result?.counts).toEqual({ yes: 1, no: 0, abstain: 0, cast: 1 });
    const late = await w.delegate.post<{ code: string }>(`/votes/${vote.id}/ballots`, { clientId, choice: 'yes' });
    expect(late.body.code).toBe('VOTE_CLOSED');
  });

  it('answers a retry racing its first copy as a replay, counted once, for secret and named votes alike', async () => {
    for (const kind of ['secret', 'named'] as const) {
      const vote = (await w.chair.post<Vote>(`/meetings/${w.meeting.id}/votes`, { question: `Hai bản cùng lúc ${kind}`, kind })).body;
      await w.chair.post(`/votes/${vote.id}/open`);
      for (const v of voters) {
        const payload = { voteId: vote.id, clientId: crypto.randomUUID(), choice: 'yes' };
        const [a, b, rest] = await Promise.all([call(v.socket, 'vote:cast', payload), call(v.socket, 'vote:cast', payload), v.api.post(`/votes/${vote.id}/ballots`, payload)]);
        expect([a.ok, b.ok, rest.status]).toEqual([true, true, 200]);
      }
      const closed = (await w.chair.post<Vote>(`/votes/${vote.id}/close`)).body;
      expect(closed.result?.counts).toEqual({ yes: 3, no: 0, abstain: 0, cast: 3 });
    }
  });
});
