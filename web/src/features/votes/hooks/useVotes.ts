import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Vote, VoteForMe } from '@hopso/shared';
import { votesApi } from '../api/votesApi';
import { voteKeys } from '../lib/voteKeys';

export function useVotes(meetingId: string, enabled = true) {
  return useQuery({ queryKey: voteKeys.votes(meetingId), queryFn: () => votesApi.list(meetingId), enabled });
}

/** The vote on screen for a participant: the open one, else the last closed one they have not dismissed. */
export function openVote(list: readonly VoteForMe[] | undefined): VoteForMe | null {
  return list?.find((v) => v.status === 'open') ?? null;
}

/** A staff action on a vote: the answer goes into the list at once (the event will say the same). */
export function useVoteAction<V>(meetingId: string, run: (v: V) => Promise<Vote | Vote[] | void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: voteKeys.votes(meetingId), exact: true }),
  });
}
