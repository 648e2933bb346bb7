import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errorMessage';
import { queryKeys } from '../../../lib/queryKeys';
import { ProgressBar } from '../../../ui/ProgressBar';
import { documentsApi } from '../api/documentsApi';
import { isIngestDone, useDocument } from '../hooks/useDocument';

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'processing' } | { kind: 'rejected'; error: unknown };

/** "Tải lên phiên bản mới": pick one PDF, watch it upload, then watch the new version being processed. */
export function NewVersionUpload({ document, meetingId }: { document: DocumentSummary; meetingId: string }) {
  const { t } = useI18n();
  const inputId = useId();
  const queryClient = useQueryClient();
  const abortRef = useRef<(() => void) | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const polled = useDocument(phase.kind === 'processing' ? document.id : undefined, { pollWhileIngesting: true });
  const done = phase.kind === 'processing' && isIngestDone(polled.data);

  useEffect(() => {
    if (!done) return;
    setPhase({ kind: 'idle' });
    void queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) });
  }, [done, meetingId, queryClient]);
  useEffect(() => () => abortRef.current?.(), []);

  const start = (file: File) => {
    setPhase({ kind: 'uploading', percent: 0 });
    const handle = documentsApi.uploadVersion(document.id, file, (percent) => setPhase({ kind: 'uploading', percent }));
    abortRef.current = handle.abort;
    handle.promise
      .then((detail) => {
        queryClient.setQueryData(queryKeys.document(document.id), detail);
        setPhase({ kind: 'processing' });
        void queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId) });
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') setPhase({ kind: 'idle' });
        else setPhase({ kind: 'rejected', error });
      })
      .finally(() => {
        abortRef.current = null;
      });
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  return (
    <div className="new-version" data-testid="new-version" data-phase={phase.kind}>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,.pdf"
        className="visually-hidden file-picker-input"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) start(file);
        }}
        data-testid="new-version-input"
      />
      <label htmlFor={inputId} className={`button button-secondary file-picker-label${busy ? ' is-disabled' : ''}`} aria-disabled={busy}>
        <span aria-hidden="true">⟳ </span>
        {t.documents.newVersion}
        <span className="visually-hidden"> — {document.title}</span>
      </label>
      {phase.kind === 'uploading' && <ProgressBar value={phase.percent} label={t.upload.uploadProgress(document.title)} />}
      {phase.kind === 'processing' && (
        <ProgressBar value={polled.data?.currentVersion.progress ?? 0} tone="process" label={t.upload.processProgress(document.title)} />
      )}
      {phase.kind === 'rejected' && (
        <p className="upload-row-error" role="alert">
          {errorMessage(phase.error, t)}
        </p>
      )}
    </div>
  );
}
