import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../api/documentsApi';

/** Retry or delete a version, delete a document: the meeting's list and the document's detail are read again after each. */
export function useVersionActions(meetingId: string, documentId: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId), exact: true }),
    ]);
  };
  return {
    retry: useMutation({ mutationFn: (versionId: string) => documentsApi.retryVersion(documentId, versionId), onSuccess: refresh }),
    deleteVersion: useMutation({ mutationFn: (versionId: string) => documentsApi.deleteVersion(documentId, versionId), onSuccess: refresh }),
    deleteDocument: useMutation({ mutationFn: () => documentsApi.remove(documentId), onSuccess: refresh }),
  };
}
