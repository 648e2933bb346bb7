import { useState } from 'react';
import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useVersionActions } from '../hooks/useVersionActions';

/**
 * The staff's answer to a version that failed: what delegates read meanwhile (the newest ready
 * version), read it again, or delete it; and deleting the document itself while nobody has
 * commented on it (the server refuses otherwise, with its code).
 */
export function VersionActions({ document, meetingId }: { document: DocumentSummary; meetingId: string }) {
  const { t } = useI18n();
  const actions = useVersionActions(meetingId, document.id);
  const [confirming, setConfirming] = useState(false);
  const v = document.currentVersion;
  const readable = document.readableVersion ?? null;
  const error = actions.retry.error ?? actions.deleteVersion.error ?? actions.deleteDocument.error;
  const busy = actions.retry.isPending || actions.deleteVersion.isPending || actions.deleteDocument.isPending;

  return (
    <div className="doc-version-actions" data-testid="version-actions">
      {readable && (
        <p className="doc-readable-note" data-testid="readable-version-note">
          {t.readablePages.delegatesRead(readable.versionNo)}
        </p>
      )}
      <div className="button-row">
        {v.status === 'failed' && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => actions.retry.mutate(v.id)} data-testid="retry-version">
            {t.readablePages.retry}
          </button>
        )}
        {v.status === 'failed' && readable && (
          <button type="button" className="button button-ghost" disabled={busy} onClick={() => actions.deleteVersion.mutate(v.id)} data-testid="delete-version">
            {t.readablePages.deleteVersion(v.versionNo)}
          </button>
        )}
        <button type="button" className="button button-ghost" disabled={busy} onClick={() => setConfirming(true)} data-testid="delete-document">
          {t.readablePages.deleteDocument}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {confirming && (
        <ConfirmDialog
          title={t.readablePages.deleteDocumentTitle(document.title)}
          confirmLabel={t.readablePages.deleteDocument}
          busy={actions.deleteDocument.isPending}
          onConfirm={() => actions.deleteDocument.mutate(undefined, { onSettled: () => setConfirming(false) })}
          onCancel={() => setConfirming(false)}
          testId="confirm-delete-document"
        >
          <p>{t.readablePages.deleteDocumentBody}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
