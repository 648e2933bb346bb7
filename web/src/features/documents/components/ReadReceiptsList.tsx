import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useReadReceipts } from '../hooks/useReadReceipts';
import './read-receipts.css';

/** Tình trạng xem tài liệu: which delegates opened the document, first and last time, how often. */
export function ReadReceiptsList({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const when = useDateTime();
  const receipts = useReadReceipts(documentId);
  if (receipts.isPending) return <LoadingState />;
  if (receipts.isError) return <ErrorMessage error={receipts.error} onRetry={() => void receipts.refetch()} />;
  const list = receipts.data;
  if (list.length === 0) return <p className="empty-state">{t.readingRoom.receiptsEmpty}</p>;
  const opened = list.filter((r) => r.firstOpenedAt).length;
  return (
    <div className="read-receipts" data-testid="read-receipts">
      <p className="read-receipts-summary" data-testid="read-receipts-summary">
        <strong>{t.readingRoom.receiptsSummary(opened, list.length)}</strong>
      </p>
      <ul className="read-receipts-list">
        {list.map((r) => (
          <li key={r.userId} className={r.firstOpenedAt ? 'is-opened' : 'is-unopened'} data-testid="read-receipt" data-opened={r.firstOpenedAt ? 'true' : 'false'}>
            <span className="read-receipt-mark" aria-hidden="true">
              {r.firstOpenedAt ? '✓' : '–'}
            </span>
            <span className="read-receipt-who">
              <strong>{r.fullName}</strong>
              {r.unit && <span className="muted"> · {r.unit}</span>}
            </span>
            <span className="read-receipt-when">
              {r.firstOpenedAt && r.lastOpenedAt ? (
                <>
                  <span>{t.readingRoom.receiptsFirst(when(r.firstOpenedAt))}</span>
                  <span>
                    {t.readingRoom.receiptsLast(when(r.lastOpenedAt))} · {t.readingRoom.receiptsViews(r.views)}
                  </span>
                </>
              ) : (
                <span className="muted">{t.readingRoom.receiptsNotOpened}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
