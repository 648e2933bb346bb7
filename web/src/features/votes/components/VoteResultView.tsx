import { formatShare, VOTE_CHOICES, type Vote } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

/**
 * A closed vote's result: each choice as a count, a bar and its share of all seats (the legal
 * denominator), the rule, and passed / not passed. One component for phone, console and hall.
 */
export function VoteResultView({ vote, size = 'normal' }: { vote: Vote; size?: 'normal' | 'hall' }) {
  const { t } = useI18n();
  const r = vote.result;
  if (!r) return null;
  return (
    <div className={`vote-result vote-result-${size}`} data-testid="vote-result" data-passed={r.passed ? 'true' : 'false'}>
      <p className={`vote-verdict ${r.passed ? 'is-passed' : 'is-failed'}`} data-testid="vote-verdict">
        {r.passed ? t.sessionDay.passed : t.sessionDay.notPassed}
      </p>
      <ul className="vote-bars">
        {VOTE_CHOICES.map((c) => {
          const n = r.counts[c];
          const share = formatShare(n, r.seats);
          return (
            <li key={c} className={`vote-bar-row choice-${c}`} data-testid={`vote-count-${c}`} data-count={n}>
              <span className="vote-bar-label">{t.sessionDay.choices[c]}</span>
              <span className="vote-bar-number">{n}</span>
              <span className="vote-bar-track" aria-hidden="true">
                <span className="vote-bar-fill" style={{ width: `${r.seats > 0 ? Math.min(100, (n * 100) / r.seats) : 0}%` }} />
                {/* the yes votes the rule needed, on the same scale: the bar passes the mark or it does not */}
                {c === 'yes' && r.seats > 0 && <span className="vote-bar-mark" data-testid="vote-needed-mark" style={{ left: `${Math.min(100, (r.needed * 100) / r.seats)}%` }} />}
              </span>
              <span className="vote-bar-share">{t.sessionDay.countShare(n, share)}</span>
            </li>
          );
        })}
      </ul>
      <p className="vote-rule muted">
        {t.sessionDay.ruleNeeded(t.sessionDay.passRules[r.rule], r.needed)} · {t.sessionDay.seatsLine(r.seats, r.present)}
        {r.manual ? ` · ${t.sessionDay.manualNote}` : ''}
      </p>
    </div>
  );
}
