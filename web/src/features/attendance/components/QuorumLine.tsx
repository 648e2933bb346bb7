import type { Quorum } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

/** Present / seats against the council's quorum rule, as a bar with the threshold marked. */
export function QuorumLine({ quorum, size = 'normal' }: { quorum: Quorum; size?: 'normal' | 'hall' }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const pct = (n: number) => (quorum.seats > 0 ? Math.min(100, (n * 100) / quorum.seats) : 0);
  return (
    <div className={`quorum quorum-${size} ${quorum.met ? 'is-met' : 'is-not-met'}`} data-testid="quorum" data-present={quorum.present} data-seats={quorum.seats} data-met={quorum.met ? 'true' : 'false'}>
      <p className="quorum-numbers">
        <strong>{d.quorum(quorum.present, quorum.seats)}</strong> · <span>{quorum.met ? d.quorumMet : d.quorumNotMet}</span>
      </p>
      <span className="quorum-track" aria-hidden="true">
        <span className="quorum-fill" style={{ width: `${pct(quorum.present)}%` }} />
        <span className="quorum-mark" style={{ left: `${pct(quorum.required)}%` }} />
      </span>
      <p className="quorum-detail muted">{d.quorumDetail(quorum.hall, quorum.online, quorum.required)}</p>
    </div>
  );
}
