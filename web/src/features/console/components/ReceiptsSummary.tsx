import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ReadReceiptsPanel } from '../../desk/components/ReadReceiptsPanel';

const MAX_DOCUMENTS = 8;

/** How many delegates opened each document of the item under discussion (or of the meeting). */
export function ReceiptsSummary({ documents, currentItemId }: { documents: readonly DocumentSummary[]; currentItemId: string | null }) {
  const { t } = useI18n();
  const ofItem = currentItemId ? documents.filter((d) => d.agendaItemId === currentItemId) : [];
  const shown = (ofItem.length > 0 ? ofItem : documents).slice(0, MAX_DOCUMENTS);
  return (
    <section className="card console-section" aria-labelledby="console-receipts-heading" data-testid="receipts-summary">
      <h2 id="console-receipts-heading">{t.console.readReceipts}</h2>
      <p className="field-hint">{ofItem.length > 0 ? t.console.readReceiptsHint : t.console.readReceiptsAll}</p>
      {shown.length === 0 ? (
        <p className="muted">{t.desk.noDocuments}</p>
      ) : (
        <ul className="receipts-docs">
          {shown.map((d) => (
            <li key={d.id}>
              <ReadReceiptsPanel documentId={d.id} title={d.title} compact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
