import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingStatus } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

/** Starts or ends the session; the answer goes straight into the cache. */
export function useSessionStatus(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: MeetingStatus) => meetingsApi.changeStatus(meetingId, { status }),
    onSuccess: async (meeting) => {
      queryClient.setQueryData(queryKeys.meeting(meetingId), meeting);
      await queryClient.invalidateQueries({ queryKey: queryKeys.meetings, exact: true });
    },
  });
}
