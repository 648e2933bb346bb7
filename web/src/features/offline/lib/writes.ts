import type { QueryClient } from '@tanstack/react-query';
import type { Annotation, Comment, DocumentDetail } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { outbox } from './outbox';
import type { OutboxOp } from './outboxTypes';
import { overlayAnnotations, overlayComments } from './overlay';
import { isOffline, offlineSession } from './session';
import { syncEngine, type WriteOutcome } from './syncEngine';

/** Online, a writer waits this long to see the write stored (retries included) before it counts as queued. */
const ONLINE_WAIT_MS = 15_000;

/**
 * Every highlight, note, edit, delete and comment goes through here: first into the outbox in
 * IndexedDB (so closing the app or losing the signal loses nothing), then onto the page, then to
 * the server in order. Resolves 'sent' once the server has it, 'queued' when it waits for a
 * connection; rejects with the server's refusal.
 */
export async function queueWrite(queryClient: QueryClient, documentId: string, op: OutboxOp): Promise<WriteOutcome> {
  const userId = offlineSession.userId;
  if (!userId) throw new Error('Not signed in');
  const doc = queryClient.getQueryData<DocumentDetail>(queryKeys.document(documentId));
  const item = await outbox.add({
    ...op,
    userId,
    documentId,
    meetingId: doc?.meetingId ?? '',
    documentTitle: doc?.title ?? '',
    createdAt: new Date().toISOString(),
  } as Parameters<typeof outbox.add>[0]);
  if (op.kind === 'comment.create') {
    queryClient.setQueryData<Comment[]>(queryKeys.documentComments(documentId), (list) => overlayComments(list ?? [], [item], documentId));
  } else {
    queryClient.setQueryData<Annotation[]>(queryKeys.annotations(documentId), (list) => overlayAnnotations(list ?? [], [item], documentId));
  }
  return syncEngine.settle(item.seq, isOffline() ? 0 : ONLINE_WAIT_MS);
}
