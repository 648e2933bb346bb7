import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/useI18n';
import { queryKeys } from '../../../lib/queryKeys';
import { speakersApi } from '../api/speakersApi';
import { Countdown } from './Countdown';
import './speakers.css';

/**
 * On the hall TV: the speaker (name, constituency or tổ, type), a countdown readable from the back of
 * the room, and the next two in line; the chất vấn issue when one is open.
 */
export function HallSpeakers({ meetingId, token, currentAgendaItemId }: { meetingId: string; token: string; currentAgendaItemId: string | null }) {
  const { t } = useI18n();
  const speakers = useQuery({
    queryKey: queryKeys.hallSpeakers(meetingId),
    queryFn: ({ signal }) => speakersApi.hall(meetingId, token, signal),
    enabled: Boolean(meetingId && token),
    staleTime: Infinity,
  });
  const { refetch } = speakers;
  // the chair moved to another item: read which list the hall shows now
  useEffect(() => {
    void refetch();
  }, [currentAgendaItemId, refetch]);
  const list = speakers.data?.list;
  if (!list || (!list.current && list.waiting.length === 0 && !list.openIssue)) return null;
  const next = list.waiting.slice(0, 2);
  return (
    <section className="hall-speakers" aria-live="polite" data-testid="hall-speakers">
      {list.openIssue && (
        <p className="hall-speakers-issue" data-testid="hall-open-issue">
          <span className="hall-speakers-label">{t.speakers.openIssue}</span> {list.openIssue.title}
          {list.openIssue.officialName ? ` · ${t.speakers.answering(`${list.openIssue.officialName} (${list.openIssue.positionTitle})`)}` : ''}
        </p>
      )}
      {list.current && (
        <div className="hall-speaker" data-testid="hall-speaker" data-speech-id={list.current.id}>
          <div className="hall-speaker-text">
            <p className="hall-speakers-label">
              {t.speakers.nowSpeaking} · {t.speakers.types[list.current.type]}
            </p>
            <p className="hall-speaker-name" data-testid="hall-speaker-name">
              {list.current.name}
            </p>
            {list.current.unit && <p className="hall-speaker-unit">{list.current.unit}</p>}
            {list.current.replyTo && <p className="hall-speaker-unit">{`${t.speakers.replyTo} ${list.current.replyTo.name}`}</p>}
          </div>
          <Countdown speech={list.current} size="huge" />
        </div>
      )}
      {next.length > 0 && (
        <div className="hall-next" data-testid="hall-next">
          <p className="hall-speakers-label">{t.speakers.nextInLine}</p>
          <ol>
            {next.map((s) => (
              <li key={s.id}>
                {s.name}
                <span className="hall-next-type"> · {t.speakers.types[s.type]}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
