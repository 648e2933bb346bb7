import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TriageCommentRequest } from '@hopso/shared';
import { networkRetry } from '../../../lib/networkRetry';
import { commentsApi } from '../api/commentsApi';
import { applyCommentToCache } from '../lib/commentCache';

/**
 * Chair and secretariat: move a comment along (received → accepted / answered / declined) and
 * reply; every view showing it (the desk's lists, the reading room's panel) updates from the
 * server's answer at once.
 */
export function useTriageComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: TriageCommentRequest }) => commentsApi.triage(commentId, body),
    ...networkRetry,
    onSuccess: (comment) => applyCommentToCache(queryClient, comment, false),
  });
}
