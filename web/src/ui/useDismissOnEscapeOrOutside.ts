import { useEffect, type RefObject } from 'react';

/**
 * While a popover (a menu, the notifications list) is open: Esc closes it and gives the focus back
 * to its button, and a tap outside both closes it.
 */
export function useDismissOnEscapeOrOutside(open: boolean, close: () => void, panel: RefObject<HTMLElement | null>, button: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close, panel, button]);
}
