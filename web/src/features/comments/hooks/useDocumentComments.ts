import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { readPendingOverlay } from '../../offline/lib/offlineReads';
import { commentsApi } from '../api/commentsApi';

/** Comments on a document: a delegate's own (with those still in the outbox), or everyone's for the chair and the secretariat. */
export function useDocumentComments(documentId: string) {
  return useQuery({
    queryKey: queryKeys.documentComments(documentId),
    queryFn: () => readPendingOverlay.comments(documentId, () => commentsApi.forDocument(documentId)),
  });
}
