import { useI18n } from '../../../i18n/useI18n';
import { useSpeechRecord } from '../hooks/useSpeakersList';
import { formatClock } from '../lib/serverClock';

/** Total speaking time per delegate over the meeting, as bars (the chair compares them at a glance). */
export function SpeakerTotals({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const record = useSpeechRecord(meetingId);
  const totals = record.data?.totals ?? [];
  const longest = Math.max(1, ...totals.map((x) => x.seconds));
  return (
    <details className="speakers-totals" data-testid="speakers-totals">
      <summary>{t.speakers.record}</summary>
      {totals.length === 0 ? (
        <p className="muted">{t.speakers.recordEmpty}</p>
      ) : (
        <ul className="speaker-bars">
          {totals.map((x) => (
            <li key={x.userId} className="speaker-bar" data-testid="speaker-total" data-user-id={x.userId} data-seconds={x.seconds}>
              <span className="speaker-bar-label">
                <strong>{x.name}</strong> <span className="muted">{t.speakers.speeches(x.speeches)}</span>
              </span>
              <span className="speaker-bar-track" aria-hidden="true">
                <span className="speaker-bar-fill" style={{ width: `${(x.seconds / longest) * 100}%` }} />
                {x.overrunSeconds > 0 && <span className="speaker-bar-over" style={{ width: `${(Math.min(x.overrunSeconds, x.seconds) / longest) * 100}%` }} />}
              </span>
              <span className="speaker-bar-value">
                {formatClock(x.seconds)}
                {x.overrunSeconds > 0 ? ` · ${t.speakers.overrun(formatClock(x.overrunSeconds))}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
