import { useRef, useState, type FormEvent } from 'react';
import { delegateMayAnswer, COMMENT_MESSAGE_MAX, type Comment } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { usePostCommentMessage, useResolveComment } from '../hooks/useCommentThread';

/** Who is reading: the secretariat or the chair, the comment's author, or someone who only reads (the console). */
export type ThreadSide = 'staff' | 'author' | 'reader';

/**
 * The conversation after the reply: staff and the delegate taking turns, oldest first, with a box
 * to write the next message and, for the staff, "đã giải quyết". The same wherever the comment shows.
 */
export function CommentThread({ comment, side }: { comment: Comment; side: ThreadSide }) {
  const { t } = useI18n();
  const when = useDateTime();
  // a copy cached by an older client may not have them yet
  const messages = comment.messages ?? [];
  const resolvedAt = comment.resolvedAt ?? null;
  const mayWrite = resolvedAt === null && (side === 'staff' || (side === 'author' && delegateMayAnswer({ ...comment, messages, resolvedAt })));
  if (messages.length === 0 && !resolvedAt && side === 'reader') return null;
  return (
    <section className="comment-thread" aria-label={t.commentThread.heading} data-testid="comment-thread" data-resolved={resolvedAt ? 'true' : 'false'}>
      {messages.length > 0 && (
        <ol className="comment-thread-messages">
          {messages.map((m) => (
            <li key={m.id} className={`comment-thread-message ${m.fromStaff ? 'is-staff' : 'is-author'}`} data-testid="thread-message" data-from={m.fromStaff ? 'staff' : 'author'}>
              <p className="comment-thread-who">
                <strong>{m.fromStaff ? (side === 'staff' ? m.authorName : t.commentThread.staffMessage(m.authorName)) : side === 'author' ? t.commentThread.you : m.authorName}</strong>{' '}
                <time className="muted" dateTime={m.createdAt}>
                  {when(m.createdAt)}
                </time>
              </p>
              <p className="comment-thread-body" data-testid="thread-message-body">
                {m.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {resolvedAt && (
        <p className="comment-resolved" data-testid="comment-resolved">
          ✓ {t.commentThread.resolvedAt(when(resolvedAt))}
        </p>
      )}
      {mayWrite && <ThreadComposer comment={comment} side={side} />}
      {side === 'staff' && <ResolveButton comment={comment} resolved={resolvedAt !== null} />}
    </section>
  );
}

function ThreadComposer({ comment, side }: { comment: Comment; side: ThreadSide }) {
  const { t } = useI18n();
  const post = usePostCommentMessage();
  const [text, setText] = useState('');
  // one id per message written: a retry after a lost answer sends the same one, so it lands once
  const clientId = useRef(crypto.randomUUID());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) return;
    post.mutate(
      { commentId: comment.id, clientId: clientId.current, body },
      {
        onSuccess: () => {
          setText('');
          clientId.current = crypto.randomUUID();
        },
      },
    );
  };
  return (
    <form className="comment-thread-form" onSubmit={submit} data-testid="thread-form">
      <TextAreaField
        label={side === 'staff' ? t.commentThread.writeStaff : t.commentThread.writeAuthor}
        hint={side === 'staff' ? t.commentThread.writeHint : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        maxLength={COMMENT_MESSAGE_MAX}
        testId="thread-input"
      />
      {post.isError && <ErrorMessage error={post.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={post.isPending || !text.trim()} data-testid="thread-send">
          {post.isPending ? t.commentThread.sending : t.commentThread.send}
        </button>
      </div>
    </form>
  );
}

function ResolveButton({ comment, resolved }: { comment: Comment; resolved: boolean }) {
  const { t } = useI18n();
  const resolve = useResolveComment();
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-secondary"
        disabled={resolve.isPending}
        onClick={() => resolve.mutate({ commentId: comment.id, resolved: !resolved })}
        data-testid={resolved ? 'comment-reopen' : 'comment-resolve'}
      >
        {resolved ? t.commentThread.reopen : `✓ ${t.commentThread.resolve}`}
      </button>
      {resolve.isError && <ErrorMessage error={resolve.error} />}
    </div>
  );
}
