import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { GroupMessage } from '@hopso/shared';
import { newClientId } from '../../../lib/clientId';
import { networkRetry } from '../../../lib/networkRetry';
import { breakoutsApi } from '../api/breakoutsApi';
import { putGroupMessage } from '../lib/breakoutCache';

export type CitationDraft = NonNullable<GroupMessage['citation']>;

export interface PendingMessage {
  clientId: string;
  body: string;
  citation: CitationDraft | null;
  state: 'sending' | 'failed';
  error: unknown;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends group messages, each with a client id made once when it is written: a request that got no
 * answer is sent again with the same id (automatically a few times, then by "Thử lại"), so the
 * server stores it once. Until the server has it, the message shows as pending under the list.
 */
export function useSendGroupMessage(meetingId: string, groupId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingMessage[]>([]);

  const deliver = useCallback(
    async (message: PendingMessage) => {
      setPending((list) => list.map((p) => (p.clientId === message.clientId ? { ...p, state: 'sending', error: null } : p)));
      for (let attempt = 1; ; attempt++) {
        try {
          const stored = await breakoutsApi.postMessage(groupId, {
            clientId: message.clientId,
            body: message.body,
            citation: message.citation ? { documentId: message.citation.documentId, paragraphId: message.citation.paragraphId } : null,
          });
          putGroupMessage(queryClient, meetingId, stored);
          setPending((list) => list.filter((p) => p.clientId !== message.clientId));
          return;
        } catch (error) {
          if (networkRetry.retry(attempt, error)) {
            await wait(networkRetry.retryDelay(attempt));
            continue;
          }
          setPending((list) => list.map((p) => (p.clientId === message.clientId ? { ...p, state: 'failed', error } : p)));
          return;
        }
      }
    },
    [groupId, meetingId, queryClient],
  );

  const send = useCallback(
    (body: string, citation: CitationDraft | null) => {
      const message: PendingMessage = { clientId: newClientId(), body, citation, state: 'sending', error: null };
      setPending((list) => [...list, message]);
      void deliver(message);
    },
    [deliver],
  );

  const retry = useCallback((message: PendingMessage) => void deliver(message), [deliver]);
  const discard = useCallback((clientId: string) => setPending((list) => list.filter((p) => p.clientId !== clientId)), []);

  return { pending, send, retry, discard };
}
