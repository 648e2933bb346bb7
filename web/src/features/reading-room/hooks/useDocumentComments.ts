import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { readingRoomApi } from '../api/readingRoomApi';

/** Comments on a document: a delegate's own, or everyone's for the chair and the secretariat. */
export function useDocumentComments(documentId: string) {
  return useQuery({ queryKey: queryKeys.documentComments(documentId), queryFn: () => readingRoomApi.comments(documentId) });
}
