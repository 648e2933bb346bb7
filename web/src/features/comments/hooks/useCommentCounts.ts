import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { commentsApi } from '../api/commentsApi';

/** Comments per paragraph of a document's newest version (refetched when a comment arrives on it). */
export function useCommentCounts(meetingId: string, documentId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.commentCounts(meetingId, documentId ?? ''),
    queryFn: ({ signal }) => commentsApi.counts(documentId as string, signal),
    enabled: Boolean(documentId),
  });
}
