import { useI18n } from '../../../i18n/useI18n';
import { useSavedMeeting } from '../hooks/useSavedMeeting';
import './offline.css';

/** On a meeting card: this meeting can be read offline on this device. */
export function OfflineSavedBadge({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const { saved } = useSavedMeeting(meetingId);
  if (!saved?.complete) return null;
  return (
    <span className="offline-saved-badge" data-testid="offline-saved-badge">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t.offline.savedBadge}
    </span>
  );
}
