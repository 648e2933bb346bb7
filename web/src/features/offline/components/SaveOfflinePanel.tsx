import { useState } from 'react';
import type { MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ProgressBar } from '../../../ui/ProgressBar';
import { useOnline } from '../hooks/useOnline';
import { useSavedMeeting } from '../hooks/useSavedMeeting';
import { removeMeetingOffline, saveMeetingOffline } from '../lib/offlineCopy';
import { hasIndexedDb } from '../lib/offlineDb';
import { formatSize } from '../lib/formatSize';
import './offline.css';

/**
 * "Tải về để đọc offline" on the meeting page: saves every released document of the meeting on
 * the device with a progress bar, says how much space it takes, and removes it on request.
 */
export function SaveOfflinePanel({ meeting }: { meeting: MeetingDetail }) {
  const { t, language } = useI18n();
  const when = useDateTime();
  const online = useOnline();
  const { saved, loaded, state } = useSavedMeeting(meeting.id);
  const [confirming, setConfirming] = useState(false);
  if (!loaded) return null;
  if (!hasIndexedDb()) {
    return <p className="alert alert-info">{t.offline.unsupported}</p>;
  }

  const saving = state.status === 'saving' && !state.progress.background ? state.progress : null;
  const updating = state.status === 'saving' && state.progress.background;
  const save = () => void saveMeetingOffline(meeting.id).catch(() => undefined);

  return (
    <section className="card offline-panel" aria-labelledby="offline-panel-title" data-testid="offline-panel" data-saved={saved?.complete ? 'true' : 'false'}>
      <div className="offline-panel-head">
        <h2 id="offline-panel-title">{t.offline.saveTitle}</h2>
        {saved?.complete && (
          <span className="offline-saved-badge" data-testid="offline-saved-badge">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
              <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t.offline.savedBadge}
          </span>
        )}
      </div>

      {saving ? (
        <div role="status" data-testid="offline-progress">
          <p>
            <strong>{t.offline.saving}</strong> {t.offline.savingProgress(saving.doneDocuments, saving.totalDocuments, formatSize(saving.loadedBytes, language))}
          </p>
          <ProgressBar value={saving.totalBytes > 0 ? (saving.loadedBytes / saving.totalBytes) * 100 : (saving.doneDocuments / Math.max(1, saving.totalDocuments)) * 100} label={t.offline.saving} />
        </div>
      ) : saved ? (
        <>
          <p className="offline-size" data-testid="offline-size">
            <strong>{t.offline.savedSize(formatSize(saved.bytes, language))}</strong>
            <span className="muted"> · {t.offline.savedFacts(saved.documents.length, when(saved.refreshedAt))}</span>
          </p>
          {!saved.complete && <p className="alert alert-warning">{t.offline.incomplete}</p>}
          <p className="muted offline-hint">{updating ? t.offline.updating : t.offline.autoUpdateHint}</p>
          <div className="button-row">
            {!saved.complete && online && (
              <button type="button" className="button button-primary" onClick={save} data-testid="offline-resume">
                {t.offline.resume}
              </button>
            )}
            {confirming ? (
              <div className="confirm-row" role="group" aria-label={t.offline.removeConfirm}>
                <p>{t.offline.removeConfirm}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => {
                      setConfirming(false);
                      void removeMeetingOffline(meeting.id);
                    }}
                    data-testid="offline-remove-confirm"
                  >
                    {t.offline.remove}
                  </button>
                  <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                    {t.common.cancel}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button-ghost" onClick={() => setConfirming(true)} data-testid="offline-remove">
                {t.offline.remove}
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="offline-hint">{t.offline.saveHint}</p>
          <button type="button" className="button button-primary button-block" onClick={save} disabled={!online} data-testid="offline-save">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d="M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t.offline.save}
          </button>
        </>
      )}
      {state.status === 'error' && (
        <ErrorMessage error={state.error} onRetry={online ? save : undefined} testId="offline-error" />
      )}
    </section>
  );
}
