import { useState, type ReactNode } from 'react';
import type { Comment, CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useTriageComment } from '../hooks/useCommentMutations';
import { PendingChip } from '../../offline/components/PendingChip';
import { usePendingClientIds } from '../../offline/hooks/useOutbox';
import { CommentStatusBadge } from './CommentStatusBadge';
import { QuoteBlock } from './QuoteBlock';

interface CommentCardProps {
  comment: Comment;
  /** Staff see who wrote it; a delegate sees only their own. */
  showAuthor: boolean;
  showQuote: boolean;
  canTriage: boolean;
  actions?: ReactNode;
}

function TriageForm({ comment }: { comment: Comment }) {
  const { t } = useI18n();
  const triage = useTriageComment(comment.documentId);
  const [status, setStatus] = useState<CommentStatus>(comment.status);
  const [reply, setReply] = useState(comment.reply);
  const statuses = Object.keys(t.commentStatus) as CommentStatus[];
  const changed = status !== comment.status || reply.trim() !== comment.reply;
  return (
    <form
      className="triage-form"
      onSubmit={(e) => {
        e.preventDefault();
        triage.mutate({ id: comment.id, status, reply: reply.trim() });
      }}
    >
      <div className="field">
        <label htmlFor={`triage-status-${comment.id}`}>{t.readingRoom.triageStatus}</label>
        <select id={`triage-status-${comment.id}`} value={status} onChange={(e) => setStatus(e.target.value as CommentStatus)} data-testid="triage-status">
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t.commentStatus[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`triage-reply-${comment.id}`}>{t.readingRoom.triageReply}</label>
        <textarea id={`triage-reply-${comment.id}`} value={reply} maxLength={10_000} rows={2} onChange={(e) => setReply(e.target.value)} data-testid="triage-reply" />
      </div>
      {triage.isError && <ErrorMessage error={triage.error} />}
      <div className="button-row">
        <button type="submit" className="button button-secondary" disabled={!changed || triage.isPending} data-testid="triage-save">
          {triage.isPending ? t.common.saving : t.readingRoom.triageSave}
        </button>
        {triage.isSuccess && !changed && (
          <span role="status" className="muted">
            {t.readingRoom.triageSaved}
          </span>
        )}
      </div>
    </form>
  );
}

/** One comment with its status, the secretariat's reply and, for staff, the author and triage. */
export function CommentCard({ comment, showAuthor, showQuote, canTriage, actions }: CommentCardProps) {
  const { t } = useI18n();
  const when = useDateTime();
  // still in this device's outbox: not with the secretariat yet
  const pending = usePendingClientIds().has(comment.clientId);
  const rect = comment.anchor.rects[0];
  const where = [comment.paragraphLabel ?? (comment.paragraphIndex !== null ? t.readingRoom.paragraph(comment.paragraphIndex + 1) : ''), rect ? t.readingRoom.page(rect.page) : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="comment-card" data-testid="comment-card" data-comment-id={comment.id} data-status={comment.status} data-pending={pending ? 'true' : undefined}>
      <div className="comment-card-head">
        {showAuthor && (
          <strong className="comment-author" data-testid="comment-author">
            {comment.authorName}
          </strong>
        )}
        {pending ? <PendingChip /> : <CommentStatusBadge status={comment.status} />}
        <span className="muted comment-time">{when(comment.writtenAt ?? comment.createdAt)}</span>
      </div>
      {showQuote && <QuoteBlock text={comment.anchor.quote.exact} caption={where} max={160} />}
      <p className="comment-body" data-testid="comment-body">
        {comment.body}
      </p>
      {comment.reply && (
        <div className="comment-reply" data-testid="comment-reply">
          <strong>{t.readingRoom.reply}</strong>
          <p>{comment.reply}</p>
        </div>
      )}
      {canTriage && <TriageForm comment={comment} />}
      {actions && <div className="button-row">{actions}</div>}
    </article>
  );
}
