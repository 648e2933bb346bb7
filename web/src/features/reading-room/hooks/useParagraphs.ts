import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../../documents/api/documentsApi';

/** The paragraphs of one version: they never change, so they are fetched once. */
export function useParagraphs(documentId: string, versionId: string) {
  return useQuery({
    queryKey: queryKeys.paragraphs(documentId, versionId),
    queryFn: () => documentsApi.paragraphs(documentId, versionId),
    staleTime: Infinity,
  });
}
