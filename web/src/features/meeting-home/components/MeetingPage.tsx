import { Link, Navigate, useParams } from 'react-router-dom';
import { can, isStaff, type AgendaItem, type DocumentSummary, type MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { isApiError } from '../../../lib/api-client';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { AgendaBreakouts } from '../../breakouts/components/AgendaBreakouts';
import { BreakoutBanner } from '../../breakouts/components/BreakoutBanner';
import { DocumentLink } from '../../documents/components/DocumentLink';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { groupDocumentsByAgenda } from '../../documents/lib/groupDocumentsByAgenda';
import { LiveStatus } from '../../live/components/LiveStatus';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { SaveOfflinePanel } from '../../offline/components/SaveOfflinePanel';
import { CheckInCard } from '../../attendance/components/CheckInCard';
import { MeetingVotes } from '../../votes/components/MeetingVotes';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { canPrepareMeeting } from '../../meetings/lib/canPrepareMeeting';
import { MeetingFacts } from '../../meetings/components/MeetingFacts';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import '../../meetings/components/meetings.css';
import { MyQuestionsPanel } from '../../questions/components/MyQuestionsPanel';
import { FloorRequestPanel } from '../../speakers/components/FloorRequestPanel';
import { MeetingRecordsPanel } from '../../records/components/MeetingRecordsPanel';

function DocumentList({ documents }: { documents: readonly DocumentSummary[] }) {
  return (
    <ul className="doc-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          <DocumentLink document={doc} />
        </li>
      ))}
    </ul>
  );
}

function NotReleasedNotice({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const when = useDateTime();
  return (
    <div className="alert alert-warning not-released" role="status" data-testid="documents-not-released">
      <span className="not-released-icon">
        <Icon name="clock" size={36} />
      </span>
      <div>
        <h2>{t.meeting.notReleasedTitle}</h2>
        <p>{t.meeting.notReleased(when(meeting.releaseAt))}</p>
      </div>
    </div>
  );
}

interface AgendaEntryProps {
  item: AgendaItem;
  number: number;
  documents: DocumentSummary[];
  showDocuments: boolean;
  /** The chair has this item under discussion now (follows the chair live). */
  current: boolean;
}

function AgendaEntry({ item, number, documents, showDocuments, current }: AgendaEntryProps) {
  const { t } = useI18n();
  return (
    <li
      id={`agenda-item-${item.id}`}
      className={`card agenda-item${current ? ' is-current' : ''}`}
      aria-current={current ? 'step' : undefined}
      data-testid="agenda-item"
      data-agenda-item-id={item.id}
      data-current={current ? 'true' : undefined}
    >
      <div className="agenda-item-top">
        <span className="agenda-item-number">{t.meeting.itemNumber(number)}</span>
        {current && (
          <span className="current-item-badge" data-testid="current-item-badge">
            <span className="live-dot" aria-hidden="true" />
            {t.live.currentItem}
          </span>
        )}
      </div>
      <h3>{item.title}</h3>
      {(item.presenter || item.plannedMinutes > 0) && (
        <p className="agenda-item-meta">
          {[item.presenter ? t.meeting.presenter(item.presenter) : '', item.plannedMinutes > 0 ? t.meeting.plannedMinutes(item.plannedMinutes) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {item.description && <p className="agenda-item-description">{item.description}</p>}
      {showDocuments && documents.length > 0 && <DocumentList documents={documents} />}
      <AgendaBreakouts meetingId={item.meetingId} agendaItemId={item.id} />
    </li>
  );
}

export function MeetingPage() {
  const { meetingId } = useParams();
  const { t } = useI18n();
  const when = useDateTime();
  const user = useRequiredUser();
  const meeting = useMeeting(meetingId);
  // an administrator who is not a participant reads the meeting but gets no live room
  const live = useMeetingLive(meeting.data?.myRole ? meetingId : undefined);
  const documents = useMeetingDocuments(meetingId, meeting.isSuccess);
  useDocumentTitle(meeting.data?.title);

  if (meeting.isPending) return <LoadingState />;
  // a participant without the meeting's page is an official (người trả lời chất vấn): their own page instead
  if (isApiError(meeting.error, 'FORBIDDEN')) return <Navigate to={`/meetings/${meetingId}/official`} replace />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;

  const m = meeting.data;
  const staff = canPrepareMeeting(user, m);
  const notReleased = isApiError(documents.error, 'NOT_RELEASED') || (!m.released && !staff);
  const grouped = groupDocumentsByAgenda(m.agenda, documents.data ?? []);
  const showDocuments = documents.isSuccess;
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const currentIndex = agenda.findIndex((item) => item.id === m.currentAgendaItemId);

  return (
    <article data-testid="meeting-page">
      <Link to="/" className="breadcrumb">
        ← {t.meeting.backToList}
      </Link>
      <BreakoutBanner meeting={m} />
      {currentIndex >= 0 && (
        <a href={`#agenda-item-${agenda[currentIndex].id}`} className="current-item-banner" data-testid="current-item-banner">
          <span className="current-item-badge">
            <span className="live-dot" aria-hidden="true" />
            {t.live.currentItem}
          </span>
          <span className="current-item-banner-title">{t.live.currentItemBanner(currentIndex + 1, agenda[currentIndex].title)}</span>
        </a>
      )}
      <header className="meeting-head">
        <div className="meeting-head-badges">
          <MeetingStatusBadge status={m.status} />
          {m.myRole && <LiveStatus state={live} />}
        </div>
        <h1>{m.title}</h1>
        <MeetingFacts meeting={m} showDeadline />
        {staff && (
          <div className="button-row">
            {isStaff(m.myRole) && (
              <>
                <Link to={`/meetings/${m.id}/desk`} className="button button-primary" data-testid="meeting-desk-link">
                  {t.live.deskLink}
                </Link>
                <Link to={`/meetings/${m.id}/console`} className="button button-primary" data-testid="meeting-console-link">
                  {t.live.consoleLink}
                </Link>
                <Link to={`/meetings/${m.id}/questions`} className="button button-secondary" data-testid="meeting-questions-link">
                  {t.questions.deskLink}
                </Link>
              </>
            )}
            <Link to={`/meetings/${m.id}/setup`} className="button button-secondary" data-testid="meeting-setup-link">
              ⚙ {t.meeting.setupLink}
            </Link>
          </div>
        )}
      </header>

      {live.removed && (
        <p className="alert alert-warning" role="alert">
          {t.live.removed}
        </p>
      )}

      {m.myRole && <CheckInCard meetingId={m.id} />}
      {m.myRole && <MeetingVotes meetingId={m.id} />}
      {m.myRole && <FloorRequestPanel meeting={m} userId={user.id} />}
      {can(m.myRole, 'comments.create') && (
        <Link to={`/meetings/${m.id}/my-comments`} className="button button-secondary my-comments-link" data-testid="my-comments-link">
          {t.myComments.link}
        </Link>
      )}
      {can(m.myRole, 'questions.ask') && <MyQuestionsPanel meeting={m} />}
      {can(m.myRole, 'records.readFinal') && <MeetingRecordsPanel meetingId={m.id} />}

      {notReleased && <NotReleasedNotice meeting={m} />}
      {staff && !m.released && (
        <p className="alert alert-info">{t.meeting.stagingNote(when(m.releaseAt))}</p>
      )}
      {documents.isError && !isApiError(documents.error, 'NOT_RELEASED') && (
        <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />
      )}
      {m.myRole && documents.isSuccess && documents.data.length > 0 && <SaveOfflinePanel meeting={m} />}

      <section className="section" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t.meeting.agenda}</h2>
        {documents.isPending && !notReleased && <LoadingState />}
        {m.agenda.length === 0 ? (
          <p className="empty-state">{t.meeting.noAgenda}</p>
        ) : (
          <ol className="agenda-list" data-testid="agenda-list">
            {agenda.map((item, i) => (
              <AgendaEntry
                key={item.id}
                item={item}
                number={i + 1}
                documents={grouped.byItem.get(item.id) ?? []}
                showDocuments={showDocuments}
                current={i === currentIndex}
              />
            ))}
          </ol>
        )}
      </section>

      {showDocuments && grouped.other.length > 0 && (
        <section className="section" aria-labelledby="other-docs-heading" data-testid="other-documents">
          <h2 id="other-docs-heading">{t.meeting.otherDocuments}</h2>
          <DocumentList documents={grouped.other} />
        </section>
      )}
      {showDocuments && (documents.data?.length ?? 0) === 0 && <p className="empty-state">{t.meeting.noDocuments}</p>}
    </article>
  );
}
