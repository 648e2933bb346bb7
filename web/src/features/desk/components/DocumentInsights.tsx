import { Link } from 'react-router-dom';
import type { DocumentSummary, ParagraphCommentCount } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { useCommentCounts } from '../../comments/hooks/useCommentCounts';
import { ParagraphHeat } from './ParagraphHeat';
import { ReadReceiptsPanel } from './ReadReceiptsPanel';
import { ReportButtons } from './ReportButtons';

interface DocumentInsightsProps {
  meetingId: string;
  documents: readonly DocumentSummary[];
  /** The document shown; the feed's document filter when set. */
  documentId: string | undefined;
  onChooseDocument: (documentId: string) => void;
  selectedParagraphId: string | undefined;
  onSelectParagraph: (documentId: string, paragraph: ParagraphCommentCount) => void;
  snippetOf: (paragraphId: string) => string | undefined;
}

/** One document at a time (a meeting may have hundreds): comments per paragraph, the synthesis report, who read it. */
export function DocumentInsights({ meetingId, documents, documentId, onChooseDocument, selectedParagraphId, onSelectParagraph, snippetOf }: DocumentInsightsProps) {
  const { t } = useI18n();
  const document = documents.find((d) => d.id === documentId) ?? documents[0];
  const counts = useCommentCounts(meetingId, document?.id);
  const total = counts.data?.reduce((sum, c) => sum + c.count, 0) ?? 0;

  if (!document) return <p className="empty-state">{t.desk.noDocuments}</p>;
  return (
    <section className="card desk-insights" aria-labelledby="desk-insights-heading" data-testid="document-insights" data-document-id={document.id}>
      <h2 id="desk-insights-heading">{t.desk.byDocument}</h2>
      <SelectField label={t.desk.chooseDocument} value={document.id} onChange={(e) => onChooseDocument(e.target.value)} testId="insights-document">
        {documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </SelectField>
      <div className="desk-insights-doc">
        <Link to={`/documents/${document.id}`} className="desk-insights-open">
          {t.desk.openDocument} →
        </Link>
      </div>

      <h3 className="desk-insights-sub">
        {t.desk.heatTitle}
        {counts.isSuccess && <span className="muted"> · {t.desk.commentCount(total)}</span>}
      </h3>
      {counts.isPending && <LoadingState />}
      {counts.isError && <ErrorMessage error={counts.error} onRetry={() => void counts.refetch()} />}
      {counts.isSuccess && (
        <ParagraphHeat
          counts={counts.data}
          selectedParagraphId={selectedParagraphId}
          onSelect={(p) => onSelectParagraph(document.id, p)}
          snippetOf={snippetOf}
        />
      )}

      <ReportButtons document={document} />

      <section className="desk-receipts" aria-labelledby="desk-receipts-heading">
        <h4 id="desk-receipts-heading">{t.desk.readReceipts}</h4>
        <ReadReceiptsPanel documentId={document.id} />
      </section>
    </section>
  );
}
