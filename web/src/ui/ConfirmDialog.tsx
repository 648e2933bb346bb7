import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useModalDialog } from './useModalDialog';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
}

/** The app's own "are you sure" (never the browser's confirm()): a modal dialog, Esc or Hủy cancels. */
export function ConfirmDialog({ title, confirmLabel, busy, onConfirm, onCancel, children, testId }: ConfirmDialogProps) {
  const { t } = useI18n();
  const { ref, onBackdropClick } = useModalDialog(onCancel);
  const titleId = useId();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClick={onBackdropClick} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy} data-testid="confirm-dialog-ok">
          {confirmLabel}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </dialog>
  );
}
