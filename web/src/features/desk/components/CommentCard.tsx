import { useId, useState, type FormEvent } from 'react';
import type { Comment, CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useTriageComment } from '../hooks/useTriageComment';
import { CommentStatusBadge } from './CommentStatusBadge';

/** The statuses the secretariat sets; "sent" is only where every comment starts. */
const TRIAGE_STATUSES: readonly CommentStatus[] = ['received', 'accepted', 'answered', 'declined'];
const LONG_QUOTE = 280;

interface CommentCardProps {
  comment: Comment;
  /** "Nội dung 2" for the comment's agenda item, when it has one. */
  agendaLabel: string | null;
  unit?: string;
  isNew?: boolean;
  /** Triage controls (the desk); the console shows comments read-only. */
  canTriage?: boolean;
}

function TriageForm({ comment, onSaved, onCancel }: { comment: Comment; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const triage = useTriageComment();
  const [status, setStatus] = useState<CommentStatus>(comment.status === 'sent' ? 'received' : comment.status);
  const [reply, setReply] = useState(comment.reply);
  const replyId = useId();
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
      <div className="field">
        <label htmlFor={replyId}>{t.desk.reply}</label>
        <p className="field-hint" id={`${replyId}-hint`}>
          {t.desk.replyHint}
        </p>
        <textarea id={replyId} aria-describedby={`${replyId}-hint`} value={reply} onChange={(e) => setReply(e.target.value)} rows={3} maxLength={10_000} data-testid="triage-reply" />
      </div>
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

/** One delegate's comment: who, on which document and paragraph, the quoted text, when, its status; triage on demand. */
export function CommentCard({ comment, agendaLabel, unit, isNew = false, canTriage = false }: CommentCardProps) {
  const { t } = useI18n();
  const when = useDateTime();
  const [open, setOpen] = useState(false);
  const [quoteExpanded, setQuoteExpanded] = useState(false);
  const [saved, setSaved] = useState(false);
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
    <li className={`card comment-card${isNew ? ' is-new' : ''}`} data-testid="desk-comment" data-comment-id={comment.id} data-status={comment.status} data-new={isNew ? 'true' : undefined}>
      <div className="comment-card-top">
        <CommentStatusBadge status={comment.status} />
        {isNew && <span className="new-badge">{t.desk.newBadge}</span>}
        <time className="comment-card-time" dateTime={comment.createdAt}>
          {when(comment.createdAt)}
        </time>
      </div>
      <p className="comment-card-author">
        <strong data-testid="desk-comment-author">{comment.authorName}</strong>
        {unit && <span className="muted"> · {unit}</span>}
      </p>
      <p className="comment-card-doc">
        <span className="comment-card-doc-title" data-testid="desk-comment-document">
          {comment.documentTitle}
        </span>
        {where && <span className="muted" data-testid="desk-comment-where"> · {where}</span>}
        <span className="muted"> · {agendaLabel ?? t.desk.noAgendaItem}</span>
      </p>
      <blockquote className={`comment-quote${longQuote && !quoteExpanded ? ' is-clamped' : ''}`} aria-label={t.desk.quote}>
        {quote}
      </blockquote>
      {longQuote && (
        <button type="button" className="link-button" onClick={() => setQuoteExpanded((v) => !v)} aria-expanded={quoteExpanded}>
          {quoteExpanded ? '▲' : '▼'} {t.common.moreDetails}
        </button>
      )}
      {comment.anchor.detached && <p className="comment-detached">⚠ {t.desk.detached}</p>}
      <p className="comment-body" data-testid="desk-comment-body">
        {comment.body}
      </p>
      {comment.reply && (
        <div className="comment-reply">
          <strong>{t.desk.replyLabel}:</strong> {comment.reply}
        </div>
      )}
      {canTriage && (
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
      )}
    </li>
  );
}
