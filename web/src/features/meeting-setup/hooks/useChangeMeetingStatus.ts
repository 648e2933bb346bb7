import { useMutation } from '@tanstack/react-query';
import type { MeetingStatus } from '@hopso/shared';
import { meetingsApi } from '../../meetings/api/meetingsApi';
import { useInvalidateMeeting } from './useInvalidateMeeting';

export function useChangeMeetingStatus(meetingId: string) {
  const invalidate = useInvalidateMeeting(meetingId);
  return useMutation({ mutationFn: (status: MeetingStatus) => meetingsApi.changeStatus(meetingId, { status }), onSuccess: invalidate });
}
