import { useEffect, useMemo } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { isStaff } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { DocumentLink } from '../../documents/components/DocumentLink';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { LiveStatus } from '../../live/components/LiveStatus';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useBreakouts } from '../hooks/useBreakouts';
import { useGroupMessages } from '../hooks/useGroupMessages';
import { useSendGroupMessage } from '../hooks/useSendGroupMessage';
import { findGroup, markEntered } from '../lib/breakoutSelectors';
import { GroupComposer } from './GroupComposer';
import { GroupMessageList } from './GroupMessageList';
import { GroupReportEditor, GroupReportView } from './GroupReportEditor';
import { BreakoutCountdown } from './BreakoutCountdown';
import './breakouts.css';

/**
 * A delegate's group room (route /meetings/:meetingId/groups/:groupId): the group's documents,
 * members and live discussion, and for the leader the report. When the breakout ends, everyone
 * goes back to the plenary meeting page.
 */
export function GroupRoomPage() {
  const { meetingId = '', groupId = '' } = useParams();
  const { t } = useI18n();
  const user = useRequiredUser();
  const meeting = useMeeting(meetingId);
  const live = useMeetingLive(meeting.data?.myRole ? meetingId : undefined);
  const breakouts = useBreakouts(meetingId);
  const found = findGroup(breakouts.data, groupId);
  const member = Boolean(found?.group.memberIds.includes(user.id));
  const staff = isStaff(meeting.data?.myRole ?? null);
  const canRead = member || staff;
  const messages = useGroupMessages(meetingId, groupId, canRead);
  const documents = useMeetingDocuments(meetingId, meeting.isSuccess);
  const participants = useParticipants(meetingId);
  const sender = useSendGroupMessage(meetingId, groupId);
  useDocumentTitle(found ? `${found.group.name} · ${t.breakouts.roomKicker}` : t.breakouts.roomKicker);

  useEffect(() => {
    if (member) markEntered(groupId);
  }, [member, groupId]);

  const names = useMemo(() => new Map((participants.data ?? []).map((p) => [p.userId, p.fullName])), [participants.data]);
  const documentTitles = useMemo(() => new Map((documents.data ?? []).map((d) => [d.id, d.title])), [documents.data]);

  if (meeting.isPending || breakouts.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (breakouts.isError) return <ErrorMessage error={breakouts.error} onRetry={() => void breakouts.refetch()} />;

  const plenary = `/meetings/${meetingId}`;
  if (!found || !canRead) {
    return (
      <div className="group-room-message">
        <p className="alert alert-warning" role="alert" data-testid="group-room-missing">
          {t.breakouts.notMember}
        </p>
        <Link to={plenary} className="button button-secondary">
          ← {t.breakouts.backToPlenary}
        </Link>
      </div>
    );
  }
  const { breakout, group } = found;
  // the breakout is over: back to the plenary, where the reports stay under the agenda item
  if (breakout.status === 'ended') return <Navigate to={plenary} replace state={{ breakoutEnded: breakout.agendaItemId }} />;

  const agenda = [...(meeting.data.agenda ?? [])].sort((a, b) => a.position - b.position);
  const itemIndex = agenda.findIndex((i) => i.id === breakout.agendaItemId);
  const focusDocs = (documents.data ?? []).filter((d) => group.documentIds.includes(d.id));
  const running = breakout.status === 'running';
  const isLeader = group.leaderId === user.id;
  const leaderName = group.leaderId ? (names.get(group.leaderId) ?? t.breakouts.unknownPerson) : null;
  const members = [...group.memberIds].sort((a, b) => (a === group.leaderId ? -1 : b === group.leaderId ? 1 : (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'vi')));

  return (
    <div className="group-room" data-testid="group-room" data-group-id={group.id} data-status={breakout.status}>
      <Link to={plenary} className="breadcrumb" data-testid="group-room-back">
        ← {t.breakouts.backToPlenary}
      </Link>
      <header className="group-room-head">
        <p className="live-kicker">{t.breakouts.roomKicker}</p>
        <h1 data-testid="group-room-name">{group.name}</h1>
        {itemIndex >= 0 && <p className="group-room-item">{t.breakouts.itemOption(itemIndex + 1, agenda[itemIndex].title)}</p>}
        <div className="live-head-badges">
          <span className={`badge ${running ? 'badge-in_session' : 'badge-published'}`}>{t.breakouts.status[breakout.status]}</span>
          <LiveStatus state={live} />
        </div>
        <BreakoutCountdown breakout={breakout} />
        {leaderName && (
          <p className="group-room-leader" data-testid="group-room-leader">
            <strong>{t.breakouts.leader}:</strong> {isLeader ? `${leaderName} (${t.breakouts.you})` : leaderName}
          </p>
        )}
      </header>
      {!running && <p className="alert alert-info">{t.breakouts.notStarted}</p>}

      <div className="group-room-grid">
        <div className="group-room-main">
          {focusDocs.length > 0 && (
            <section className="card group-room-docs" aria-labelledby="group-docs-h">
              <h2 id="group-docs-h">{t.breakouts.documents}</h2>
              <ul className="doc-list">
                {focusDocs.map((d) => (
                  <li key={d.id}>
                    <DocumentLink document={d} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card group-discussion" aria-labelledby="group-discussion-h">
            <h2 id="group-discussion-h">
              {t.breakouts.discussion}
              <span className="muted"> · {t.breakouts.messageCount(messages.data?.length ?? group.messageCount)}</span>
            </h2>
            {messages.isPending && <LoadingState />}
            {messages.isError && <ErrorMessage error={messages.error} onRetry={() => void messages.refetch()} />}
            {messages.data && (
              <GroupMessageList
                messages={messages.data}
                pending={sender.pending}
                myId={user.id}
                documentTitles={documentTitles}
                onRetry={sender.retry}
                onDiscard={sender.discard}
              />
            )}
            {member && <GroupComposer documents={focusDocs} disabled={!running} onSend={sender.send} />}
          </section>
          {isLeader && running ? (
            <GroupReportEditor group={group} />
          ) : (
            <section className="card group-report" aria-labelledby="group-report-h">
              <h2 id="group-report-h">{t.breakouts.report}</h2>
              {leaderName && <p className="field-hint">{t.breakouts.leaderWrites(leaderName)}</p>}
              <GroupReportView group={group} />
            </section>
          )}
        </div>
        <aside className="group-room-side">
          <section className="card" aria-labelledby="group-members-h" data-testid="group-members">
            <h2 id="group-members-h">
              {t.breakouts.members} <span className="muted">({group.memberIds.length})</span>
            </h2>
            <ul className="group-member-list">
              {members.map((id) => (
                <li key={id} data-testid="group-member" data-user-id={id}>
                  {names.get(id) ?? t.breakouts.unknownPerson}
                  {id === group.leaderId && <span className="group-leader-badge"> · {t.breakouts.leader}</span>}
                  {id === user.id && <span className="muted"> ({t.breakouts.you})</span>}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
