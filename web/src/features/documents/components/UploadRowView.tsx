import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/useI18n';
import { formatBytes } from '../../../lib/datetime';
import { errorMessage } from '../../../lib/errorMessage';
import { queryKeys } from '../../../lib/queryKeys';
import { ProgressBar } from '../../../ui/ProgressBar';
import { isIngestDone, useDocument } from '../hooks/useDocument';
import { failureText } from '../lib/failureText';
import { ScanStatus } from './ScanStatus';
import type { UploadRow } from '../lib/uploadQueue';

/** The status a row shows, from the upload state and, once accepted, the polled document. */
export type UploadRowDisplay = 'queued' | 'uploading' | 'processing' | 'ready' | 'failed' | 'rejected' | 'cancelled';

export function UploadRowView({ row, meetingId, onCancel }: { row: UploadRow; meetingId: string; onCancel: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const doc = useDocument(row.documentId ?? undefined, { pollWhileIngesting: true });
  const version = doc.data?.currentVersion;
  const done = isIngestDone(doc.data);

  useEffect(() => {
    // the row's document changed state: refresh the meeting's list
    if (row.documentId) void queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) });
  }, [done, row.documentId, meetingId, queryClient]);

  const display: UploadRowDisplay =
    row.status === 'processing' ? (version?.status === 'ready' ? 'ready' : version?.status === 'failed' ? 'failed' : 'processing') : row.status;

  const label: Record<UploadRowDisplay, string> = {
    queued: t.upload.queued,
    uploading: t.upload.uploading,
    processing: t.upload.processing,
    ready: t.upload.ready,
    failed: t.upload.failed,
    rejected: t.upload.rejected,
    cancelled: t.common.cancel,
  };

  return (
    <li className={`upload-row upload-row-${display}`} data-testid="upload-row" data-status={display} data-file-name={row.file.name}>
      <div className="upload-row-head">
        <span className="upload-row-name">
          {row.file.name}
        </span>
        <span className="muted upload-row-size">{formatBytes(row.file.size, language)}</span>
        <span className={`badge badge-${display}`} data-testid="upload-row-status">
          {display === 'ready' && <span aria-hidden="true">✓</span>}
          {(display === 'failed' || display === 'rejected') && <span aria-hidden="true">✕</span>}
          {label[display]}
        </span>
      </div>
      {display === 'uploading' && <ProgressBar value={row.uploadProgress} label={t.upload.uploadProgress(row.file.name)} testId="upload-progress" />}
      {display === 'processing' && (
        <ProgressBar value={version?.progress ?? 0} tone="process" label={t.upload.processProgress(row.file.name)} testId="ingest-progress" />
      )}
      {(display === 'processing' || display === 'ready') && version && <ScanStatus version={version} />}
      {display === 'ready' && version && <p className="upload-row-note muted">{t.documents.pages(version.pageCount)}</p>}
      {display === 'rejected' && (
        <p className="upload-row-error" role="alert" data-testid="upload-row-error">
          {errorMessage(row.error, t)}
        </p>
      )}
      {display === 'failed' && (
        <p className="upload-row-error" role="alert" data-testid="upload-row-error">
          {t.upload.failed}
          {version && failureText(version, t) ? `: ${failureText(version, t)}` : ''}
        </p>
      )}
      {(display === 'queued' || display === 'uploading') && (
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.upload.cancel}
        </button>
      )}
    </li>
  );
}
