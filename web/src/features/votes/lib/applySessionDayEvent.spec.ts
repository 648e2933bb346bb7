import { QueryClient } from '@tanstack/react-query';
import type { MeetingEvent, VoteForMe } from '@hopso/shared';
import { applySessionDayEvent } from './applySessionDayEvent';
import { voteKeys } from './voteKeys';

const vote = (id: string, position: number): VoteForMe => ({ id, meetingId: 'm', position, status: 'draft', myBallot: { cast: false, choice: null } }) as VoteForMe;

describe('session-day events in the cache', () => {
  it('takes a deleted draft out of the staff’s list and leaves the others', () => {
    const qc = new QueryClient();
    qc.setQueryData(voteKeys.votes('m'), [vote('a', 1), vote('b', 2)]);
    const event = { meetingId: 'm', seq: 7, type: 'vote.deleted', at: new Date().toISOString(), payload: { meetingId: 'm', voteId: 'a' } } satisfies MeetingEvent;
    applySessionDayEvent(qc, event);
    expect(qc.getQueryData<VoteForMe[]>(voteKeys.votes('m'))!.map((v) => v.id)).toEqual(['b']);
  });
});
