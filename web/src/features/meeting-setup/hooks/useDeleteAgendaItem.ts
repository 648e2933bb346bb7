import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';
import { useInvalidateMeeting } from './useInvalidateMeeting';

export function useDeleteAgendaItem(meetingId: string) {
  const invalidate = useInvalidateMeeting(meetingId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => meetingsApi.deleteAgendaItem(meetingId, itemId),
    onSuccess: async () => {
      await invalidate();
      // documents of the deleted item now belong to no item
      await queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) });
    },
  });
}
