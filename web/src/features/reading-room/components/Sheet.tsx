import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { useModalDialog } from '../../../ui/useModalDialog';

interface SheetProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal sheet: rises from the bottom on a phone (within thumb reach), a centred dialog on a wider
 * screen. A native <dialog> opened with showModal(), so focus stays inside, Esc closes it and the
 * page behind is inert; a tap on the dimmed backdrop closes it too, and so does the ✕ button.
 */
export function Sheet({ title, onClose, children, testId }: SheetProps) {
  const { t } = useI18n();
  const titleId = useId();
  const { ref, onBackdropClick } = useModalDialog(onClose);

  return (
    <dialog
      ref={ref}
      className="sheet"
      aria-labelledby={titleId}
      data-testid={testId}
      onClick={onBackdropClick}
    >
      <div className="sheet-inner">
        <div className="sheet-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="button button-ghost button-icon" onClick={onClose} aria-label={t.common.close} data-testid="sheet-close">
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <div className="sheet-body">{children}</div>
      </div>
    </dialog>
  );
}
