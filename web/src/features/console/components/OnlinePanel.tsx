import { useMemo } from 'react';
import type { Participant } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { usePresence } from '../../live/hooks/usePresence';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';

function PersonRow({ person, online }: { person: Participant; online: boolean }) {
  const { t } = useI18n();
  return (
    <li className={`person-row${online ? ' is-online' : ''}`} data-testid="presence-person" data-user-id={person.userId} data-online={online ? 'true' : 'false'}>
      <span className="presence-dot" aria-hidden="true" />
      <span className="person-name">
        <strong>{person.fullName}</strong>
        <span className="muted"> · {t.roles[person.role]}</span>
      </span>
      <span className="visually-hidden">{online ? t.console.isOnline : t.console.isOffline}</span>
    </li>
  );
}

/** Who is online now (from the socket's presence), against the participants list. */
export function OnlinePanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const participants = useParticipants(meetingId);
  const presence = usePresence(meetingId);
  const online = useMemo(() => new Set(presence.data ?? []), [presence.data]);
  const people = useMemo(() => [...(participants.data ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')), [participants.data]);
  const here = people.filter((p) => online.has(p.userId));
  const away = people.filter((p) => !online.has(p.userId));

  return (
    <section className="card console-section" aria-labelledby="console-online-heading" data-testid="online-panel">
      <h2 id="console-online-heading">{t.console.online}</h2>
      {participants.isPending && <LoadingState />}
      {participants.isError && <ErrorMessage error={participants.error} onRetry={() => void participants.refetch()} />}
      {participants.data &&
        (presence.data === undefined ? (
          <p className="muted">{t.console.presenceUnknown}</p>
        ) : (
          <>
            <p className="online-count" data-testid="online-count">
              {t.console.onlineCount(here.length, people.length)}
            </p>
            <ul className="person-list">
              {here.map((p) => (
                <PersonRow key={p.userId} person={p} online />
              ))}
            </ul>
            {away.length > 0 && (
              <details className="person-away">
                <summary>
                  {t.console.isOffline} ({away.length})
                </summary>
                <ul className="person-list">
                  {away.map((p) => (
                    <PersonRow key={p.userId} person={p} online={false} />
                  ))}
                </ul>
              </details>
            )}
          </>
        ))}
    </section>
  );
}
