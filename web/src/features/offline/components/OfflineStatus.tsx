import { useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { useOnline } from '../hooks/useOnline';
import { useOutbox } from '../hooks/useOutbox';
import { OutboxDialog } from './OutboxDialog';
import './offline.css';

/**
 * Says plainly when there is no connection, and how many writes wait in the outbox (a button that
 * lists them). Shows nothing when online with an empty outbox.
 */
export function OfflineStatus({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const online = useOnline();
  const { pending, refused } = useOutbox();
  const [open, setOpen] = useState(false);
  if (online && pending === 0 && refused === 0) return null;
  return (
    <div className={`offline-status${compact ? ' is-compact' : ''}`} data-testid="offline-status">
      {!online && (
        <p className="offline-banner" role="status" data-testid="offline-banner">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19h.01M3 3l18 18" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
          </svg>
          <span>{t.offline.banner}</span>
        </p>
      )}
      {(pending > 0 || refused > 0) && (
        <button
          type="button"
          className={`outbox-badge${refused > 0 ? ' has-refused' : ''}`}
          onClick={() => setOpen(true)}
          aria-haspopup="dialog"
          data-testid="outbox-badge"
          data-count={pending}
          data-refused={refused}
        >
          <span className="outbox-dot" aria-hidden="true" />
          {pending > 0 && <span>{t.offline.pendingCount(pending)}</span>}
          {pending > 0 && refused > 0 && <span aria-hidden="true">·</span>}
          {refused > 0 && <span>{t.offline.refusedCount(refused)}</span>}
        </button>
      )}
      {open && <OutboxDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
