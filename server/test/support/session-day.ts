import type { DisplayLink } from '@hopso/shared';
import { Api, insertUser, login, type MeetingWorld } from './api';
import type { TestServer } from './server';

/** Adds a person to the world's meeting as người trả lời chất vấn and logs them in. */
export async function addOfficial(server: TestServer, w: MeetingWorld, username: string, fullName = `Cán bộ ${username}`): Promise<{ api: Api; id: string }> {
  const id = await insertUser(server, username, { fullName });
  const res = await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role: 'official' });
  if (res.status !== 201) throw new Error(`add official: ${res.status} ${JSON.stringify(res.body)}`);
  return { api: await login(server, username), id };
}

/** Adds `n` more delegates to the world's meeting, logged in. */
export async function addDelegates(server: TestServer, w: MeetingWorld, prefix: string, n: number): Promise<{ api: Api; id: string }[]> {
  const out: { api: Api; id: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const id = await insertUser(server, `${prefix}-${i}`, { fullName: `Đại biểu ${prefix} ${i}` });
    await w.secretary.post(`/meetings/${w.meeting.id}/participants`, { userId: id, role: 'delegate' });
    out.push({ api: await login(server, `${prefix}-${i}`), id });
  }
  return out;
}

/** A hall display link's token for the world's meeting. */
export async function hallToken(w: MeetingWorld): Promise<string> {
  const link = (await w.secretary.post<DisplayLink>(`/meetings/${w.meeting.id}/display-links`, { label: 'TV hội trường' })).body;
  return new URL(link.url!, 'http://x').searchParams.get('token')!;
}
