import { useEffect, useState } from 'react';

/** Content width of an element, kept up to date by a ResizeObserver (rotation, window resize). */
export function useElementWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return undefined;
    setWidth(element.clientWidth);
    const ro = new ResizeObserver(() => setWidth(element.clientWidth));
    ro.observe(element);
    return () => ro.disconnect();
  }, [element]);
  return width;
}
