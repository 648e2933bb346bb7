import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import type { MeetingLiveState } from '../lib/liveClient';
import { LiveStatus } from './LiveStatus';

/**
 * The head of a live staff screen (comment desk, chair console): back to the meeting, what the
 * screen is, the meeting's status and whether the page is live, its actions, and a warning once
 * the caller has been removed from the meeting.
 */
export function StaffPageHead({ meeting, kicker, title, live, children }: { meeting: MeetingDetail; kicker: string; title: string; live: MeetingLiveState; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <Link to={`/meetings/${meeting.id}`} className="breadcrumb">
        ← {meeting.title}
      </Link>
      <div className="live-head">
        <div>
          <p className="live-kicker">{kicker}</p>
          <h1>{title}</h1>
          <div className="live-head-badges">
            <MeetingStatusBadge status={meeting.status} />
            <LiveStatus state={live} />
          </div>
        </div>
        <div className="button-row">{children}</div>
      </div>
      {live.removed && (
        <p className="alert alert-warning" role="alert">
          {t.live.removed}
        </p>
      )}
    </>
  );
}
