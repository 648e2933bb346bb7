import { isStaff } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useBreakouts } from '../hooks/useBreakouts';
import { visibleGroups } from '../lib/breakoutSelectors';
import { GroupReportView } from './GroupReportEditor';
import './breakouts.css';

/** Under an agenda item of the plenary page: its group discussion and, once there are any, the groups' reports. */
export function AgendaBreakouts({ meetingId, agendaItemId }: { meetingId: string; agendaItemId: string }) {
  const { t } = useI18n();
  const user = useRequiredUser();
  const meeting = useMeeting(meetingId);
  const role = meeting.data?.myRole ?? null;
  const breakouts = useBreakouts(meetingId, Boolean(role));
  const breakout = breakouts.data?.find((b) => b.agendaItemId === agendaItemId);
  if (!breakout || breakout.status === 'prepared') return null;
  const groups = visibleGroups(breakout, user.id, isStaff(role));
  if (groups.length === 0) return null;
  return (
    <section className="agenda-breakouts" data-testid="agenda-breakouts" data-status={breakout.status}>
      <h4>
        {breakout.status === 'ended' ? t.breakouts.reports : t.breakouts.title}
        <span className="muted"> · {t.breakouts.status[breakout.status]}</span>
      </h4>
      <ul className="agenda-breakout-list">
        {groups.map((g) => (
          <li key={g.id} data-testid="agenda-breakout-group" data-group-id={g.id}>
            <strong>{g.name}</strong>
            <GroupReportView group={g} />
          </li>
        ))}
      </ul>
    </section>
  );
}
