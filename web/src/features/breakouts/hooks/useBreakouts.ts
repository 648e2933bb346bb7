import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { breakoutsApi } from '../api/breakoutsApi';

/**
 * The meeting's breakouts, kept current by 'breakout.changed' on the meeting socket (the caller
 * follows the meeting with useMeetingLive). Staff get every group; a delegate their own.
 */
export function useBreakouts(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.breakouts(meetingId),
    queryFn: () => breakoutsApi.list(meetingId),
    enabled: Boolean(meetingId) && enabled,
  });
}
