import { useMemo, useSyncExternalStore } from 'react';
import { subjectClientId } from '../lib/outboxTypes';
import { outboxSnapshot, type OutboxSnapshot } from '../lib/outboxSnapshot';

export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(outboxSnapshot.subscribe, outboxSnapshot.get);
}

/** clientIds of the annotations and comments with a write still waiting to be sent ("Chưa gửi"). */
export function usePendingClientIds(): ReadonlySet<string> {
  const { items } = useOutbox();
  return useMemo(() => new Set(items.filter((i) => i.state === 'pending').map(subjectClientId)), [items]);
}
