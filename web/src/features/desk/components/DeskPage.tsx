import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isStaff, type Comment, type MeetingDetail, type ParagraphCommentCount } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { forbiddenError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { LiveStatus } from '../../live/components/LiveStatus';
import { StaffPageHead } from '../../live/components/StaffPageHead';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import type { MeetingLiveState } from '../../live/lib/liveClient';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useDeskFilters } from '../../comments/hooks/useDeskFilters';
import { useMeetingComments } from '../../comments/hooks/useMeetingComments';
import { useNewIds } from '../hooks/useNewIds';
import { useUnseenCount } from '../hooks/useUnseenCount';
import { CommentCard } from '../../comments/components/CommentCard';
import { CommentFilterBar } from './CommentFilterBar';
import { DocumentInsights } from './DocumentInsights';
import './desk.css';

type Pane = 'feed' | 'documents';

function DeskWorkspace({ meeting, live, onUnseen }: { meeting: MeetingDetail; live: MeetingLiveState; onUnseen: (count: number) => void }) {
  const { t } = useI18n();
  const { filters, setFilters, clearFilters } = useDeskFilters();
  const comments = useMeetingComments(meeting.id, filters);
  const documents = useMeetingDocuments(meeting.id);
  const participants = useParticipants(meeting.id);
  // on a phone the feed and the per-document view take turns; side by side from 960 px
  const [pane, setPane] = useState<Pane>('feed');
  const [insightsDocId, setInsightsDocId] = useState<string | undefined>(undefined);

  const agenda = useMemo(() => [...meeting.agenda].sort((a, b) => a.position - b.position), [meeting.agenda]);
  const agendaLabel = useMemo(() => new Map(agenda.map((item, i) => [item.id, t.meeting.itemNumber(i + 1)])), [agenda, t]);
  const units = useMemo(() => new Map((participants.data ?? []).map((p) => [p.userId, p.unit])), [participants.data]);
  const authors = useMemo(
    () => (participants.data ?? []).filter((p) => p.role === 'delegate' || p.role === 'observer').sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [participants.data],
  );

  const list = comments.data;
  const ids = useMemo(() => (comments.isPlaceholderData ? undefined : list?.map((c) => c.id)), [list, comments.isPlaceholderData]);
  const fresh = useNewIds(ids, JSON.stringify(filters));
  // the tab's title counts the comments that came while the secretary looked elsewhere
  const unseen = useUnseenCount(ids, JSON.stringify(filters));
  useEffect(() => onUnseen(unseen), [unseen, onUnseen]);

  const quotes = useMemo(() => {
    const byParagraph = new Map<string, string>();
    for (const c of list ?? []) if (!byParagraph.has(c.anchor.paragraphId)) byParagraph.set(c.anchor.paragraphId, c.anchor.quote.exact);
    return byParagraph;
  }, [list]);
  const queryClient = useQueryClient();
  const paragraphLabel = useMemo(() => {
    if (!filters.paragraphId) return null;
    const counts = filters.documentId ? queryClient.getQueryData<ParagraphCommentCount[]>(queryKeys.commentCounts(meeting.id, filters.documentId)) : undefined;
    const counted = counts?.find((c) => c.paragraphId === filters.paragraphId);
    if (counted) return counted.label ? t.reading.labelAt(counted.label, counted.page) : t.desk.paragraphFilter(counted.paragraphIndex + 1, counted.page);
    const sample: Comment | undefined = list?.find((c) => c.anchor.paragraphId === filters.paragraphId);
    if (sample?.paragraphLabel) return t.reading.labelAt(sample.paragraphLabel, sample.anchor.rects[0]?.page ?? 1);
    if (sample && sample.paragraphIndex !== null) return t.desk.paragraphFilter(sample.paragraphIndex + 1, sample.anchor.rects[0]?.page ?? 1);
    return '…';
  }, [filters.paragraphId, filters.documentId, list, meeting.id, queryClient, t]);

  // the document with the most comments in the feed, until the secretary picks one
  const busiestDocId = useMemo(() => {
    const perDocument = new Map<string, number>();
    for (const c of list ?? []) perDocument.set(c.documentId, (perDocument.get(c.documentId) ?? 0) + 1);
    return [...perDocument.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }, [list]);
  const shownDocId = filters.documentId ?? insightsDocId ?? busiestDocId;

  return (
    <>
      <div className="pane-switch" role="tablist" aria-label={t.desk.title}>
        <button type="button" role="tab" aria-selected={pane === 'feed'} className={pane === 'feed' ? 'is-active' : ''} onClick={() => setPane('feed')} data-testid="pane-feed">
          {t.desk.feed}
          {list && <span className="pane-count">{list.length}</span>}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={pane === 'documents'}
          className={pane === 'documents' ? 'is-active' : ''}
          onClick={() => setPane('documents')}
          data-testid="pane-documents"
        >
          {t.desk.byDocument}
        </button>
      </div>

      <div className="desk-grid">
        <section className={`desk-feed${pane === 'feed' ? '' : ' is-hidden-narrow'}`} aria-labelledby="desk-feed-heading">
          <CommentFilterBar
            filters={filters}
            setFilters={setFilters}
            clearFilters={clearFilters}
            agenda={agenda}
            documents={documents.data ?? []}
            authors={authors}
            paragraphLabel={paragraphLabel}
          />
          <div className="desk-feed-head">
            <h2 id="desk-feed-heading">{t.desk.feed}</h2>
            {list && (
              <span className="muted" data-testid="desk-count">
                {t.desk.feedCount(list.length)}
              </span>
            )}
            {comments.isFetching && !comments.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {fresh.size > 0 ? t.desk.newArrived(fresh.size) : ''}
          </p>
          {comments.isPending && <LoadingState />}
          {comments.isError && <ErrorMessage error={comments.error} onRetry={() => void comments.refetch()} />}
          {list && list.length === 0 && (
            <p className="empty-state" data-testid="desk-empty">
              {Object.keys(filters).length > 0 ? t.desk.emptyFiltered : t.desk.empty}
            </p>
          )}
          {list && list.length > 0 && (
            <ol className={`comment-feed${comments.isPlaceholderData ? ' is-stale' : ''}`} data-testid="desk-feed" aria-busy={comments.isPlaceholderData}>
              {list.map((c) => (
                <CommentCard
                  variant="feed"
                  key={c.id}
                  comment={c}
                  agendaLabel={c.agendaItemId ? (agendaLabel.get(c.agendaItemId) ?? null) : null}
                  unit={units.get(c.authorId)}
                  isNew={fresh.has(c.id)}
                  canTriage
                />
              ))}
            </ol>
          )}
          {live.connection === 'reconnecting' && <LiveStatus state={live} />}
        </section>

        <aside className={`desk-side${pane === 'documents' ? '' : ' is-hidden-narrow'}`}>
          {documents.isPending && <LoadingState />}
          {documents.isError && <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />}
          {documents.data && (
            <DocumentInsights
              meetingId={meeting.id}
              documents={documents.data}
              documentId={shownDocId}
              onChooseDocument={(id) => {
                setInsightsDocId(id);
                if (filters.documentId) setFilters({ documentId: id, paragraphId: null });
              }}
              selectedParagraphId={filters.paragraphId}
              onSelectParagraph={(documentId, p) => {
                setFilters({ documentId, paragraphId: p.paragraphId === filters.paragraphId ? null : p.paragraphId });
                setPane('feed');
              }}
              snippetOf={(id) => quotes.get(id)}
            />
          )}
        </aside>
      </div>
    </>
  );
}

/** Secretariat desk: the live comment feed with filters and triage, and per document the heat strip, reports and read receipts. */
export function DeskPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const live = useMeetingLive(meeting.data && isStaff(meeting.data.myRole) ? meetingId : undefined);
  const [unseen, setUnseen] = useState(0);
  const pageTitle = meeting.data ? `${t.desk.title}: ${meeting.data.title}` : t.desk.title;
  useDocumentTitle(unseen > 0 ? `${t.commentThread.newTitle(unseen)} ${pageTitle}` : pageTitle);

  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  if (!isStaff(m.myRole)) return <ErrorMessage error={forbiddenError()} />;

  return (
    <div className="desk" data-testid="desk-page">
      <StaffPageHead meeting={m} kicker={t.desk.kicker} title={t.desk.title} live={live}>
        <Link to={`/meetings/${m.id}/console`} className="button button-secondary" data-testid="desk-console-link">
          {t.live.consoleLink}
        </Link>
      </StaffPageHead>
      <DeskWorkspace meeting={m} live={live} onUnseen={setUnseen} />
    </div>
  );
}
