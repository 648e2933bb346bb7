import { useEffect, useRef, useState } from 'react';

/** The secretary is looking at this tab: it is shown and has the focus. */
const attended = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * How many ids arrived in `ids` while nobody was looking at the tab (hidden, or another window in
 * front), for the browser tab's title; back to 0 once the tab is looked at again. The first list
 * for `resetKey` is what was already there.
 */
export function useUnseenCount(ids: readonly string[] | undefined, resetKey: string): number {
  const known = useRef<{ key: string; ids: Set<string> } | null>(null);
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!ids) return;
    if (!known.current || known.current.key !== resetKey) {
      known.current = { key: resetKey, ids: new Set(ids) };
      return;
    }
    const seen = known.current.ids;
    const arrived = ids.filter((id) => !seen.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) seen.add(id);
    if (!attended()) setUnseen((prev) => new Set([...prev, ...arrived]));
  }, [ids, resetKey]);

  useEffect(() => {
    const clear = () => {
      if (attended()) setUnseen((prev) => (prev.size === 0 ? prev : new Set()));
    };
    document.addEventListener('visibilitychange', clear);
    window.addEventListener('focus', clear);
    window.addEventListener('pointerdown', clear);
    return () => {
      document.removeEventListener('visibilitychange', clear);
      window.removeEventListener('focus', clear);
      window.removeEventListener('pointerdown', clear);
    };
  }, []);

  return unseen.size;
}
