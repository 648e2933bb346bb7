import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TriageCommentRequest } from '@hopso/shared';
import { applyCommentFromServer } from '../../live/lib/applyMeetingEvent';
import { deskApi } from '../api/deskApi';

/** Sets a comment's status and reply; every list showing it updates from the server's answer at once. */
export function useTriageComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: TriageCommentRequest }) => deskApi.triage(commentId, body),
    onSuccess: (comment) => applyCommentFromServer(queryClient, comment),
  });
}
