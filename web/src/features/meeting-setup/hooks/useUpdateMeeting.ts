import { useMutation } from '@tanstack/react-query';
import type { UpdateMeetingRequest } from '@hopso/shared';
import { meetingsApi } from '../../meetings/api/meetingsApi';
import { useInvalidateMeeting } from './useInvalidateMeeting';

export function useUpdateMeeting(meetingId: string) {
  const invalidate = useInvalidateMeeting(meetingId);
  return useMutation({ mutationFn: (body: UpdateMeetingRequest) => meetingsApi.update(meetingId, body), onSuccess: invalidate });
}
