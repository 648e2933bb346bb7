import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Pages a long list inside its box, a TV having no scroll bar: measures the content against the box
 * and steps through it a box-height at a time (rounded down to whole lines of `lineOf`), turning the
 * page every `turnMs`. `key` changes when the content does.
 */
export function useFitPages(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, key: string, turnMs: number) {
  const [size, setSize] = useState({ step: 0, count: 1 });
  const [page, setPage] = useState(0);

  useLayoutEffect(() => {
    const layout = () => {
      const room = box.current?.clientHeight ?? 0;
      const full = content.current?.scrollHeight ?? 0;
      if (!room || full <= room) return setSize((s) => (s.count === 1 ? s : { step: 0, count: 1 }));
      const line = parseFloat(getComputedStyle(content.current!).lineHeight) || 24;
      const step = Math.max(line, Math.floor(room / line) * line);
      const count = Math.ceil((full - room) / step) + 1;
      setSize((s) => (s.step === step && s.count === count ? s : { step, count }));
    };
    layout();
    const observer = new ResizeObserver(layout);
    if (box.current) observer.observe(box.current);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
  }, [box, content, key]);

  useEffect(() => {
    setPage(0);
    if (size.count < 2) return undefined;
    const timer = window.setInterval(() => setPage((p) => (p + 1) % size.count), turnMs);
    return () => window.clearInterval(timer);
  }, [size, turnMs]);

  return { page, count: size.count, offset: page * size.step };
}
