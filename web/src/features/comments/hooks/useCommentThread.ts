import { useMutation, useQueryClient } from '@tanstack/react-query';
import { networkRetry } from '../../../lib/networkRetry';
import { commentsApi } from '../api/commentsApi';
import { applyCommentToCache } from '../lib/commentCache';

/**
 * A message in a comment's conversation (staff or the comment's author), and the staff's
 * resolved / reopened; every view showing the comment updates from the server's answer at once
 * (and the other side's views from the live event).
 */
export function usePostCommentMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, clientId, body }: { commentId: string; clientId: string; body: string }) => commentsApi.postMessage(commentId, { clientId, body }),
    ...networkRetry,
    onSuccess: (comment) => applyCommentToCache(queryClient, comment, false),
  });
}

export function useResolveComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: string; resolved: boolean }) => commentsApi.resolve(commentId, { resolved }),
    ...networkRetry,
    onSuccess: (comment) => applyCommentToCache(queryClient, comment, false),
  });
}
