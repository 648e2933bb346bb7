import { useI18n } from '../../../i18n/useI18n';

/** Said while a write is being sent again after getting no answer (the outbox keeps it meanwhile). */
export function RetryingNotice({ write }: { write: { isPending: boolean; failureCount: number } }) {
  const { t } = useI18n();
  if (!write.isPending || write.failureCount === 0) return null;
  return (
    <p className="alert alert-warning" role="status">
      {t.readingRoom.retrying}
    </p>
  );
}
