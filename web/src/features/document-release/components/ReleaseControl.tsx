import { useId, useState } from 'react';
import { documentReleaseTime, type DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { formatDateTime, localInputToIso } from '../../../lib/datetime';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useReleaseDocument } from '../hooks/useReleaseDocument';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/**
 * A document's own state for the secretariat: "Bản nháp" with a Phát hành button, or when it reaches
 * delegates. Releasing into a meeting already published asks first: delegates get it at once.
 */
export function ReleaseControl({ document, meetingId }: { document: DocumentSummary; meetingId: string }) {
  const { t, language } = useI18n();
  const meeting = useMeeting(meetingId);
  const release = useReleaseDocument(meetingId);
  const [asking, setAsking] = useState(false);
  const [at, setAt] = useState('');
  const inputId = useId();
  const m = meeting.data;

  if (document.state === 'released') {
    const when = m ? documentReleaseTime(document, m.releaseAt) : null;
    const later = when !== null && Date.parse(when) > Date.now();
    return (
      <span className="badge badge-ready" data-testid="document-state" data-state="released">
        {later ? t.documentRelease.scheduled(formatDateTime(when, language)) : t.documentRelease.released}
      </span>
    );
  }
  const published = m ? m.status !== 'draft' : true;
  const confirm = () => {
    const releaseAt = at ? localInputToIso(at) : null;
    release.mutate({ id: document.id, body: { releaseAt } }, { onSuccess: () => setAsking(false) });
  };
  return (
    <span className="doc-release">
      <span className="badge badge-draft" data-testid="document-state" data-state="draft" title={t.documentRelease.draftHint}>
        {t.documentRelease.draft}
      </span>{' '}
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)} data-testid="release-document">
        {t.documentRelease.release}
      </button>
      {asking && (
        <ConfirmDialog
          title={t.documentRelease.confirmTitle}
          confirmLabel={release.isPending ? t.documentRelease.releasing : t.documentRelease.confirm}
          busy={release.isPending}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
          testId="release-dialog"
        >
          <p>{published ? t.documentRelease.confirmPublished(document.title) : t.documentRelease.confirmDraft(document.title)}</p>
          <div className="field">
            <label htmlFor={inputId}>
              {t.documentRelease.releaseAt} <span className="muted">{t.common.optional}</span>
            </label>
            <input id={inputId} type="datetime-local" className="input" value={at} onChange={(e) => setAt(e.target.value)} data-testid="release-at" />
            <p className="field-hint">{t.documentRelease.releaseAtHint}</p>
          </div>
          {release.isError && <ErrorMessage error={release.error} />}
        </ConfirmDialog>
      )}
    </span>
  );
}
