import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { CommentStatusBadge } from '../../comments/components/CommentStatusBadge';
import { CommentThread } from '../../comments/components/CommentThread';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useMyComments } from '../hooks/useMyComments';
import './my-comments.css';

/** Góp ý của tôi: every comment of mine in the meeting, where it points, its status and the secretariat's reply. */
export function MyCommentsPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const when = useDateTime();
  const meeting = useMeeting(meetingId);
  const live = useMeetingLive(meeting.data?.myRole ? meetingId : undefined);
  const comments = useMyComments(meetingId);
  useDocumentTitle(t.myComments.title);

  return (
    <article data-testid="my-comments-page" data-live={live.live ? 'true' : 'false'}>
      <Link to={`/meetings/${meetingId}`} className="breadcrumb">
        {t.myComments.backToMeeting}
      </Link>
      <h1>{t.myComments.title}</h1>
      {meeting.data && <p className="muted">{meeting.data.title}</p>}
      {comments.isPending && <LoadingState />}
      {comments.isError && <ErrorMessage error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data && (
        <>
          <p className="muted" data-testid="my-comments-count">
            {t.myComments.count(comments.data.length)}
          </p>
          {comments.data.length === 0 && <p className="empty-state">{t.myComments.empty}</p>}
          <ul className="my-comments">
            {comments.data.map((c) => (
              <li key={c.id} className="card my-comment" data-testid="my-comment" data-comment-id={c.id} data-status={c.status}>
                <p className="my-comment-where">
                  <strong>{c.documentTitle}</strong>
                  {c.paragraphLabel && <span> · {c.paragraphLabel}</span>}
                </p>
                {c.anchor.quote.exact && <blockquote className="my-comment-quote">{c.anchor.quote.exact}</blockquote>}
                <p className="my-comment-body">{c.body}</p>
                <p className="my-comment-meta">
                  <CommentStatusBadge status={c.status} /> <span className="muted">{when(c.writtenAt)}</span>
                </p>
                <div className="my-comment-reply" data-testid="my-comment-reply">
                  <h2>{t.myComments.reply}</h2>
                  <p>{c.reply.trim() ? c.reply : <span className="muted">{t.myComments.noReply}</span>}</p>
                </div>
                <CommentThread comment={c} side="author" />
                <Link to={`/documents/${c.documentId}`} className="button button-secondary">
                  {t.myComments.openDocument}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
