import { useMutation } from '@tanstack/react-query';
import { REPORT_FORMATS, type DocumentSummary, type ReportFormat } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { saveFile } from '../../../lib/download';
import { commentsApi } from '../../comments/api/commentsApi';

const ORDER: readonly ReportFormat[] = ['docx', 'pdf', 'csv'];

/** "Báo cáo tổng hợp ý kiến" of one document, as DOCX, PDF or CSV. */
export function ReportButtons({ document }: { document: DocumentSummary }) {
  const { t } = useI18n();
  const download = useMutation({
    mutationFn: (format: ReportFormat) => commentsApi.report(document.id, format),
    onSuccess: saveFile,
  });
  return (
    <section className="desk-report" aria-labelledby={`report-${document.id}`} data-testid="report-buttons">
      <h4 id={`report-${document.id}`}>{t.desk.report}</h4>
      <p className="field-hint">{t.desk.reportHint}</p>
      <div className="button-row">
        {ORDER.filter((f) => REPORT_FORMATS.includes(f)).map((format) => (
          <button
            key={format}
            type="button"
            className="button button-secondary"
            disabled={download.isPending}
            onClick={() => download.mutate(format)}
            aria-label={download.isPending && download.variables === format ? undefined : t.desk.downloadReportOf(format.toUpperCase(), document.title)}
            data-testid={`report-${format}`}
          >
            <Icon name="file" />
            {download.isPending && download.variables === format ? t.desk.downloading : t.desk.downloadReport(format.toUpperCase())}
          </button>
        ))}
      </div>
      {download.isError && <ErrorMessage error={download.error} />}
    </section>
  );
}
