import type { ReadReceipt } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { ProgressBar } from '../../../ui/ProgressBar';
import { useReadReceipts } from '../../documents/hooks/useReadReceipts';
import { readTally } from '../lib/paragraphHeat';

/** Who has not opened it first: those are the people the secretariat may need to call. */
function unreadFirst(receipts: readonly ReadReceipt[]): ReadReceipt[] {
  return [...receipts].sort((a, b) => Number(a.firstOpenedAt !== null) - Number(b.firstOpenedAt !== null) || a.fullName.localeCompare(b.fullName, 'vi'));
}

/** "Tình trạng xem tài liệu": how many delegates opened a document, and who. */
export function ReadReceiptsPanel({ documentId, title, compact = false }: { documentId: string; title?: string; compact?: boolean }) {
  const { t } = useI18n();
  const when = useDateTime();
  const receipts = useReadReceipts(documentId);
  if (receipts.isPending) return <LoadingState />;
  if (receipts.isError) return <ErrorMessage error={receipts.error} onRetry={() => void receipts.refetch()} />;
  const { read, total } = readTally(receipts.data);
  const summary = t.desk.readSummary(read, total);
  return (
    <div className="receipts" data-testid="read-receipts" data-document-id={documentId}>
      {title && <p className="receipts-title">{title}</p>}
      <p className="receipts-summary" data-testid="read-receipts-summary">
        {summary}
      </p>
      <ProgressBar value={total > 0 ? (read / total) * 100 : 0} label={summary} tone="process" />
      {total === 0 ? (
        <p className="muted">{t.desk.noReceipts}</p>
      ) : (
        !compact && (
          <details className="receipts-details">
            <summary>{t.desk.showReceipts}</summary>
            <ul className="receipts-list">
              {unreadFirst(receipts.data).map((r) => (
                <li key={r.userId} className={r.firstOpenedAt ? 'is-read' : 'is-unread'}>
                  <span className="receipts-name">
                    <strong>{r.fullName}</strong>
                    {r.unit && <span className="muted"> · {r.unit}</span>}
                  </span>
                  <span className="receipts-state">
                    {r.firstOpenedAt ? (
                      <>
                        ✓ {t.desk.openedAt(when(r.firstOpenedAt))} · {t.desk.views(r.views)}
                      </>
                    ) : (
                      <>○ {t.desk.notOpened}</>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )
      )}
    </div>
  );
}
