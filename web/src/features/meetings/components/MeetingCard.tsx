import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { formatDateTime } from '../../../lib/datetime';
import { Icon } from '../../../ui/Icon';
import { OfflineSavedBadge } from '../../offline/components/OfflineSavedBadge';
import { MeetingFacts } from './MeetingFacts';
import { MeetingStatusBadge } from './MeetingStatusBadge';

/** `extra`: what other features add to the card (the group room link), given by the app so meetings imports none of them. */
export function MeetingCard({ meeting, canPrepare, extra }: { meeting: MeetingSummary; canPrepare: boolean; extra?: ReactNode }) {
  const { t, language } = useI18n();
  const releaseTime = formatDateTime(meeting.releaseAt, language, meeting.councilTimeZone);
  // an official (người trả lời chất vấn) sees only their questions and the documents
  const meetingPath = meeting.myRole === 'official' ? `/meetings/${meeting.id}/official` : `/meetings/${meeting.id}`;
  return (
    <li className="card meeting-card" data-testid="meeting-card" data-meeting-id={meeting.id}>
      <div className="meeting-card-top">
        <MeetingStatusBadge status={meeting.status} />
        <span className="meeting-card-kind">{t.meetingKinds[meeting.kind]}</span>
        <OfflineSavedBadge meetingId={meeting.id} />
      </div>
      <h2 className="meeting-card-title">
        <Link to={meetingPath} data-testid="meeting-card-link">
          {meeting.title}
        </Link>
      </h2>
      {/* the way in first: on a phone it stays on the first screen, above the meeting's facts */}
      <div className="button-row">
        {extra}
        <Link to={meetingPath} className="button button-primary" aria-hidden="true" tabIndex={-1}>
          {t.meetings.open}
        </Link>
        {canPrepare && (
          <Link to={`/meetings/${meeting.id}/setup`} className="button button-secondary" data-testid="meeting-card-setup">
            {t.meetings.setup}
          </Link>
        )}
      </div>
      <MeetingFacts meeting={meeting} />
      <p className="meeting-card-role">
        <span className="muted">{t.meetings.myRole}: </span>
        <strong data-testid="meeting-card-role">{meeting.myRole ? t.roles[meeting.myRole] : t.meetings.adminNoRole}</strong>
      </p>
      <p className={`meeting-card-release ${meeting.released ? 'is-released' : 'is-pending'}`} data-testid="meeting-card-release">
        <Icon name={meeting.released ? 'check' : 'clock'} />
        {meeting.released ? t.meetings.documentsReleased(releaseTime) : t.meetings.releasedAt(releaseTime)}
      </p>
    </li>
  );
}
