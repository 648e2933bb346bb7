import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { VoteChoice, VoteForMe } from '@hopso/shared';
import { VOTE_CHOICES } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { NetworkError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { sendBallot } from '../api/sendBallot';
import { formatSeconds, useCountdown } from '../hooks/useCountdown';
import { voteKeys } from '../lib/voteKeys';
import { VoteResultView } from './VoteResultView';

type Step = { at: 'choose' } | { at: 'confirm'; choice: VoteChoice } | { at: 'sending'; choice: VoteChoice; clientId: string } | { at: 'done' };

/**
 * The delegate's phone while a vote is open: it fills the screen, the question and its section on
 * top, three large buttons in the colours people know, a confirmation, the countdown; then the
 * result. A ballot is sent at once (on the live socket, else over REST) or not at all: without a connection the screen says so (it is
 * never put in the offline outbox). A retry reuses the same client id, so it counts once.
 */
export function VoteScreen({ vote, blocked, onDismiss }: { vote: VoteForMe; blocked: string | null; onDismiss: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const left = useCountdown(vote.status === 'open' ? vote.closesAt : null);
  const [step, setStep] = useState<Step>({ at: vote.myBallot.cast ? 'done' : 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [myChoice, setMyChoice] = useState<VoteChoice | null>(vote.myBallot.choice);
  useEffect(() => {
    if (vote.myBallot.choice) setMyChoice(vote.myBallot.choice);
  }, [vote.myBallot.choice]);

  const send = async (choice: VoteChoice, clientId: string) => {
    setStep({ at: 'sending', choice, clientId });
    setError(null);
    try {
      const receipt = await sendBallot(queryClient, vote.id, clientId, choice);
      setMyChoice(receipt.choice ?? choice);
      queryClient.setQueryData<VoteForMe[]>(voteKeys.votes(vote.meetingId), (list) =>
        list?.map((v) => (v.id === vote.id ? { ...v, myBallot: { cast: true, choice: receipt.choice } } : v)),
      );
      setStep({ at: 'done' });
    } catch (e) {
      setError(e);
      // a lost answer may have been counted: the retry keeps the client id
      setStep(e instanceof NetworkError ? { at: 'sending', choice, clientId } : { at: 'choose' });
    }
  };

  const secret = vote.kind === 'secret';
  const closed = vote.status === 'closed';
  return (
    <div className="vote-screen" role="dialog" aria-modal="true" aria-labelledby="vote-screen-question" data-testid="vote-screen" data-vote-id={vote.id} data-status={vote.status}>
      <header className="vote-screen-head">
        <p className="vote-screen-kicker">
          {closed ? t.sessionDay.result : t.sessionDay.voteNow} · {t.sessionDay.kinds[vote.kind]}
        </p>
        <h1 id="vote-screen-question">{vote.question}</h1>
        {vote.sectionExcerpt && <p className="vote-screen-section">{vote.sectionExcerpt}</p>}
        {left !== null && !closed && (
          <p className="vote-countdown" data-testid="vote-countdown" aria-live="off">
            {t.sessionDay.timeLeft(formatSeconds(left))}
          </p>
        )}
      </header>

      {closed ? (
        <>
          <VoteResultView vote={vote} />
          <button type="button" className="button button-secondary vote-dismiss" onClick={onDismiss} data-testid="vote-dismiss">
            {t.sessionDay.dismiss}
          </button>
        </>
      ) : blocked ? (
        <p className="alert alert-info" data-testid="vote-blocked">
          {blocked}
        </p>
      ) : step.at === 'choose' ? (
        <div className="vote-choices">
          {VOTE_CHOICES.map((c) => (
            <button key={c} type="button" className={`vote-choice choice-${c}`} onClick={() => setStep({ at: 'confirm', choice: c })} data-testid={`vote-choice-${c}`}>
              {t.sessionDay.choices[c]}
            </button>
          ))}
          {secret && <p className="muted">{t.sessionDay.secretFinal}</p>}
        </div>
      ) : step.at === 'confirm' ? (
        <div className="vote-confirm">
          <p className={`vote-confirm-choice choice-${step.choice}`}>{t.sessionDay.youChose(t.sessionDay.choices[step.choice])}</p>
          <button type="button" className="button button-primary vote-confirm-button" onClick={() => void send(step.choice, crypto.randomUUID())} data-testid="vote-confirm">
            {t.sessionDay.confirm}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setStep({ at: 'choose' })}>
            {t.sessionDay.chooseAgain}
          </button>
        </div>
      ) : step.at === 'sending' ? (
        <div className="vote-confirm">
          {error instanceof NetworkError ? (
            <>
              <p className="alert alert-warning" role="alert" data-testid="vote-needs-connection">
                {t.sessionDay.needsConnection}
              </p>
              <button type="button" className="button button-primary vote-confirm-button" onClick={() => void send(step.choice, step.clientId)}>
                {t.common.retry}
              </button>
            </>
          ) : (
            <p aria-live="polite">{t.sessionDay.sending}</p>
          )}
        </div>
      ) : (
        <div className="vote-done" data-testid="vote-counted" aria-live="polite">
          <p className="vote-done-mark" aria-hidden="true">✓</p>
          <p className="vote-done-text">{secret ? t.sessionDay.countedSecret : t.sessionDay.counted}</p>
          {!secret && myChoice && <p className={`vote-confirm-choice choice-${myChoice}`}>{t.sessionDay.yourChoice(t.sessionDay.choices[myChoice])}</p>}
          {!secret && (
            <button type="button" className="button button-secondary" onClick={() => setStep({ at: 'choose' })} data-testid="vote-change">
              {t.sessionDay.change}
            </button>
          )}
        </div>
      )}
      {error !== null && !(error instanceof NetworkError) && <ErrorMessage error={error} testId="vote-error" />}
    </div>
  );
}
