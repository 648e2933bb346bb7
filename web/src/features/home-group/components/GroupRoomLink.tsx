import { Link } from 'react-router-dom';
import type { MeetingSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useBreakouts } from '../../breakouts/hooks/useBreakouts';
import { runningGroupOf } from '../../breakouts/lib/breakoutSelectors';

/**
 * On the home card: while the reader's breakout group is meeting, "Vào phòng Tổ N". The list is read
 * when the card shows and again when a "breakout started" notification arrives (useNotifications).
 */
export function GroupRoomLink({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useI18n();
  const user = useRequiredUser();
  // only participants who sit in groups; the staff run them from the console
  const follows = meeting.myRole === 'delegate' || meeting.myRole === 'observer' || meeting.myRole === 'chair';
  const breakouts = useBreakouts(meeting.id, follows && meeting.status !== 'draft' && meeting.status !== 'closed');
  const mine = runningGroupOf(breakouts.data, user.id);
  if (!mine) return null;
  return (
    <Link to={`/meetings/${meeting.id}/groups/${mine.group.id}`} className="button button-primary home-group-link" data-testid="home-group-link" data-group-id={mine.group.id}>
      <span className="live-dot" aria-hidden="true" /> {t.groupRoom.enter(mine.group.name)}
    </Link>
  );
}
