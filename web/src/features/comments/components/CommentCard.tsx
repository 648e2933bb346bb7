import { useState, type FormEvent, type ReactNode } from 'react';
import type { Comment, CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { PendingChip } from '../../offline/components/PendingChip';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useTriageComment } from '../hooks/useTriageComment';
import { CommentStatusBadge } from './CommentStatusBadge';
import { CommentThread } from './CommentThread';
import './comments.css';

/** The statuses the secretariat sets; "sent" is only where every comment starts. */
const TRIAGE_STATUSES: readonly CommentStatus[] = ['received', 'accepted', 'answered', 'declined'];
const LONG_QUOTE = 280;

/** Test ids per place, as the browser tests know them. */
const TEST_IDS = {
  feed: { root: 'desk-comment', author: 'desk-comment-author', body: 'desk-comment-body' },
  panel: { root: 'comment-card', author: 'comment-author', body: 'comment-body' },
} as const;

interface CommentCardProps {
  comment: Comment;
  /** `feed`: a list item on the desk or the console, with the document and agenda item; `panel`: beside the document in the reading room. */
  variant: 'feed' | 'panel';
  /** Staff see who wrote it; a delegate sees only their own. */
  showAuthor?: boolean;
  showQuote?: boolean;
  /** "Nội dung 2" for the comment's agenda item, when it has one (feed). */
  agendaLabel?: string | null;
  unit?: string;
  isNew?: boolean;
  /** Still in this device's outbox: not with the secretariat yet. */
  pending?: boolean;
  /** Triage controls for the chair and the secretariat. */
  canTriage?: boolean;
  actions?: ReactNode;
}

function TriageForm({ comment, onSaved, onCancel }: { comment: Comment; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const triage = useTriageComment();
  const [status, setStatus] = useState<CommentStatus>(comment.status === 'sent' ? 'received' : comment.status);
  const [reply, setReply] = useState(comment.reply);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    triage.mutate({ commentId: comment.id, body: { status, reply: reply.trim() } }, { onSuccess: onSaved });
  };
  return (
    <form className="triage-form" onSubmit={submit} data-testid="triage-form">
      <fieldset className="triage-statuses">
        <legend>{t.desk.setStatus}</legend>
        {TRIAGE_STATUSES.map((s) => (
          <label key={s} className={`triage-status triage-status-${s}${status === s ? ' is-checked' : ''}`}>
            <input type="radio" name={`status-${comment.id}`} value={s} checked={status === s} onChange={() => setStatus(s)} data-testid={`triage-status-${s}`} />
            {t.commentStatus[s]}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={t.desk.reply} hint={t.desk.replyHint} value={reply} onChange={(e) => setReply(e.target.value)} rows={3} maxLength={10_000} testId="triage-reply" />
      {triage.isError && <ErrorMessage error={triage.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={triage.isPending} data-testid="triage-save">
          {triage.isPending ? t.common.saving : t.desk.saveTriage}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={triage.isPending}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

function TriageActions({ comment }: { comment: Comment }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <div className="comment-card-actions">
      {saved && !open && (
        <span className="saved-note" role="status">
          ✓ {t.desk.triageSaved}
        </span>
      )}
      {!open ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
          aria-label={t.desk.triageOf(comment.authorName)}
          data-testid="triage-open"
        >
          {t.desk.triage}
        </button>
      ) : (
        <TriageForm
          comment={comment}
          onSaved={() => {
            setOpen(false);
            setSaved(true);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}

/** One delegate's comment: who, where in which document, the quoted text, when, its status and reply; triage on demand. */
export function CommentCard({ comment, variant, showAuthor = true, showQuote = true, agendaLabel = null, unit, isNew = false, pending = false, canTriage = false, actions }: CommentCardProps) {
  const { t } = useI18n();
  const when = useDateTime();
  const me = useCurrentUser().data;
  const [quoteExpanded, setQuoteExpanded] = useState(false);
  const ids = TEST_IDS[variant];
  const Root = variant === 'feed' ? 'li' : 'article';
  const quote = comment.anchor.quote.exact;
  const longQuote = quote.length > LONG_QUOTE;
  const page = comment.anchor.rects[0]?.page;
  const where = [
    comment.paragraphLabel ?? (comment.paragraphIndex !== null ? t.desk.paragraph(comment.paragraphIndex + 1) : null),
    page ? t.desk.page(page) : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Root
      className={`card comment-card comment-card-${variant}${isNew ? ' is-new' : ''}`}
      data-testid={ids.root}
      data-comment-id={comment.id}
      data-status={comment.status}
      data-resolved={comment.resolvedAt ? 'true' : 'false'}
      data-new={isNew ? 'true' : undefined}
      data-pending={pending ? 'true' : undefined}
    >
      <div className="comment-card-top">
        {pending ? <PendingChip /> : <CommentStatusBadge status={comment.status} />}
        {isNew && <span className="new-badge">{t.desk.newBadge}</span>}
        {comment.resolvedAt && (
          <span className="badge comment-resolved-badge" data-testid="comment-resolved-badge">
            {t.commentThread.resolved}
          </span>
        )}
        <time className="comment-card-time" dateTime={comment.writtenAt ?? comment.createdAt}>
          {when(comment.writtenAt ?? comment.createdAt)}
        </time>
      </div>
      {showAuthor && (
        <p className="comment-card-author">
          <strong data-testid={ids.author}>{comment.authorName}</strong>
          {unit && <span className="muted"> · {unit}</span>}
        </p>
      )}
      {variant === 'feed' ? (
        <p className="comment-card-doc">
          <span className="comment-card-doc-title" data-testid="desk-comment-document">
            {comment.documentTitle}
          </span>
          {where && <span className="muted" data-testid="desk-comment-where"> · {where}</span>}
          <span className="muted"> · {agendaLabel ?? t.desk.noAgendaItem}</span>
        </p>
      ) : (
        showQuote && where && <p className="comment-card-doc muted">{where}</p>
      )}
      {showQuote && (
        <>
          <blockquote className={`comment-quote${longQuote && !quoteExpanded ? ' is-clamped' : ''}`} aria-label={t.desk.quote}>
            {quote}
          </blockquote>
          {longQuote && (
            <button type="button" className="link-button" onClick={() => setQuoteExpanded((v) => !v)} aria-expanded={quoteExpanded}>
              {quoteExpanded ? '▲' : '▼'} {t.common.moreDetails}
            </button>
          )}
        </>
      )}
      {comment.anchor.detached && <p className="comment-detached">⚠ {t.desk.detached}</p>}
      <p className="comment-body" data-testid={ids.body}>
        {comment.body}
      </p>
      {comment.reply && (
        <div className="comment-reply" data-testid="comment-reply">
          <strong>{t.desk.replyLabel}:</strong> {comment.reply}
        </div>
      )}
      {!pending && <CommentThread comment={comment} side={canTriage ? 'staff' : me?.id === comment.authorId ? 'author' : 'reader'} />}
      {canTriage && <TriageActions comment={comment} />}
      {actions && <div className="button-row">{actions}</div>}
    </Root>
  );
}
