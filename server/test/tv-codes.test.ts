import { TV_CODE_FAILURES_PER_MINUTE, type ApiErrorBody, type DisplayLink, type HallState, type RedeemedTvCode, type TvCode } from '@hopso/shared';
import { buildMeetingWorld, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
}, 120_000);
afterAll(() => server?.stop());

const newCode = async (label = 'TV hội trường') => {
  const res = await w.secretary.post<TvCode>(`/meetings/${w.meeting.id}/tv-codes`, { label });
  expect(res.status).toBe(201);
  return res.body;
};
const redeem = (code: unknown) => w.anonymous.post<RedeemedTvCode & ApiErrorBody>('/tv-codes/redeem', { code });

describe('the TV short code', () => {
  it('opens a new display link once, typed with or without a space, and the link shows the hall', async () => {
    const { code, expiresAt } = await newCode('TV phòng họp 2');
    expect(code).toMatch(/^\d{6}$/);
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(5 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000 + 5_000);
    const opened = await redeem(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(opened.status).toBe(200);
    expect(opened.body.url).toMatch(new RegExp(`^/hall/${w.meeting.id}\\?token=[\\w-]+$`));
    const token = new URL(opened.body.url, server.url).searchParams.get('token');
    const hall = await w.anonymous.get<HallState>(`/hall/${w.meeting.id}?token=${token}`);
    expect(hall.status).toBe(200);
    expect(hall.body.meetingId).toBe(w.meeting.id);
    // the secretariat sees the link it made, by its label, and can revoke it as any other
    const links = (await w.secretary.get<DisplayLink[]>(`/meetings/${w.meeting.id}/display-links`)).body;
    expect(links.map((l) => l.label)).toContain('TV phòng họp 2');
    // a second use is refused, with the same answer as a wrong code
    const again = await redeem(code);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 404, code: 'TV_CODE_INVALID' });
  });

  it('refuses an expired code, bad input, and people who may not set up the hall', async () => {
    const { code } = await newCode();
    await server.db.query(`UPDATE tv_codes SET expires_at = now() - interval '1 second'`);
    const expired = await redeem(code);
    expect({ status: expired.status, code: expired.body.code }).toEqual({ status: 404, code: 'TV_CODE_INVALID' });
    for (const bad of ['12345', '1234567', 'abcdef', '', 123456, null, '12 34 56', '١٢٣٤٥٦']) {
      const res = await redeem(bad);
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await w.delegate.post(`/meetings/${w.meeting.id}/tv-codes`, { label: 'TV' })).status).toBe(403);
    expect((await w.outsider.post(`/meetings/${w.meeting.id}/tv-codes`, { label: 'TV' })).status).toBe(404);
    expect((await w.anonymous.post(`/meetings/${w.meeting.id}/tv-codes`, { label: 'TV' })).status).toBe(401);
    expect((await w.secretary.post(`/meetings/${w.meeting.id}/tv-codes`, { label: 'x'.repeat(101) })).status).toBe(400);
  });

  it('stops an address that types too many wrong codes, even the right one, for a minute', async () => {
    await server.db.query('DELETE FROM tv_code_failures');
    const { code } = await newCode();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < TV_CODE_FAILURES_PER_MINUTE; i++) expect((await redeem(wrong)).body.code).toBe('TV_CODE_INVALID');
    const limited = await redeem(code);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'TV_CODE_RATE_LIMITED' });
    // a minute later (the failures aged) the right code still works: the refusal did not spend it
    await server.db.query(`UPDATE tv_code_failures SET at = now() - interval '61 seconds'`);
    expect((await redeem(code)).status).toBe(200);
  });
});
