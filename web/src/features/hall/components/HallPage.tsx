import { useEffect, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { AgendaItem, HallState } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { CouncilTimeZone, useClockTime, useDateTime } from '../../../lib/councilTimeZone';
import { HallBreakouts, hallBreakout } from '../../breakouts/components/HallBreakouts';
import { liveIndicator } from '../../live/components/LiveStatus';
import { HallSpeakers } from '../../speakers/components/HallSpeakers';
import { useClock } from '../hooks/useClock';
import { useHallLive } from '../hooks/useHallLive';
import { useWakeLock } from '../hooks/useWakeLock';
import { HallQuorum, HallVote } from '../../votes/components/HallSessionDay';
import { useHallSessionDay } from '../../votes/hooks/useHallSessionDay';
import './hall.css';

function HallMessage({ title, hint, testId }: { title: string; hint?: string; testId: string }) {
  return (
    <main className="hall hall-message" data-testid={testId}>
      <h1>{title}</h1>
      {hint && <p>{hint}</p>}
    </main>
  );
}

function Clock() {
  const now = useClock();
  const time = useClockTime()(now);
  return (
    <time className="hall-clock" dateTime={now.toISOString()}>
      {time}
    </time>
  );
}

function HallBoard({ hall, reconnecting, token, speakers }: { hall: HallState; reconnecting: boolean; token: string; speakers?: ReactNode }) {
  const { t } = useI18n();
  const when = useDateTime();
  const agenda: AgendaItem[] = [...hall.agenda].sort((a, b) => a.position - b.position);
  const index = agenda.findIndex((item) => item.id === hall.currentAgendaItemId);
  const current = index >= 0 ? agenda[index] : null;
  const breakout = hallBreakout(hall);
  const day = useHallSessionDay(hall.meetingId, token).data;
  useEffect(() => {
    document.title = `${current ? current.title : hall.title} · ${t.hall.title}`;
  }, [current, hall.title, t.hall.title]);

  return (
    <main className={`hall${day?.sitting?.status === 'open' || day?.vote ? ' hall-session-day' : ''}`} data-testid="hall-screen" data-status={hall.status} data-current-item-id={current?.id ?? ''}>
      <header className="hall-head">
        <div className="hall-head-text">
          <p className="hall-council">{hall.councilName}</p>
          <h1 className="hall-title">{hall.title}</h1>
          <p className="hall-meta">
            {[hall.location, when(hall.startsAt)].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="hall-head-side">
          {/* the room sees whether the sitting is on or over; "published" is the secretariat's word, not the hall's */}
          {(hall.status === 'in_session' || hall.status === 'closed') && (
            <span className={`hall-status hall-status-${hall.status}`} data-testid="hall-status">
              {t.meetingStatus[hall.status]}
            </span>
          )}
          <Clock />
        </div>
      </header>

      <div className="hall-current-column">
      {day?.vote ? (
        <HallVote vote={day.vote} eligible={day.quorum?.present ?? 0} />
      ) : breakout ? (
        <HallBreakouts hall={hall} breakout={breakout} agenda={agenda} />
      ) : (
        <section className={`hall-current${current ? '' : ' is-empty'}`} aria-live="polite" data-testid="hall-current">
          <p className="hall-current-label">
            {current ? (
              <>
                <span className="hall-live-dot" aria-hidden="true" />
                {t.hall.currentItem} · {t.hall.itemOf(index + 1, agenda.length)}
              </>
            ) : (
              t.hall.noCurrentItem
            )}
          </p>
          {current && (
            <>
              <h2 className="hall-current-title" data-testid="hall-current-title">
                {current.title}
              </h2>
              {current.presenter && <p className="hall-current-presenter">{t.hall.presenter(current.presenter)}</p>}
            </>
          )}
        </section>
      )}
      {speakers}
      </div>

      <section className="hall-agenda" aria-labelledby="hall-agenda-heading">
        {day && <HallQuorum day={day} />}
        <h2 id="hall-agenda-heading">{t.hall.agenda}</h2>
        <ol data-testid="hall-agenda">
          {agenda.map((item, i) => {
            const state = i === index ? 'current' : index >= 0 && i < index ? 'done' : 'upcoming';
            return (
              <li key={item.id} className={`hall-agenda-item is-${state}`} aria-current={state === 'current' ? 'step' : undefined} data-agenda-item-id={item.id}>
                <span className="hall-agenda-number">{state === 'current' ? '▶' : i + 1}</span>
                <span className="hall-agenda-title">{item.title}</span>
              </li>
            );
          })}
        </ol>
      </section>

      {reconnecting && (
        <p className="hall-reconnecting" role="status" data-testid="hall-reconnecting">
          {t.hall.reconnecting}
        </p>
      )}
    </main>
  );
}

/** The hall TV: no login, no controls, huge type; follows the chair live through its display link. */
export function HallPage() {
  const { meetingId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { t } = useI18n();
  const { hall, refused, live } = useHallLive(meetingId, token);
  useWakeLock(Boolean(hall.data) && !refused);

  if (!token) return <HallMessage title={t.hall.invalid} hint={t.hall.invalidHint} testId="hall-invalid" />;
  if (refused) return <HallMessage title={t.hall.revoked} hint={t.hall.revokedHint} testId="hall-revoked" />;
  if (!hall.data) {
    return (
      <main className="hall hall-message" data-testid="hall-loading">
        <p>{hall.isError ? t.hall.reconnecting : t.common.loading}</p>
      </main>
    );
  }
  const indicator = liveIndicator(live);
  return (
    <CouncilTimeZone zone={hall.data.councilTimeZone}>
      <HallBoard
        hall={hall.data}
        token={token}
        reconnecting={indicator === 'reconnecting' || hall.isError}
        speakers={<HallSpeakers meetingId={meetingId} token={token} currentAgendaItemId={hall.data.currentAgendaItemId} />}
      />
    </CouncilTimeZone>
  );
}
