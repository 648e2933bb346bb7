import { useEffect, useRef, type MouseEvent } from 'react';

/**
 * A native <dialog> opened with showModal() for as long as the component is mounted: focus stays
 * inside, Esc closes it and the page behind is inert. `onClose` runs when it closes by itself (Esc)
 * and on a tap on the dimmed backdrop (pass `onBackdropClick` as the dialog's onClick).
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const onNativeClose = () => closeRef.current();
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
    };
  }, []);

  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === ref.current) closeRef.current();
  };
  return { ref, onBackdropClick };
}
