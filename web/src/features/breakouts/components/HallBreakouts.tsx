import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AgendaItem, Breakout, HallState } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useClockTime, useDateTime } from '../../../lib/councilTimeZone';
import { queryKeys } from '../../../lib/queryKeys';
import { useFitPages } from '../../../ui/useFitPages';
import { BreakoutCountdown } from './BreakoutCountdown';
import './hall-breakouts.css';

/** Message counts reach the hall only with its state (it gets no group messages): ask again this often while groups talk. */
const ACTIVITY_REFRESH_MS = 20_000;
/** Long reports come a page at a time, each long enough to read from the back of the room. */
const PAGE_TURN_MS = 12_000;

/** What the hall shows of breakouts: the one running, else the finished one of the item under discussion. */
export function hallBreakout(hall: HallState): Breakout | null {
  const running = hall.breakouts.find((b) => b.status === 'running');
  if (running) return running;
  return hall.breakouts.find((b) => b.status === 'ended' && b.agendaItemId === hall.currentAgendaItemId) ?? null;
}

/** The hall TV during a breakout (groups and their activity) and after it (the submitted reports), in large type. */
export function HallBreakouts({ hall, breakout, agenda }: { hall: HallState; breakout: Breakout; agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const when = useDateTime();
  const clock = useClockTime();
  const queryClient = useQueryClient();
  const running = breakout.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void queryClient.invalidateQueries({ queryKey: queryKeys.hall(hall.meetingId), exact: true }), ACTIVITY_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running, queryClient, hall.meetingId]);
  const index = agenda.findIndex((i) => i.id === breakout.agendaItemId);

  return (
    <section className="hall-current hall-breakouts" aria-live="polite" data-testid="hall-breakouts" data-status={breakout.status}>
      <p className="hall-current-label">
        {running && <span className="hall-live-dot" aria-hidden="true" />}
        {running ? t.breakouts.status.running : t.breakouts.reports}
        {index >= 0 && <span className="hall-breakouts-item"> · {t.hall.itemOf(index + 1, agenda.length)}</span>}
      </p>
      {index >= 0 && <h2 className="hall-breakouts-title">{agenda[index].title}</h2>}
      <BreakoutCountdown breakout={breakout} size="hall" />
      {running ? (
        <ul className="hall-groups">
          {breakout.groups.map((g) => (
            <li key={g.id} className="hall-group" data-testid="hall-group">
              <span className="hall-group-name">{g.name}</span>
              <span className="hall-group-facts">{t.breakouts.memberCount(g.memberIds.length)}</span>
              <span className="hall-group-facts">
                {t.breakouts.messageCount(g.messageCount)}
                {g.lastMessageAt && <> · {clock(g.lastMessageAt)}</>}
              </span>
              {g.report?.submittedAt && <span className="hall-group-done">✓ {t.breakouts.reportSubmitted(when(g.report.submittedAt))}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <HallReports groups={breakout.groups} />
      )}
    </section>
  );
}

/** The groups' reports: what does not fit the screen comes on the next page, turned by itself. */
function HallReports({ groups }: { groups: Breakout['groups'] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const key = groups.map((g) => `${g.id}:${g.report?.text.length ?? 0}`).join('|');
  const { page, count, offset } = useFitPages(box, list, key, PAGE_TURN_MS);
  return (
    <>
      <div className="hall-reports-box" ref={box} data-testid="hall-reports-box">
        <ol className="hall-reports" ref={list} style={{ transform: `translateY(-${offset}px)` }} data-testid="hall-reports" data-page={page + 1} data-pages={count}>
          {groups.map((g) => (
            <li key={g.id} className="hall-report" data-testid="hall-report" data-group-id={g.id}>
              <span className="hall-group-name">{g.name}</span>
              {g.report?.submittedAt ? <p className="hall-report-text">{g.report.text}</p> : <p className="hall-report-none">{t.breakouts.noReport}</p>}
            </li>
          ))}
        </ol>
      </div>
      {count > 1 && (
        <p className="hall-reports-page" data-testid="hall-reports-page">
          {t.hall.page(page + 1, count)}
        </p>
      )}
    </>
  );
}
