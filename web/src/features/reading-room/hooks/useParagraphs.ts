import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../../documents/api/documentsApi';
import { offlineReads } from '../../offline/lib/offlineReads';

/** The paragraphs of one version: they never change, so they are fetched once (or read from the offline copy). */
export function useParagraphs(documentId: string, versionId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.paragraphs(documentId, versionId),
    queryFn: () => offlineReads.paragraphs(documentId, versionId, () => documentsApi.paragraphs(documentId, versionId)),
    staleTime: Infinity,
  });
}
