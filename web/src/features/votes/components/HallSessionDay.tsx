import type { HallSessionDay, Vote } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { QuorumLine } from '../../attendance/components/QuorumLine';
import { formatSeconds, useCountdown } from '../hooks/useCountdown';
import { VoteResultView } from './VoteResultView';
import './votes.css';

/** The hall screen's vote: question, countdown and ballots cast (never how) while open; then the result, large. */
export function HallVote({ vote, eligible }: { vote: Vote; eligible: number }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const left = useCountdown(vote.status === 'open' ? vote.closesAt : null);
  return (
    <section className="hall-vote" aria-live="polite" data-testid="hall-vote" data-vote-id={vote.id} data-status={vote.status}>
      <p className="hall-current-label">{vote.status === 'open' ? d.voteNow : d.result}</p>
      <h2 className="hall-vote-question">
        {vote.sectionLabel ? `${vote.sectionLabel} – ` : ''}
        {vote.question}
      </h2>
      {vote.status === 'open' ? (
        <p className="hall-vote-live">
          <span data-testid="hall-ballots" data-count={vote.ballotsCast}>
            {d.hallBallots(vote.ballotsCast, eligible || vote.seats || 0)}
          </span>
          {left !== null && <span data-testid="hall-countdown">{formatSeconds(left)}</span>}
        </p>
      ) : (
        <VoteResultView vote={vote} size="hall" />
      )}
    </section>
  );
}

/** Quorum and the check-in code, under the clock in the hall's header. */
export function HallQuorum({ day }: { day: HallSessionDay }) {
  const { t } = useI18n();
  if (!day.sitting || !day.quorum || day.sitting.status === 'closed') return null;
  return (
    <div className="hall-quorum" data-testid="hall-quorum">
      <QuorumLine quorum={day.quorum} size="hall" />
      {day.sitting.checkinCode && (
        <p className="hall-checkin-code" data-testid="hall-checkin-code">
          {t.sessionDay.hallCode(day.sitting.checkinCode)}
        </p>
      )}
    </div>
  );
}

