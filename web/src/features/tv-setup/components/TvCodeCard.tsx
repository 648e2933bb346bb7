import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useClockTime } from '../../../lib/councilTimeZone';
import { tvCodesApi } from '../api/tvCodesApi';
import './tv-setup.css';

/** On the console: a short code to type on the TV's /tv page instead of the long display link (one use, a few minutes). */
export function TvCodeCard({ meetingId, label }: { meetingId: string; label: string }) {
  const { t } = useI18n();
  const clock = useClockTime();
  const create = useMutation({ mutationFn: () => tvCodesApi.create(meetingId, { label }) });
  const tvUrl = `${window.location.origin}/tv`;
  return (
    <div className="tv-code-card" data-testid="tv-code-card">
      <button type="button" className="button button-secondary" disabled={create.isPending} onClick={() => create.mutate()} data-testid="create-tv-code">
        {create.data ? t.tvSetup.newCode : t.tvSetup.createCode}
      </button>
      {create.data && (
        <div className="tv-code-shown">
          <p>{t.tvSetup.typeOnTv(tvUrl)}</p>
          <p className="tv-code" data-testid="tv-code">
            {create.data.code.slice(0, 3)} {create.data.code.slice(3)}
          </p>
          <p className="field-hint">{t.tvSetup.validUntil(clock(create.data.expiresAt))}</p>
        </div>
      )}
      {create.isError && <ErrorMessage error={create.error} />}
    </div>
  );
}
