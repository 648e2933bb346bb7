import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { syncEngine } from '../../offline/lib/syncEngine';
import './my-comments.css';

/** "Đã gửi N góp ý lưu khi mất mạng": says so when the outbox sends comments saved while offline, on every screen. */
export function OfflineSentNotice() {
  const { t } = useI18n();
  const [sent, setSent] = useState(0);
  useEffect(() => syncEngine.onOfflineCommentsSent((n) => setSent((prev) => prev + n)), []);
  useEffect(() => {
    if (sent === 0) return undefined;
    const timer = setTimeout(() => setSent(0), 10_000);
    return () => clearTimeout(timer);
  }, [sent]);
  if (sent === 0) return null;
  return (
    <div className="offline-sent-notice" role="status" data-testid="offline-sent-notice">
      <span>{t.myComments.sentOffline(sent)}</span>
      <button type="button" className="button button-ghost" onClick={() => setSent(0)}>
        {t.common.close}
      </button>
    </div>
  );
}
