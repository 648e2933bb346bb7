import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../api/documentsApi';

/** Which delegates opened a document, and when (chair and secretariat only). */
export function useReadReceipts(documentId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.readReceipts(documentId), queryFn: () => documentsApi.readReceipts(documentId), enabled });
}
