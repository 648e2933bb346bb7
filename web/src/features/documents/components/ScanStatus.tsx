import type { DocumentVersionInfo } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

/** A scanned version's text recognition: "Đang nhận dạng chữ, trang 3/12" while it runs, and why it was not recognised. */
export function ScanStatus({ version }: { version: Pick<DocumentVersionInfo, 'scan' | 'status'> }) {
  const { t } = useI18n();
  const scan = version.scan;
  if (!scan) return null;
  if (scan.state === 'recognising') {
    if (version.status !== 'processing') return null;
    return (
      <p className="upload-row-note muted" role="status" data-testid="scan-status" data-state={scan.state}>
        {t.scan.recognising(Math.min(scan.pagesDone + 1, scan.pages), scan.pages)}
      </p>
    );
  }
  if (scan.state === 'recognised') {
    return (
      <p className="upload-row-note muted" data-testid="scan-status" data-state={scan.state}>
        {t.scan.recognised(scan.pages)}
      </p>
    );
  }
  return (
    <p className="upload-row-error" data-testid="scan-status" data-state={scan.state}>
      {scan.code ? t.errors[scan.code] : t.scan.unrecognised}
    </p>
  );
}
