import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CommentFilters } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { commentsApi } from '../api/commentsApi';

/**
 * A meeting's comments with these filters, newest first. Live events keep every cached list
 * current (see applyMeetingEvent), so this never polls.
 */
export function useMeetingComments(meetingId: string, filters: CommentFilters, enabled = true) {
  return useQuery({
    queryKey: queryKeys.meetingComments(meetingId, filters),
    queryFn: ({ signal }) => commentsApi.forMeeting(meetingId, filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
