import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface ConfirmRequest {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  testId?: string;
}

/**
 * Asks "are you sure" with the app's own dialog (never the browser's confirm()): `ask(...)` opens it,
 * render `dialog` somewhere in the component; Hủy, Esc or the backdrop close it without acting.
 */
export function useConfirm() {
  const [pending, setPending] = useState<ConfirmRequest | null>(null);
  const ask = useCallback((request: ConfirmRequest) => setPending(request), []);
  const cancel = useCallback(() => setPending(null), []);
  const dialog = pending ? (
    <ConfirmDialog
      title={pending.title}
      confirmLabel={pending.confirmLabel}
      onConfirm={() => {
        setPending(null);
        pending.onConfirm();
      }}
      onCancel={cancel}
      testId={pending.testId ?? 'confirm-dialog'}
    >
      <p>{pending.message}</p>
    </ConfirmDialog>
  ) : null;
  return { ask, dialog };
}
