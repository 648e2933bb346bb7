import type { QueryClient } from '@tanstack/react-query';
import type { Annotation, Comment } from '@hopso/shared';
import { ApiError, NetworkError, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineApi } from './offlineApi';
import { hasIndexedDb, offlineDb } from './offlineDb';
import { offlineStore } from './offlineStore';
import { outbox } from './outbox';
import type { AnnotationTarget, OutboxRefusal, StoredOutboxItem } from './outboxTypes';
import { isLocalId, upsertByClientId } from './overlay';
import { offlineSession } from './session';

/** What became of one write: stored by the server, or still waiting in the outbox (offline, slow network). */
export type WriteOutcome = { status: 'sent' } | { status: 'queued' };

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** A refusal (4xx) is final for the item; no answer, a server error or rate limit is worth trying again. */
function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 401;
  return true;
}

function refusalOf(error: unknown): OutboxRefusal {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
  return { status: 0, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

type Waiter = { resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void };

/**
 * Sends the outbox, oldest first, with the ids the writes were made with, so nothing is stored
 * twice however often a send is repeated. A network failure stops the run and leaves the rest
 * pending (tried again with backoff and whenever the connection is back); a refusal marks that item
 * refused, with its reason, and the run goes on. Runs one at a time across tabs (Web Locks).
 */
/** What one run sent of the items saved while offline: comments, and highlights/notes (made, changed or removed). */
export interface OfflineSent {
  comments: number;
  annotations: number;
}

class SyncEngine {
  private queryClient: QueryClient | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private readonly waiters = new Map<number, Waiter[]>();
  private readonly syncedListeners = new Set<(documentIds: string[], meetingIds: string[]) => void>();
  /** Items whose writer stopped waiting (offline, or too slow): saved, to be sent later. */
  private readonly gaveUp = new Set<number>();
  private readonly offlineSentListeners = new Set<(sent: OfflineSent) => void>();

  attach(queryClient: QueryClient): void {
    this.queryClient = queryClient;
  }

  /** After a run that sent something: which documents and meetings changed (to catch up on them). */
  onSynced(listener: (documentIds: string[], meetingIds: string[]) => void): () => void {
    this.syncedListeners.add(listener);
    return () => this.syncedListeners.delete(listener);
  }

  /** After a run that sent items saved while offline (no writer saw them go): how many comments and notes/highlights. */
  onOfflineItemsSent(listener: (sent: OfflineSent) => void): () => void {
    this.offlineSentListeners.add(listener);
    return () => this.offlineSentListeners.delete(listener);
  }

  /** Sends what waits now (a no-op when a run is under way: it will look again before it ends). */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearRetry();
    const run = async () => {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again);
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const started: Promise<void> = (locks ? locks.request('hopso-outbox', run).then(() => undefined) : run()).finally(() => {
      this.running = null;
    });
    this.running = started;
    return started;
  }

  /**
   * Waits until an item has been sent, for at most `waitMs` (online, a writer waits to see it
   * stored, as before there was an outbox); afterwards, or offline, it stays queued. Throws the
   * server's refusal.
   */
  settle(seq: number, waitMs: number): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      const list = this.waiters.get(seq) ?? [];
      let done = false;
      const timer = setTimeout(() => finish(() => {
        this.gaveUp.add(seq);
        resolve({ status: 'queued' });
      }), waitMs);
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        f();
      };
      list.push({ resolve: (o) => finish(() => resolve(o)), reject: (e) => finish(() => reject(e)) });
      this.waiters.set(seq, list);
      void this.flush();
    });
  }

  private settleWaiters(seq: number, outcome: { ok: true } | { ok: false; error: unknown }): void {
    const list = this.waiters.get(seq);
    this.waiters.delete(seq);
    for (const w of list ?? []) {
      if (outcome.ok) w.resolve({ status: 'sent' });
      else w.reject(outcome.error);
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private async runOnce(): Promise<void> {
    const userId = offlineSession.userId;
    if (!userId || !hasIndexedDb()) return;
    const documents = new Set<string>();
    const meetings = new Set<string>();
    const offline: OfflineSent = { comments: 0, annotations: 0 };
    for (;;) {
      // one item at a time, re-read each round: other tabs and the writer may have changed the outbox
      const [item] = await outbox.pending(userId);
      if (!item || offlineSession.userId !== userId) break;
      try {
        await outbox.markAttempt(item.seq);
        await this.send(item);
        await outbox.remove(item.seq);
        documents.add(item.documentId);
        meetings.add(item.meetingId);
        if (!this.waiters.has(item.seq) || this.gaveUp.has(item.seq)) {
          if (item.kind === 'comment.create') offline.comments++;
          else offline.annotations++;
        }
        this.gaveUp.delete(item.seq);
        this.retryAttempt = 0;
        this.settleWaiters(item.seq, { ok: true });
      } catch (error) {
        if (isTransient(error)) {
          // nothing is lost: the item stays first in line and goes again, with the same id
          this.scheduleRetry();
          break;
        }
        await outbox.refuse(item.seq, refusalOf(error));
        this.dropLocalStandIn(item);
        this.settleWaiters(item.seq, { ok: false, error });
      }
    }
    if (documents.size > 0) {
      const documentIds = [...documents];
      const meetingIds = [...meetings];
      for (const listener of this.syncedListeners) listener(documentIds, meetingIds);
    }
    if (offline.comments + offline.annotations > 0) for (const listener of this.offlineSentListeners) listener(offline);
  }

  // ---- sending one item ----

  private async send(item: StoredOutboxItem): Promise<void> {
    switch (item.kind) {
      case 'annotation.create': {
        const annotation = await offlineApi.senders.createAnnotation(item.documentId, item.body);
        await this.rememberId(annotation.clientId, annotation.id);
        await this.rebaseLaterEdits(item, { id: null, clientId: annotation.clientId }, annotation);
        this.putAnnotation(annotation);
        return;
      }
      case 'annotation.update': {
        const id = await this.resolve(item.target);
        if (item.attempts > 0) {
          // an earlier send may have been stored with its answer lost: sending it again would look
          // like a concurrent edit to the server and leave a copy of our own edit behind
          const stored = (await offlineApi.senders.annotations(item.documentId)).find((a) => a.id === id);
          if (stored && new Date(stored.editedAt).getTime() === new Date(item.body.editedAt).getTime()) {
            await this.rebaseLaterEdits(item, item.target, stored);
            this.putAnnotation(stored);
            return;
          }
        }
        const { conflictCopy, ...annotation } = await offlineApi.senders.updateAnnotation(id, item.body);
        await this.rebaseLaterEdits(item, item.target, annotation);
        this.putAnnotation(annotation);
        if (conflictCopy) this.putAnnotation(conflictCopy);
        return;
      }
      case 'annotation.delete': {
        let id: string;
        try {
          id = await this.resolve(item.target);
        } catch (error) {
          if (isApiError(error, 'NOT_FOUND')) return;
          throw error;
        }
        try {
          await offlineApi.senders.deleteAnnotation(id);
        } catch (error) {
          // already gone (an earlier send arrived, or deleted elsewhere): what was wanted
          if (!isApiError(error, 'NOT_FOUND')) throw error;
        }
        this.queryClient?.setQueryData<Annotation[]>(queryKeys.annotations(item.documentId), (list) =>
          list?.filter((a) => a.id !== id && a.clientId !== item.target.clientId),
        );
        await offlineStore.dropAnnotation(item.documentId, id);
        return;
      }
      case 'comment.create': {
        const comment = await offlineApi.senders.createComment(item.documentId, item.body);
        this.queryClient?.setQueryData<Comment[]>(queryKeys.documentComments(item.documentId), (list) => upsertByClientId(list, comment));
        await offlineStore.storeComment(comment);
        return;
      }
    }
  }

  private putAnnotation(annotation: Annotation): void {
    this.queryClient?.setQueryData<Annotation[]>(queryKeys.annotations(annotation.documentId), (list) => upsertByClientId(list, annotation));
    void offlineStore.storeAnnotation(annotation);
  }

  /** The server id of an annotation made through the outbox (its create was sent before this edit). */
  private async resolve(target: AnnotationTarget): Promise<string> {
    if (target.id) return target.id;
    const known = await (await offlineDb()).get('clientIds', target.clientId);
    if (known) return known.id;
    throw new ApiError({ statusCode: 404, code: 'NOT_FOUND', message: 'The highlight this change is about was never stored' });
  }

  private async rememberId(clientId: string, id: string): Promise<void> {
    await (await offlineDb()).put('clientIds', { clientId, id });
  }

  /**
   * Later edits of the same annotation were made on top of this one: they start from the state the
   * server now holds, so the server does not take them for edits from another device.
   */
  private async rebaseLaterEdits(sent: StoredOutboxItem, target: AnnotationTarget, stored: Annotation): Promise<void> {
    const userId = offlineSession.userId;
    if (!userId) return;
    for (const later of await outbox.pending(userId)) {
      if (later.seq <= sent.seq || later.kind === 'annotation.create' || later.kind === 'comment.create') continue;
      if (later.target.clientId !== target.clientId && (target.id === null || later.target.id !== target.id)) continue;
      const next = { ...later, target: { id: stored.id, clientId: stored.clientId } } as StoredOutboxItem;
      if (next.kind === 'annotation.update') next.body = { ...next.body, baseUpdatedAt: stored.updatedAt };
      await outbox.put(next);
    }
  }

  /** A refused create leaves nothing behind on the page (its text stays in the outbox, to copy). */
  private dropLocalStandIn(item: StoredOutboxItem): void {
    const client = this.queryClient;
    if (!client) return;
    if (item.kind === 'annotation.create') {
      client.setQueryData<Annotation[]>(queryKeys.annotations(item.documentId), (list) => list?.filter((a) => !(isLocalId(a.id) && a.clientId === item.body.clientId)));
    } else if (item.kind === 'comment.create') {
      client.setQueryData<Comment[]>(queryKeys.documentComments(item.documentId), (list) => list?.filter((c) => !(isLocalId(c.id) && c.clientId === item.body.clientId)));
    } else {
      void client.invalidateQueries({ queryKey: queryKeys.annotations(item.documentId), exact: true });
    }
  }
}

export const syncEngine = new SyncEngine();
