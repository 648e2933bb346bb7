import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { breakoutsApi } from '../api/breakoutsApi';

/** A group's discussion, oldest first; new messages arrive through 'group.message' into the same list. */
export function useGroupMessages(meetingId: string, groupId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.groupMessages(meetingId, groupId),
    queryFn: () => breakoutsApi.messages(groupId),
    enabled: Boolean(groupId) && enabled,
  });
}
