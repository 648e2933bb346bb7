import { useId, useState } from 'react';
import type { Breakout, BreakoutGroup } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useBreakoutCountdown, useEndBreakout } from '../hooks/useBreakoutMutations';
import { BreakoutCountdown } from './BreakoutCountdown';
import { useGroupMessages } from '../hooks/useGroupMessages';
import { GroupMessageList } from './GroupMessageList';
import { GroupReportView } from './GroupReportEditor';
import { useConfirm } from '../../../ui/useConfirm';

interface CardProps {
  meetingId: string;
  group: BreakoutGroup;
  names: ReadonlyMap<string, string>;
  online: ReadonlySet<string> | null;
  documentTitles: ReadonlyMap<string, string>;
  myId: string;
}

function GroupMonitorCard({ meetingId, group, names, online, documentTitles, myId }: CardProps) {
  const { t } = useI18n();
  const when = useDateTime();
  const messages = useGroupMessages(meetingId, group.id);
  const onlineCount = online ? group.memberIds.filter((id) => online.has(id)).length : null;
  const count = Math.max(group.messageCount, messages.data?.length ?? 0);
  return (
    <li className="card breakout-monitor-group" data-testid="breakout-monitor-group" data-group-id={group.id} data-group-name={group.name}>
      <h3>{group.name}</h3>
      <p className="breakout-monitor-facts">
        <span>{t.breakouts.memberCount(group.memberIds.length)}</span>
        {onlineCount !== null && <span data-testid="breakout-monitor-online">{t.breakouts.onlineOf(onlineCount, group.memberIds.length)}</span>}
        <span data-testid="breakout-monitor-count">{t.breakouts.messageCount(count)}</span>
        <span>{group.lastMessageAt ? t.breakouts.lastActivity(when(group.lastMessageAt)) : t.breakouts.noActivity}</span>
      </p>
      {group.leaderId && (
        <p className="muted">
          {t.breakouts.leader}: {names.get(group.leaderId) ?? t.breakouts.unknownPerson}
        </p>
      )}
      <details className="breakout-monitor-members">
        <summary>{t.breakouts.members}</summary>
        <ul>
          {group.memberIds.map((id) => (
            <li key={id} className={online?.has(id) ? 'is-online' : undefined}>
              <span className="presence-dot" aria-hidden="true" /> {names.get(id) ?? t.breakouts.unknownPerson}
            </li>
          ))}
        </ul>
      </details>
      <h4>{t.breakouts.report}</h4>
      <GroupReportView group={group} showDraft />
      <h4>{t.breakouts.discussion}</h4>
      {messages.isPending && <LoadingState />}
      {messages.isError && <ErrorMessage error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.data && <GroupMessageList messages={messages.data} myId={myId} documentTitles={documentTitles} compact testId="breakout-monitor-messages" emptyText={t.breakouts.noActivity} />}
    </li>
  );
}

interface Props {
  breakout: Breakout;
  names: ReadonlyMap<string, string>;
  online: ReadonlySet<string> | null;
  documentTitles: ReadonlyMap<string, string>;
  myId: string;
}

/** While groups discuss (and after): every group live, its activity, messages and report; and "end". */
export function BreakoutMonitor({ breakout, names, online, documentTitles, myId }: Props) {
  const { t } = useI18n();
  const when = useDateTime();
  const end = useEndBreakout(breakout.meetingId);
  const confirm = useConfirm();
  return (
    <div className="breakout-monitor" data-testid="breakout-monitor" data-status={breakout.status}>
      <div className="breakout-monitor-head">
        <p>
          {breakout.startedAt && <span>{t.breakouts.startedAt(when(breakout.startedAt))}</span>}
          {breakout.endedAt && <span> · {t.breakouts.endedAt(when(breakout.endedAt))}</span>}
        </p>
        {breakout.status === 'running' && (
          <button
            type="button"
            className="button button-danger button-big"
            disabled={end.isPending}
            onClick={() =>
              confirm.ask({
                title: t.chairHall.title,
                message: t.breakouts.endConfirm,
                confirmLabel: t.chairHall.endBreakout,
                testId: 'breakout-end-dialog',
                onConfirm: () => end.mutate(breakout.agendaItemId),
              })
            }
            data-testid="breakout-end"
          >
            ■ {t.breakouts.end}
          </button>
        )}
      </div>
      {end.isError && <ErrorMessage error={end.error} />}
      {breakout.status === 'running' && <CountdownControl breakout={breakout} />}
      <ul className="breakout-monitor-groups">
        {breakout.groups.map((g) => (
          <GroupMonitorCard key={g.id} meetingId={breakout.meetingId} group={g} names={names} online={online} documentTitles={documentTitles} myId={myId} />
        ))}
      </ul>
      {confirm.dialog}
    </div>
  );
}

/** The chair sets (or takes away) the time the groups have; the rooms and the hall count it down. */
function CountdownControl({ breakout }: { breakout: Breakout }) {
  const { t } = useI18n();
  const id = useId();
  const [minutes, setMinutes] = useState(15);
  const countdown = useBreakoutCountdown(breakout.meetingId);
  return (
    <div className="breakout-countdown-control" data-testid="breakout-countdown-control">
      <BreakoutCountdown breakout={breakout} />
      <div className="breakout-auto-row">
        <div className="field">
          <label htmlFor={id}>
            {t.chairHall.countdownTitle} ({t.chairHall.countdownMinutes})
          </label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))}
            data-testid="breakout-countdown-minutes"
          />
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={countdown.isPending}
          onClick={() => countdown.mutate({ agendaItemId: breakout.agendaItemId, minutes })}
          data-testid="breakout-countdown-set"
        >
          {t.chairHall.countdownSet}
        </button>
        {breakout.endsAt && (
          <button type="button" className="button button-ghost" disabled={countdown.isPending} onClick={() => countdown.mutate({ agendaItemId: breakout.agendaItemId, minutes: null })} data-testid="breakout-countdown-clear">
            {t.chairHall.countdownClear}
          </button>
        )}
      </div>
      {countdown.isError && <ErrorMessage error={countdown.error} />}
    </div>
  );
}
