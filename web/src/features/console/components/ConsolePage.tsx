import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isStaff } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { forbiddenError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { BreakoutPanel } from '../../breakouts/components/BreakoutPanel';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { StaffPageHead } from '../../live/components/StaffPageHead';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { AgendaControl } from './AgendaControl';
import { CurrentItemComments } from './CurrentItemComments';
import { DisplayLinksPanel } from './DisplayLinksPanel';
import { OnlinePanel } from './OnlinePanel';
import { ReceiptsSummary } from './ReceiptsSummary';
import { SessionControls } from './SessionControls';
import { AttendancePanel } from '../../attendance/components/AttendancePanel';
import { VotePanel } from '../../votes/components/VotePanel';
import { SpeakersConsole } from '../../speakers/components/SpeakersConsole';
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
  if (!staff) return <ErrorMessage error={forbiddenError()} />;
  const currentIndex = agenda.findIndex((item) => item.id === m.currentAgendaItemId);

  return (
    <div className="console" data-testid="console-page">
      <StaffPageHead meeting={m} kicker={t.console.kicker} title={t.console.title} live={live}>
        <SessionControls meeting={m} />
        <Link to={`/meetings/${m.id}/desk`} className="button button-secondary" data-testid="console-desk-link">
          {t.live.deskLink}
        </Link>
      </StaffPageHead>

      <div className="console-grid">
        <div className="console-main">
          <AgendaControl meeting={m} agenda={agenda} />
          <VotePanel meetingId={m.id} currentItem={currentIndex >= 0 ? agenda[currentIndex] : null} documents={documents.data ?? []} />
          <SpeakersConsole meeting={m} item={currentIndex >= 0 ? agenda[currentIndex] : null} number={currentIndex + 1} />
          <BreakoutPanel meeting={m} agenda={agenda} />
          <CurrentItemComments meetingId={m.id} item={currentIndex >= 0 ? agenda[currentIndex] : null} number={currentIndex + 1} />
        </div>
        <div className="console-side">
          <AttendancePanel meetingId={m.id} />
          <OnlinePanel meetingId={m.id} />
          <ReceiptsSummary documents={documents.data ?? []} currentItemId={m.currentAgendaItemId} />
          <DisplayLinksPanel meetingId={m.id} />
        </div>
      </div>
    </div>
  );
}
