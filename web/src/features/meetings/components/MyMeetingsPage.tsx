import type { ReactNode } from 'react';
import { councilCan, councilRoleOf, type MeetingSummary } from '@hopso/shared';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useMeetings } from '../hooks/useMeetings';
import { canPrepareMeeting } from '../lib/canPrepareMeeting';
import { sortMeetings } from '../lib/sortMeetings';
import { MeetingCard } from './MeetingCard';
import './meetings.css';

export function MyMeetingsPage({ cardExtra }: { cardExtra?: (meeting: MeetingSummary) => ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(t.meetings.title);
  const user = useRequiredUser();
  const meetings = useMeetings();
  const canCreate = councilCan(councilRoleOf(user.isAdmin, user.staffOfCouncilIds.length > 0), 'council.createMeeting');

  return (
    <>
      <div className="page-header">
        <h1>{t.meetings.title}</h1>
        {canCreate && (
          <Link to="/meetings/new" className="button button-primary" data-testid="create-meeting">
            <span aria-hidden="true">+</span> {t.meetings.create}
          </Link>
        )}
      </div>
      {meetings.isPending && <LoadingState />}
      {meetings.isError && <ErrorMessage error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.data && meetings.data.length === 0 && <p className="empty-state">{t.meetings.empty}</p>}
      {meetings.data && meetings.data.length > 0 && (
        <ul className="meeting-list" data-testid="meeting-list">
          {sortMeetings(meetings.data).map((meeting) => (
            <MeetingCard key={meeting.id} meeting={meeting} canPrepare={canPrepareMeeting(user, meeting)} extra={cardExtra?.(meeting)} />
          ))}
        </ul>
      )}
    </>
  );
}
