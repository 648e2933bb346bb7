import type { Speech } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useCountdown } from '../hooks/useCountdown';
import { formatClock } from '../lib/serverClock';

/** The speaker's countdown: amber near the end, red past it. The same on every screen (server-stamped start). */
export function Countdown({ speech, size = 'large' }: { speech: Speech; size?: 'large' | 'huge' | 'small' }) {
  const { t } = useI18n();
  const countdown = useCountdown(speech);
  if (!countdown) return null;
  return (
    <span
      className={`countdown countdown-${size} is-${countdown.tone}`}
      role="timer"
      aria-label={t.speakers.remaining}
      data-testid="countdown"
      data-tone={countdown.tone}
      data-remaining={countdown.remaining}
      data-paused={speech.pausedAt ? 'true' : 'false'}
    >
      {formatClock(countdown.remaining)}
      {speech.pausedAt && <span className="countdown-paused"> ⏸ {t.speakers.paused}</span>}
    </span>
  );
}
