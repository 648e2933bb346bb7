import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingRequest } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingRequest) => meetingsApi.create(body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(queryKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetings, exact: true });
    },
  });
}
