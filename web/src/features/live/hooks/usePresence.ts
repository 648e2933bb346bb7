import { skipToken, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';

/** User ids online in a meeting now, as the socket last said (staff only; undefined until it has). */
export function usePresence(meetingId: string) {
  return useQuery<string[]>({ queryKey: queryKeys.presence(meetingId), queryFn: skipToken, staleTime: Infinity });
}
