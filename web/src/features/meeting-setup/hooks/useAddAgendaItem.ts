import { useMutation } from '@tanstack/react-query';
import type { CreateAgendaItemRequest } from '@hopso/shared';
import { meetingsApi } from '../../meetings/api/meetingsApi';
import { useInvalidateMeeting } from './useInvalidateMeeting';

export function useAddAgendaItem(meetingId: string) {
  const invalidate = useInvalidateMeeting(meetingId);
  return useMutation({ mutationFn: (body: CreateAgendaItemRequest) => meetingsApi.addAgendaItem(meetingId, body), onSuccess: invalidate });
}
