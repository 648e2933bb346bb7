import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail, ReleaseDocumentRequest } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';

/** Phát hành: POST /documents/:id/release, then the lists show the new state. */
export function useReleaseDocument(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReleaseDocumentRequest }) => apiClient.post<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}/release`, body),
    onSuccess: async (_doc, { id }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.document(id), exact: true }),
      ]);
    },
  });
}
