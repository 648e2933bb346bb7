import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { commentsApi } from '../../comments/api/commentsApi';

/**
 * A delegate's own comments in the whole meeting (GET /meetings/:id/comments answers them with
 * theirs only), under the same key as the desk's unfiltered list, so live 'comment.*' events update it.
 */
export function useMyComments(meetingId: string) {
  return useQuery({
    queryKey: queryKeys.meetingComments(meetingId, {}),
    queryFn: ({ signal }) => commentsApi.forMeeting(meetingId, {}, signal),
  });
}
