import { useQuery } from '@tanstack/react-query';
import type { HallSessionDay } from '@hopso/shared';
import { votesApi } from '../api/votesApi';
import { voteKeys } from '../lib/voteKeys';

/** The hall's session day over REST; the hall's socket (useHallLive) keeps it current through the shared cache. */
export function useHallSessionDay(meetingId: string, token: string) {
  return useQuery({
    queryKey: voteKeys.hallSessionDay(meetingId),
    queryFn: ({ signal }) => votesApi.hall(meetingId, token, signal),
    enabled: Boolean(meetingId && token),
    staleTime: Infinity,
    refetchInterval: 15 * 60_000,
    // a refetch read before the last live event must not put the screen back
    structuralSharing: (previous, next) => {
      const old = previous as HallSessionDay | undefined;
      const fresh = next as HallSessionDay;
      return old && fresh && fresh.seq < old.seq ? old : fresh;
    },
  });
}
