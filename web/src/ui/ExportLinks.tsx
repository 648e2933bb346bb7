import { REPORT_FORMATS, type ReportFormat } from '@hopso/shared';
import { useI18n } from '../i18n/useI18n';

/** Download links for one export in every report format (CSV, DOCX, PDF). */
export function ExportLinks({ url, label }: { url: (f: ReportFormat) => string; label: string }) {
  const { t } = useI18n();
  const names: Record<ReportFormat, string> = { csv: t.sessionDay.exportCsv, docx: t.sessionDay.exportDocx, pdf: t.sessionDay.exportPdf };
  return (
    <div className="export-links" role="group" aria-label={label}>
      {REPORT_FORMATS.map((f) => (
        <a key={f} className="button button-secondary" href={url(f)} download data-testid={`export-${f}`}>
          {names[f]}
        </a>
      ))}
    </div>
  );
}
