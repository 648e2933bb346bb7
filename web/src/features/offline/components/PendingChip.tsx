import { useI18n } from '../../../i18n/useI18n';
import './offline.css';

/** "Chưa gửi": saved on this device, waiting in the outbox for a connection. */
export function PendingChip() {
  const { t } = useI18n();
  return (
    <span className="pending-chip" data-testid="pending-chip">
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3.5 2" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      {t.offline.notSent}
    </span>
  );
}
