import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';

/** After a write: refetch the meeting and the meetings list (their status, times and agenda show in both). */
export function useInvalidateMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId), exact: true }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meetings, exact: true }),
    ]);
  };
}
