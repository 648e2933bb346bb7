import { useI18n } from '../../../i18n/useI18n';

/** "Only you see your notes": under a lock, wherever a delegate writes one. */
export function PrivateHint() {
  const { t } = useI18n();
  return (
    <p className="private-hint">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="icon">
        <path d="M6 11V8a6 6 0 0 1 12 0v3M5 11h14v10H5z" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
      </svg>
      {t.readingRoom.noteHint}
    </p>
  );
}
