import { useMemo, useState } from 'react';
import type { AgendaItem, MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { usePresence } from '../../live/hooks/usePresence';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';
import { useBreakouts } from '../hooks/useBreakouts';
import { BreakoutEditor } from './BreakoutEditor';
import { BreakoutMonitor } from './BreakoutMonitor';
import './breakouts.css';

/** The chair console's "Thảo luận tổ": per agenda item, make the groups, start them, follow them live, end them. */
export function BreakoutPanel({ meeting, agenda }: { meeting: MeetingDetail; agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const user = useRequiredUser();
  const breakouts = useBreakouts(meeting.id);
  const participants = useParticipants(meeting.id);
  const documents = useMeetingDocuments(meeting.id);
  const presence = usePresence(meeting.id);
  const [chosen, setChosen] = useState<string | null>(null);

  const running = breakouts.data?.find((b) => b.status === 'running');
  const itemId = chosen ?? running?.agendaItemId ?? meeting.currentAgendaItemId ?? agenda[0]?.id ?? '';
  const breakout = breakouts.data?.find((b) => b.agendaItemId === itemId) ?? null;
  const online = useMemo(() => (presence.data ? new Set(presence.data) : null), [presence.data]);
  const names = useMemo(() => new Map((participants.data ?? []).map((p) => [p.userId, p.fullName])), [participants.data]);
  const delegates = useMemo(
    () => (participants.data ?? []).filter((p) => p.role === 'delegate').sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [participants.data],
  );
  const documentTitles = useMemo(() => new Map((documents.data ?? []).map((d) => [d.id, d.title])), [documents.data]);

  return (
    <section className="card console-section breakout-panel" aria-labelledby="breakout-panel-heading" data-testid="breakout-panel">
      <h2 id="breakout-panel-heading">
        {t.breakouts.title}
        {breakout && (
          <span className="muted" data-testid="breakout-status" data-status={breakout.status}>
            {' '}
            · {t.breakouts.status[breakout.status]} · {t.breakouts.groupsCount(breakout.groups.length)}
          </span>
        )}
      </h2>
      {agenda.length === 0 ? (
        <p className="empty-state">{t.meeting.noAgenda}</p>
      ) : (
        <SelectField label={t.breakouts.agendaItem} value={itemId} onChange={(e) => setChosen(e.target.value)} testId="breakout-item">
            {agenda.map((item, i) => (
              <option key={item.id} value={item.id}>
                {t.breakouts.itemOption(i + 1, item.title)}
                {breakouts.data?.find((b) => b.agendaItemId === item.id) ? ` — ${t.breakouts.status[breakouts.data.find((b) => b.agendaItemId === item.id)!.status]}` : ''}
              </option>
            ))}
        </SelectField>
      )}
      {(breakouts.isPending || participants.isPending) && <LoadingState />}
      {breakouts.isError && <ErrorMessage error={breakouts.error} onRetry={() => void breakouts.refetch()} />}
      {participants.isError && <ErrorMessage error={participants.error} onRetry={() => void participants.refetch()} />}
      {itemId && breakouts.data && participants.data && (
        <>
          {!breakout && <p className="muted">{t.breakouts.noBreakout}</p>}
          {!breakout || breakout.status === 'prepared' ? (
            <BreakoutEditor
              key={itemId}
              meetingId={meeting.id}
              agendaItemId={itemId}
              breakout={breakout}
              delegates={delegates}
              online={online}
              documents={documents.data ?? []}
            />
          ) : (
            <BreakoutMonitor breakout={breakout} names={names} online={online} documentTitles={documentTitles} myId={user.id} />
          )}
        </>
      )}
    </section>
  );
}
