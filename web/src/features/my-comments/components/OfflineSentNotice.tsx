import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { syncEngine, type OfflineSent } from '../../offline/lib/syncEngine';
import './my-comments.css';

const NONE: OfflineSent = { comments: 0, annotations: 0 };

/** "Đã gửi N góp ý và M ghi chú, đánh dấu lưu khi mất mạng": says so when the outbox sends what was saved offline, on every screen. */
export function OfflineSentNotice() {
  const { t } = useI18n();
  const [sent, setSent] = useState<OfflineSent>(NONE);
  useEffect(() => syncEngine.onOfflineItemsSent((n) => setSent((prev) => ({ comments: prev.comments + n.comments, annotations: prev.annotations + n.annotations }))), []);
  useEffect(() => {
    if (sent === NONE) return undefined;
    const timer = setTimeout(() => setSent(NONE), 10_000);
    return () => clearTimeout(timer);
  }, [sent]);
  if (sent === NONE) return null;
  return (
    <div className="offline-sent-notice" role="status" data-testid="offline-sent-notice">
      <span>{t.myComments.sentOffline(sent.comments, sent.annotations)}</span>
      <button type="button" className="button button-ghost" onClick={() => setSent(NONE)}>
        {t.common.close}
      </button>
    </div>
  );
}
