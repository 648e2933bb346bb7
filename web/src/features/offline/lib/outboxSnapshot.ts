import { outbox } from './outbox';
import type { StoredOutboxItem } from './outboxTypes';
import { offlineSession } from './session';

export interface OutboxSnapshot {
  items: readonly StoredOutboxItem[];
  pending: number;
  refused: number;
}

const EMPTY: OutboxSnapshot = Object.freeze({ items: [], pending: 0, refused: 0 });
let snapshot: OutboxSnapshot = EMPTY;
const listeners = new Set<() => void>();
let loading = 0;

/** Re-reads the signed-in user's outbox (on every change, in this tab or another). */
export async function reloadOutboxSnapshot(): Promise<void> {
  const ticket = ++loading;
  const userId = offlineSession.userId;
  const items = userId ? await outbox.list(userId).catch(() => []) : [];
  if (ticket !== loading) return;
  snapshot = items.length === 0 ? EMPTY : { items, pending: items.filter((i) => i.state === 'pending').length, refused: items.filter((i) => i.state === 'refused').length };
  for (const l of listeners) l();
}

outbox.subscribe(() => void reloadOutboxSnapshot());

/** The outbox as React shows it (useSyncExternalStore). */
export const outboxSnapshot = {
  get: (): OutboxSnapshot => snapshot,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
