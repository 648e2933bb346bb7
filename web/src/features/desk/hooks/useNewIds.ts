import { useEffect, useRef, useState } from 'react';

/**
 * Ids that appeared in `ids` after the first list shown for `resetKey` (comments arriving live),
 * each for `holdMs`. A new `resetKey` (other filters) starts over, so a refetch marks nothing as new.
 */
export function useNewIds(ids: readonly string[] | undefined, resetKey: string, holdMs = 8_000): ReadonlySet<string> {
  const seen = useRef<{ key: string; ids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    if (!ids) return;
    if (!seen.current || seen.current.key !== resetKey) {
      seen.current = { key: resetKey, ids: new Set(ids) };
      setFresh(new Map());
      return;
    }
    const known = seen.current.ids;
    const arrived = ids.filter((id) => !known.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) known.add(id);
    const until = Date.now() + holdMs;
    setFresh((prev) => new Map([...prev, ...arrived.map((id) => [id, until] as const)]));
  }, [ids, resetKey, holdMs]);

  useEffect(() => {
    if (fresh.size === 0) return;
    const next = Math.min(...fresh.values());
    const timer = window.setTimeout(() => {
      const now = Date.now();
      setFresh((prev) => new Map([...prev].filter(([, until]) => until > now)));
    }, Math.max(0, next - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [fresh]);

  return new Set(fresh.keys());
}
