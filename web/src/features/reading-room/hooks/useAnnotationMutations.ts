import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Anchor, Annotation, HighlightColor, UpdateAnnotationRequest } from '@hopso/shared';
import { isApiError } from '../../../lib/api-client';
import { networkRetry } from '../../../lib/networkRetry';
import { queryKeys } from '../../../lib/queryKeys';
import { readingRoomApi } from '../api/readingRoomApi';
import { upsertById } from '../lib/upsert';

export interface NewAnnotation {
  /** Generated once per user action; every retry of that action sends the same one. */
  clientId: string;
  anchor: Anchor;
  color: HighlightColor;
  note: string;
}

export function useCreateAnnotation(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAnnotation) => readingRoomApi.createAnnotation(documentId, input),
    ...networkRetry,
    onSuccess: (annotation) => client.setQueryData<Annotation[]>(queryKeys.annotations(documentId), (list) => upsertById(list, annotation)),
  });
}

export function useUpdateAnnotation(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAnnotationRequest & { id: string }) => readingRoomApi.updateAnnotation(id, body),
    ...networkRetry,
    onSuccess: (annotation) => client.setQueryData<Annotation[]>(queryKeys.annotations(documentId), (list) => upsertById(list, annotation)),
  });
}

export function useDeleteAnnotation(documentId: string) {
  const client = useQueryClient();
  const drop = (id: string) => client.setQueryData<Annotation[]>(queryKeys.annotations(documentId), (list) => (list ?? []).filter((a) => a.id !== id));
  return useMutation({
    mutationFn: async (id: string) => {
      try {
        await readingRoomApi.deleteAnnotation(id);
      } catch (error) {
        // a retry after a delete that did arrive finds nothing left: that is what was wanted
        if (!isApiError(error, 'NOT_FOUND')) throw error;
      }
      return id;
    },
    ...networkRetry,
    onSuccess: drop,
  });
}
