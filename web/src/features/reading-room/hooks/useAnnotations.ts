import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { readPendingOverlay } from '../../offline/lib/offlineReads';
import { readingRoomApi } from '../api/readingRoomApi';

/**
 * The caller's own highlights and notes on a document (the server never gives anyone else's), from
 * the offline copy when there is no connection, with the writes still in the outbox applied.
 */
export function useAnnotations(documentId: string) {
  return useQuery({
    queryKey: queryKeys.annotations(documentId),
    queryFn: () => readPendingOverlay.annotations(documentId, () => readingRoomApi.annotations(documentId)),
  });
}
