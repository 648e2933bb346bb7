import { useMutation } from '@tanstack/react-query';
import type { UpdateAgendaItemRequest } from '@hopso/shared';
import { meetingsApi } from '../../meetings/api/meetingsApi';
import { useInvalidateMeeting } from './useInvalidateMeeting';

export function useUpdateAgendaItem(meetingId: string) {
  const invalidate = useInvalidateMeeting(meetingId);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateAgendaItemRequest }) => meetingsApi.updateAgendaItem(meetingId, itemId, body),
    onSuccess: invalidate,
  });
}
