import { useState } from 'react';
import { documentReleaseTime, type DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { zonedInputToIso } from '../../../lib/datetime';
import { DateTimeField } from '../../../ui/DateTimeField';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useReleaseDocument } from '../hooks/useReleaseDocument';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/**
 * A document's own state for the secretariat: "Bản nháp" with a Phát hành button, or when it reaches
 * delegates. Releasing into a meeting already published asks first: delegates get it at once.
 */
export function ReleaseControl({ document, meetingId }: { document: DocumentSummary; meetingId: string }) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const release = useReleaseDocument(meetingId);
  const [asking, setAsking] = useState(false);
  const [at, setAt] = useState('');
  // something typed in the day or time box that is not yet a time: never release at the default instead
  const [unreadable, setUnreadable] = useState(false);
  const m = meeting.data;
  const zone = m?.councilTimeZone;
  const when = useDateTime(zone);

  if (document.state === 'released') {
    const releaseAt = m ? documentReleaseTime(document, m.releaseAt) : null;
    const later = releaseAt !== null && Date.parse(releaseAt) > Date.now();
    return (
      <span className="badge badge-ready" data-testid="document-state" data-state="released">
        {later ? t.documentRelease.scheduled(when(releaseAt)) : t.documentRelease.released}
      </span>
    );
  }
  const published = m ? m.status !== 'draft' : true;
  const confirm = () => {
    if (unreadable) return;
    // typed on the council's clock, whatever the browser's zone
    const releaseAt = at && zone ? zonedInputToIso(at, zone) : null;
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
          <DateTimeField
            label={`${t.documentRelease.releaseAt} ${t.common.optional}`}
            hint={t.documentRelease.releaseAtHint}
            value={at}
            onChange={setAt}
            onUnreadable={setUnreadable}
            error={unreadable ? t.dateTimeField.unreadable : undefined}
            testId="release-at"
          />
          {release.isError && <ErrorMessage error={release.error} />}
        </ConfirmDialog>
      )}
    </span>
  );
}
