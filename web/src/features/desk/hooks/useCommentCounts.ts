import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { deskApi } from '../api/deskApi';

/** Comments per paragraph of a document's newest version (refetched when a comment arrives on it). */
export function useCommentCounts(meetingId: string, documentId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.commentCounts(meetingId, documentId ?? ''),
    queryFn: ({ signal }) => deskApi.commentCounts(documentId as string, signal),
    enabled: Boolean(documentId),
  });
}
