import { useCallback, useEffect, useRef, useState } from 'react';

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const n of a) if (!b.has(n)) return false;
  return true;
}

/**
 * Which pages are within about one and a half screens of the viewport, by IntersectionObserver.
 * Only those render a canvas and a text layer; every other page is an empty box of the right size.
 */
export function useVisiblePages(root: HTMLElement | null) {
  const [visible, setVisible] = useState<ReadonlySet<number>>(() => new Set([1]));
  const elements = useRef(new Map<number, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);

  useEffect(() => {
    if (!root) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        setVisible((prev) => {
          const next = new Set(prev);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return sameSet(prev, next) ? prev : next;
        });
      },
      { root, rootMargin: '150% 0px 150% 0px' },
    );
    observer.current = io;
    elements.current.forEach((element) => io.observe(element));
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [root]);

  const register = useCallback((pageNumber: number, element: HTMLElement | null) => {
    const previous = elements.current.get(pageNumber);
    if (previous && previous !== element) observer.current?.unobserve(previous);
    if (element) {
      elements.current.set(pageNumber, element);
      observer.current?.observe(element);
    } else {
      elements.current.delete(pageNumber);
    }
  }, []);

  return { visible, register, elements: elements.current };
}
