import crypto from 'node:crypto';
import type { Sitting, Vote } from '@hopso/shared';
import { Api, buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

/** Every session-day route answered per caller as shared/src/roles.ts says (votes.*, attendance.*). */
type Who = 'admin' | 'secretary' | 'chair' | 'delegate' | 'observer' | 'outsider' | 'anonymous';
const EVERYONE: Who[] = ['admin', 'secretary', 'chair', 'delegate', 'observer', 'outsider', 'anonymous'];

let server: TestServer;
let w: MeetingWorld;
beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
  await w.admin.put(`/councils/${w.council.id}/voting-settings`, { seats: 3 });
});
afterAll(() => server?.stop());

const m = () => `/meetings/${w.meeting.id}`;
// administrators set meetings up; the session day belongs to the meeting's participants
const staff = (ok: number) => ({ admin: 404, secretary: ok, chair: ok, delegate: 403, observer: 403, outsider: 404, anonymous: 401 });
const participants = (ok: number) => ({ admin: 404, secretary: ok, chair: ok, delegate: ok, observer: ok, outsider: 404, anonymous: 401 });
// voting members only: the secretary has no voting right unless marked
const voters = (ok: number) => ({ admin: 404, secretary: 403, chair: ok, delegate: ok, observer: 403, outsider: 404, anonymous: 401 });

async function withOpenSitting<T>(run: (s: Sitting) => Promise<T>): Promise<T> {
  const s = (await w.chair.post<Sitting>(`${m()}/sittings`, { title: 'Phiên thử quyền' })).body;
  await w.chair.post(`/sittings/${s.id}/open`);
  await w.chair.post(`/sittings/${s.id}/attendance`, { entries: [w.ids.chair, w.ids.delegate].map((userId) => ({ userId, status: 'hall' })) });
  try {
    return await run(s);
  } finally {
    await w.chair.post(`/sittings/${s.id}/close`);
  }
}
const draft = async (kind = 'named') => (await w.chair.post<Vote>(`${m()}/votes`, { question: 'Biểu quyết thử quyền', kind })).body;
async function withOpenVote<T>(run: (v: Vote) => Promise<T>): Promise<T> {
  return withOpenSitting(async () => {
    const v = await draft();
    await w.chair.post(`/votes/${v.id}/open`);
    try {
      return await run(v);
    } finally {
      await w.chair.post(`/votes/${v.id}/close`);
    }
  });
}
const closedVote = () => withOpenVote(async (v) => v);

interface Case {
  name: string;
  expect: Record<Who, number>;
  call: (a: Api) => Promise<{ status: number }>;
}
const cases: Case[] = [
  { name: 'GET /councils/:id/voting-settings', expect: { admin: 200, secretary: 200, chair: 404, delegate: 404, observer: 404, outsider: 404, anonymous: 401 }, call: (a) => a.get(`/councils/${w.council.id}/voting-settings`) },
  { name: 'PUT /councils/:id/voting-settings', expect: { admin: 200, secretary: 403, chair: 403, delegate: 403, observer: 403, outsider: 403, anonymous: 401 }, call: (a) => a.put(`/councils/${w.council.id}/voting-settings`, { seats: 3 }) },
  { name: 'PUT /meetings/:id/participants/:userId/voting-right', expect: staff(200), call: (a) => a.put(`${m()}/participants/${w.ids.delegateB}/voting-right`, { votingRight: true }) },
  { name: 'GET /meetings/:id/sittings', expect: { ...participants(200), admin: 200 }, call: (a) => a.get(`${m()}/sittings`) },
  { name: 'POST /meetings/:id/sittings', expect: staff(201), call: (a) => a.post(`${m()}/sittings`, { title: 'Phiên chiều' }) },
  {
    name: 'POST /sittings/:id/open',
    expect: staff(200),
    call: async (a) => {
      const s = (await w.chair.post<Sitting>(`${m()}/sittings`, { title: 'Phiên mở' })).body;
      const res = await a.post(`/sittings/${s.id}/open`);
      await w.chair.post(`/sittings/${s.id}/close`);
      return res;
    },
  },
  { name: 'POST /sittings/:id/close', expect: staff(200), call: async (a) => withOpenSitting(async (s) => a.post(`/sittings/${s.id}/close`)) },
  { name: 'GET /sittings/:id/attendance', expect: staff(200), call: (a) => withOpenSitting((s) => a.get(`/sittings/${s.id}/attendance`)) },
  { name: 'POST /sittings/:id/attendance', expect: staff(200), call: (a) => withOpenSitting((s) => a.post(`/sittings/${s.id}/attendance`, { entries: [{ userId: w.ids.delegateB, status: 'online' }] })) },
  { name: 'POST /sittings/:id/attendance/rest-absent', expect: staff(200), call: (a) => withOpenSitting((s) => a.post(`/sittings/${s.id}/attendance/rest-absent`, {})) },
  { name: 'GET /sittings/:id/attendance/export', expect: staff(200), call: (a) => withOpenSitting((s) => a.get(`/sittings/${s.id}/attendance/export?format=csv`)) },
  { name: 'POST /sittings/:id/check-in', expect: voters(200), call: (a) => withOpenSitting((s) => a.post(`/sittings/${s.id}/check-in`, { mode: 'online' })) },
  { name: 'POST /sittings/:id/absence', expect: voters(200), call: (a) => withOpenSitting((s) => a.post(`/sittings/${s.id}/absence`, { reason: 'Ốm' })) },
  { name: 'GET /meetings/:id/votes', expect: participants(200), call: (a) => a.get(`${m()}/votes`) },
  { name: 'POST /meetings/:id/votes', expect: staff(201), call: (a) => a.post(`${m()}/votes`, { question: 'Câu hỏi mới' }) },
  // access is checked first: staff reach the document check
  { name: 'POST /meetings/:id/votes/sections', expect: staff(400), call: (a) => a.post(`${m()}/votes/sections`, { documentId: w.meeting.id }) },
  { name: 'GET /meetings/:id/votes/export', expect: staff(200), call: (a) => a.get(`${m()}/votes/export?format=csv`) },
  { name: 'GET /votes/:id', expect: participants(200), call: async (a) => a.get(`/votes/${(await closedVote()).id}`) },
  { name: 'GET /votes/:id/tally', expect: participants(200), call: (a) => withOpenVote((v) => a.get(`/votes/${v.id}/tally`)) },
  { name: 'GET /votes/:id/records', expect: { ...staff(200), delegate: 403, observer: 403 }, call: async (a) => a.get(`/votes/${(await closedVote()).id}/records`) },
  {
    name: 'POST /votes/:id/open',
    expect: staff(200),
    call: (a) =>
      withOpenSitting(async () => {
        const v = await draft();
        const res = await a.post(`/votes/${v.id}/open`);
        await w.chair.post(`/votes/${v.id}/close`);
        return res;
      }),
  },
  { name: 'POST /votes/:id/close', expect: staff(200), call: (a) => withOpenVote((v) => a.post(`/votes/${v.id}/close`)) },
  { name: 'POST /votes/:id/ballots', expect: voters(200), call: (a) => withOpenVote((v) => a.post(`/votes/${v.id}/ballots`, { clientId: crypto.randomUUID(), choice: 'yes' })) },
  { name: 'POST /votes/:id/manual-result', expect: staff(200), call: async (a) => a.post(`/votes/${(await draft('show_of_hands')).id}/manual-result`, { yes: 1, no: 0, abstain: 0 }) },
  { name: 'POST /votes/:id/repeat', expect: staff(201), call: async (a) => a.post(`/votes/${(await closedVote()).id}/repeat`) },
  { name: 'POST /votes/:id/hall', expect: staff(200), call: async (a) => a.post(`/votes/${(await closedVote()).id}/hall`, { show: true }) },
  { name: 'POST /votes/:id/publish-records', expect: staff(200), call: async (a) => a.post(`/votes/${(await closedVote()).id}/publish-records`) },
];

describe.each(cases)('$name', ({ expect: expected, call }) => {
  it.each(EVERYONE)('answers %s as the permission table says', async (who) => {
    const res = await call(w[who]);
    expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
  });
});

it('shows the hall screen only with a live display link', async () => {
  const anonymous = new Api(server);
  expect((await anonymous.get(`/hall/${w.meeting.id}/session-day`)).status).toBe(401);
  expect((await anonymous.get(`/hall/${w.meeting.id}/session-day?token=made-up`)).status).toBe(401);
});
