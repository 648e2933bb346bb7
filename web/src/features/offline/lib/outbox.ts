import { hasIndexedDb, offlineDb } from './offlineDb';
import type { OutboxItem, OutboxRefusal, StoredOutboxItem } from './outboxTypes';

type Listener = () => void;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('hopso-outbox') : null;
channel?.addEventListener('message', () => emit(false));

function emit(broadcast = true): void {
  for (const listener of listeners) listener();
  if (broadcast) channel?.postMessage('changed');
}

/** The outbox in IndexedDB: every write lands here first, in order, and leaves only once the server has it. */
export const outbox = {
  /** Called whenever the outbox changes, in this tab or another. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  async add(item: Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'refusal'>): Promise<StoredOutboxItem> {
    const db = await offlineDb();
    const full: OutboxItem = { ...item, attempts: 0, state: 'pending', refusal: null } as OutboxItem;
    const seq = await db.add('outbox', full);
    emit();
    return { ...full, seq };
  },

  /** Every item of a user, oldest first (pending and refused). */
  async list(userId: string): Promise<StoredOutboxItem[]> {
    if (!hasIndexedDb()) return [];
    const db = await offlineDb();
    const items = (await db.getAllFromIndex('outbox', 'byUser', userId)) as StoredOutboxItem[];
    return items.sort((a, b) => a.seq - b.seq);
  },

  async pending(userId: string): Promise<StoredOutboxItem[]> {
    return (await outbox.list(userId)).filter((i) => i.state === 'pending');
  },

  async get(seq: number): Promise<StoredOutboxItem | undefined> {
    const db = await offlineDb();
    return (await db.get('outbox', seq)) as StoredOutboxItem | undefined;
  },

  /** Records that a send starts (before it leaves, so an interrupted send is known to maybe have arrived). */
  async markAttempt(seq: number): Promise<void> {
    const db = await offlineDb();
    const tx = db.transaction('outbox', 'readwrite');
    const item = await tx.store.get(seq);
    if (item) await tx.store.put({ ...item, attempts: item.attempts + 1 });
    await tx.done;
  },

  async put(item: StoredOutboxItem): Promise<void> {
    const db = await offlineDb();
    await db.put('outbox', item);
    emit();
  },

  async refuse(seq: number, refusal: OutboxRefusal): Promise<void> {
    const db = await offlineDb();
    const tx = db.transaction('outbox', 'readwrite');
    const item = await tx.store.get(seq);
    if (item) await tx.store.put({ ...item, state: 'refused', refusal });
    await tx.done;
    emit();
  },

  async remove(seq: number): Promise<void> {
    const db = await offlineDb();
    await db.delete('outbox', seq);
    emit();
  },
};
