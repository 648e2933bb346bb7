import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi, type UpdateDocumentRequest } from '../api/documentsApi';

export function useUpdateDocument(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDocumentRequest }) => documentsApi.update(id, body),
    onSuccess: async (_doc, { id }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.document(id), exact: true }),
      ]);
    },
  });
}
