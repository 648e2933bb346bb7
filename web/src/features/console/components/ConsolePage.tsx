import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isStaff } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { BreakoutPanel } from '../../breakouts/components/BreakoutPanel';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { LiveStatus } from '../../live/components/LiveStatus';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { AgendaControl } from './AgendaControl';
import { CurrentItemComments } from './CurrentItemComments';
import { DisplayLinksPanel } from './DisplayLinksPanel';
import { OnlinePanel } from './OnlinePanel';
import { ReceiptsSummary } from './ReceiptsSummary';
import { SessionControls } from './SessionControls';
import '../../desk/components/desk.css';
import './console.css';

/** Chair console: start and end the session, move the agenda, see comments on the current item, who is online, and run the hall screen. */
export function ConsolePage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const staff = Boolean(meeting.data && isStaff(meeting.data.myRole));
  const live = useMeetingLive(staff ? meetingId : undefined);
  const documents = useMeetingDocuments(meetingId, staff);
  useDocumentTitle(meeting.data ? `${t.console.title}: ${meeting.data.title}` : t.console.title);
  const agenda = useMemo(() => [...(meeting.data?.agenda ?? [])].sort((a, b) => a.position - b.position), [meeting.data?.agenda]);

  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  if (!staff) return <ErrorMessage error={new ApiError({ statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' })} />;
  const currentIndex = agenda.findIndex((item) => item.id === m.currentAgendaItemId);

  return (
    <div className="console" data-testid="console-page">
      <Link to={`/meetings/${m.id}`} className="breadcrumb">
        ← {m.title}
      </Link>
      <div className="live-head">
        <div>
          <p className="live-kicker">{t.console.kicker}</p>
          <h1>{t.console.title}</h1>
          <div className="live-head-badges">
            <MeetingStatusBadge status={m.status} />
            <LiveStatus state={live} />
          </div>
        </div>
        <div className="button-row">
          <SessionControls meeting={m} />
          <Link to={`/meetings/${m.id}/desk`} className="button button-secondary" data-testid="console-desk-link">
            {t.live.deskLink}
          </Link>
        </div>
      </div>
      {live.removed && (
        <p className="alert alert-warning" role="alert">
          {t.live.removed}
        </p>
      )}

      <div className="console-grid">
        <div className="console-main">
          <AgendaControl meeting={m} agenda={agenda} />
          <BreakoutPanel meeting={m} agenda={agenda} />
          <CurrentItemComments meetingId={m.id} item={currentIndex >= 0 ? agenda[currentIndex] : null} number={currentIndex + 1} />
        </div>
        <div className="console-side">
          <OnlinePanel meetingId={m.id} />
          <ReceiptsSummary documents={documents.data ?? []} currentItemId={m.currentAgendaItemId} />
          <DisplayLinksPanel meetingId={m.id} />
        </div>
      </div>
    </div>
  );
}
