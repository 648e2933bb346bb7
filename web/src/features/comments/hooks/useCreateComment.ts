import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Anchor } from '@hopso/shared';
import { queueWrite } from '../../offline/lib/writes';

export interface NewComment {
  /** Generated once per comment the user writes; every retry sends the same one. */
  clientId: string;
  anchor: Anchor;
  body: string;
}

/**
 * Through the offline outbox, like every write: stamped with when the delegate wrote it, so a
 * comment written offline before the deadline is still taken when it arrives a little late.
 */
export function useCreateComment(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewComment) => queueWrite(client, documentId, { kind: 'comment.create', body: { ...input, writtenAt: new Date().toISOString() } }),
    networkMode: 'always',
  });
}
