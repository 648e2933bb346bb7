import { Link, NavLink, Route, Routes, useParams } from 'react-router-dom';
import { isStaff } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { forbiddenError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { canPrepareMeeting } from '../../meetings/lib/canPrepareMeeting';
import { AgendaEditor } from './AgendaEditor';
import { AuditPanel } from './AuditPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { MeetingInfoPanel } from './MeetingInfoPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import './setup.css';

/** Secretariat workspace for one meeting: details and status, agenda, participants, documents, access log. */
export function MeetingSetupPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const user = useRequiredUser();
  const meeting = useMeeting(meetingId);
  useDocumentTitle(meeting.data ? `${t.setup.title}: ${meeting.data.title}` : t.setup.title);

  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  if (!canPrepareMeeting(user, m)) {
    return <ErrorMessage error={forbiddenError()} />;
  }
  const base = `/meetings/${m.id}/setup`;

  return (
    <div data-testid="meeting-setup">
      <Link to={`/meetings/${m.id}`} className="breadcrumb">
        ← {t.setup.viewAsDelegate}
      </Link>
      <div className="setup-head">
        <p className="setup-kicker">{t.setup.title}</p>
        <h1>{m.title}</h1>
        <MeetingStatusBadge status={m.status} />
        {isStaff(m.myRole) && (
          <div className="button-row setup-live-links">
            <Link to={`/meetings/${m.id}/desk`} className="button button-secondary" data-testid="setup-desk-link">
              {t.live.deskLink}
            </Link>
            <Link to={`/meetings/${m.id}/console`} className="button button-secondary" data-testid="setup-console-link">
              {t.live.consoleLink}
            </Link>
          </div>
        )}
      </div>
      <nav className="tabs" aria-label={t.setup.tabs}>
        <NavLink to={base} end data-testid="setup-tab-info">
          {t.setup.tabInfo}
        </NavLink>
        <NavLink to={`${base}/agenda`} data-testid="setup-tab-agenda">
          {t.setup.tabAgenda}
        </NavLink>
        <NavLink to={`${base}/participants`} data-testid="setup-tab-participants">
          {t.setup.tabParticipants}
        </NavLink>
        <NavLink to={`${base}/documents`} data-testid="setup-tab-documents">
          {t.setup.tabDocuments}
        </NavLink>
        <NavLink to={`${base}/audit`} data-testid="setup-tab-audit">
          {t.setup.tabAudit}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<MeetingInfoPanel meeting={m} />} />
        <Route path="agenda" element={<AgendaEditor meeting={m} />} />
        <Route path="participants" element={<ParticipantsPanel meetingId={m.id} />} />
        <Route path="documents" element={<DocumentsPanel meeting={m} />} />
        <Route path="audit" element={<AuditPanel meetingId={m.id} />} />
      </Routes>
    </div>
  );
}
