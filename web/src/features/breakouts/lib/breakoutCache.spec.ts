import { QueryClient } from '@tanstack/react-query';
import type { Breakout, GroupMessage } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { putBreakout, putGroupMessage } from './breakoutCache';

const M = 'm1';
const message = (id: string, createdAt: string): GroupMessage => ({ id, clientId: `c-${id}`, groupId: 'g1', authorId: 'u1', authorName: 'A', body: id, citation: null, createdAt });
const breakout = (status: Breakout['status'], lastMessageAt: string | null = null, messageCount = 0): Breakout => ({
  meetingId: M,
  agendaItemId: 'a1',
  status,
  startedAt: null,
  endsAt: null,
  endedAt: null,
  groups: [{ id: 'g1', meetingId: M, agendaItemId: 'a1', name: 'Tổ 1', leaderId: null, memberIds: ['u1'], documentIds: [], report: null, messageCount, lastMessageAt }],
});

describe('breakout cache', () => {
  it('replaces the breakout of the same agenda item', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.breakouts(M), [breakout('prepared')]);
    putBreakout(qc, breakout('running'));
    expect(qc.getQueryData<Breakout[]>(queryKeys.breakouts(M))?.map((b) => b.status)).toEqual(['running']);
  });

  it('adds a group message once, in time order, and counts it once', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.groupMessages(M, 'g1'), [message('b', '2026-01-01T08:02:00.000Z')]);
    qc.setQueryData(queryKeys.breakouts(M), [breakout('running', '2026-01-01T08:02:00.000Z', 1)]);
    const fresh = message('c', '2026-01-01T08:03:00.000Z');
    putGroupMessage(qc, M, fresh);
    putGroupMessage(qc, M, fresh); // the REST answer and the live event both bring it
    putGroupMessage(qc, M, message('a', '2026-01-01T08:01:00.000Z'));
    expect(qc.getQueryData<GroupMessage[]>(queryKeys.groupMessages(M, 'g1'))?.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(qc.getQueryData<Breakout[]>(queryKeys.breakouts(M))?.[0].groups[0]).toMatchObject({ messageCount: 2, lastMessageAt: fresh.createdAt });
  });
});
