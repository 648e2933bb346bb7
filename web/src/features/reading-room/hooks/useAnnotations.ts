import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { readingRoomApi } from '../api/readingRoomApi';

/** The caller's own highlights and notes on a document (the server never gives anyone else's). */
export function useAnnotations(documentId: string) {
  return useQuery({ queryKey: queryKeys.annotations(documentId), queryFn: () => readingRoomApi.annotations(documentId) });
}
