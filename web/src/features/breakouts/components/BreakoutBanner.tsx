import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isStaff, type MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useBreakouts } from '../hooks/useBreakouts';
import { markEntered, runningGroupOf, wasEntered } from '../lib/breakoutSelectors';
import './breakouts.css';

/**
 * On the plenary meeting page: when a breakout with the reader's group starts, move them into the
 * group room (once per group in this tab, so "back to the plenary" stays put), and while it runs
 * keep a big way back in. Staff see that groups are discussing, with a link to the console.
 * After the room sent them back, say that the group discussion has ended.
 */
export function BreakoutBanner({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const user = useRequiredUser();
  const navigate = useNavigate();
  const location = useLocation();
  const breakouts = useBreakouts(meeting.id, Boolean(meeting.myRole));
  const mine = runningGroupOf(breakouts.data, user.id);
  const mineId = mine?.group.id ?? null;
  const roomPath = mineId ? `/meetings/${meeting.id}/groups/${mineId}` : null;

  useEffect(() => {
    if (!mineId || !roomPath || wasEntered(mineId)) return;
    markEntered(mineId);
    navigate(roomPath);
  }, [mineId, roomPath, navigate]);

  const endedNotice = (location.state as { breakoutEnded?: string } | null)?.breakoutEnded;
  const runningForStaff = isStaff(meeting.myRole) ? breakouts.data?.find((b) => b.status === 'running') : undefined;

  return (
    <>
      {mine && roomPath && (
        <Link to={roomPath} className="breakout-banner" data-testid="breakout-banner" data-group-id={mine.group.id}>
          <span className="breakout-banner-text">
            <span className="live-dot" aria-hidden="true" />
            {t.breakouts.bannerRunning(mine.group.name)}
          </span>
          <span className="button button-primary breakout-banner-button">{t.breakouts.enterRoom} →</span>
        </Link>
      )}
      {!mine && runningForStaff && (
        <Link to={`/meetings/${meeting.id}/console`} className="breakout-banner" data-testid="breakout-banner-staff">
          <span className="breakout-banner-text">
            <span className="live-dot" aria-hidden="true" />
            {t.breakouts.staffBanner(runningForStaff.groups.length)}
          </span>
          <span className="button button-primary breakout-banner-button">{t.breakouts.openConsole} →</span>
        </Link>
      )}
      {!mine && endedNotice && (
        <p className="alert alert-info" role="status" data-testid="breakout-ended-notice">
          {t.breakouts.endedNotice}
        </p>
      )}
    </>
  );
}
