import { useMemo, useState } from 'react';
import { commentWindow, windowFromRefusal, type Comment, type HighlightColor, type MeetingSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { isApiError } from '../../../lib/api-client';
import { newClientId } from '../../../lib/clientId';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useCreateAnnotation } from '../hooks/useAnnotationMutations';
import { useCreateComment } from '../../comments/hooks/useCreateComment';
import { usePendingClientIds } from '../../offline/hooks/useOutbox';
import type { ComposeMode, ComposeTarget, ReadingAccess } from '../lib/readingTypes';
import { ColorChoice } from './ColorChoice';
import { PrivateHint } from './PrivateHint';
import { CommentCard } from '../../comments/components/CommentCard';
import { QuoteBlock } from './QuoteBlock';
import { Sheet } from './Sheet';
import { RetryingNotice } from './RetryingNotice';

interface ComposeSheetProps {
  documentId: string;
  target: ComposeTarget;
  mode: ComposeMode;
  onModeChange: (mode: ComposeMode) => void;
  access: ReadingAccess;
  meeting: MeetingSummary | null;
  /** Comments this reader sees on the target's paragraph. */
  paragraphComments: readonly Comment[];
  onClose: () => void;
  onDone: (message: string) => void;
}

function CommentForm({ documentId, target, meeting, onDone }: Pick<ComposeSheetProps, 'documentId' | 'target' | 'meeting' | 'onDone'>) {
  const { t } = useI18n();
  const when = useDateTime();
  // one id for this comment, whatever happens: automatic retries and a press of "Gửi" again both reuse it
  const clientId = useMemo(() => newClientId(), []);
  const [body, setBody] = useState('');
  const create = useCreateComment(documentId);
  const refusal = isApiError(create.error) ? create.error.code : null;
  const timeWindow = meeting ? windowFromRefusal(commentWindow(meeting, new Date()), refusal) : null;

  return (
    <>
      <ul className="compose-facts">
        <li data-testid="comment-destination">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="icon">
            <path d="M3 11l18-8-8 18-2-8z" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
          </svg>
          <strong>{t.readingRoom.destination}</strong>
        </li>
        {meeting && (
          <li data-testid="comment-deadline">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="icon">
              <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3.5 2" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            {t.readingRoom.deadline(when(meeting.commentDeadline))}
          </li>
        )}
      </ul>
      {timeWindow && timeWindow.state !== 'open' ? (
        <p className="alert alert-warning" role="status" data-testid="comment-window-closed" data-state={timeWindow.state}>
          {timeWindow.state === 'not-open' ? t.readingRoom.notOpen(when(timeWindow.opensAt)) : t.readingRoom.closed(when(timeWindow.closesAt))}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!body.trim() || create.isPending) return;
            create.mutate({ clientId, anchor: target.anchor, body: body.trim() }, { onSuccess: (outcome) => onDone(outcome.status === 'sent' ? t.readingRoom.sent : t.offline.savedLocally) });
          }}
        >
          <TextAreaField
            label={t.readingRoom.commentLabel}
            hint={t.readingRoom.commentHint}
            value={body}
            rows={5}
            maxLength={10_000}
            onChange={(e) => setBody(e.target.value)}
            testId="comment-body-input"
          />
          <RetryingNotice write={create} />
          {create.isError && refusal !== 'COMMENTS_CLOSED' && refusal !== 'COMMENTS_NOT_OPEN' && <ErrorMessage error={create.error} />}
          <button type="submit" className="button button-primary button-block" disabled={!body.trim() || create.isPending} data-testid="comment-submit">
            {create.isPending ? t.readingRoom.sending : t.readingRoom.send}
          </button>
        </form>
      )}
    </>
  );
}

function NoteForm({ documentId, target, onDone }: Pick<ComposeSheetProps, 'documentId' | 'target' | 'onDone'>) {
  const { t } = useI18n();
  const clientId = useMemo(() => newClientId(), []);
  const [note, setNote] = useState('');
  const [color, setColor] = useState<HighlightColor>('yellow');
  const create = useCreateAnnotation(documentId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim() || create.isPending) return;
        create.mutate({ clientId, anchor: target.anchor, color, note: note.trim() }, { onSuccess: (outcome) => onDone(outcome.status === 'sent' ? t.readingRoom.noteSaved : t.offline.savedLocally) });
      }}
    >
      <PrivateHint />
      <div className="field">
        <span className="field-label">{t.readingRoom.colorLabel}</span>
        <ColorChoice value={color} onChange={setColor} testIdPrefix="note-color" />
      </div>
      <TextAreaField label={t.readingRoom.noteLabel} value={note} rows={5} maxLength={10_000} onChange={(e) => setNote(e.target.value)} testId="note-input" />
      <RetryingNotice write={create} />
      {create.isError && <ErrorMessage error={create.error} />}
      <button type="submit" className="button button-primary button-block" disabled={!note.trim() || create.isPending} data-testid="note-submit">
        {create.isPending ? t.common.saving : t.readingRoom.saveNote}
      </button>
    </form>
  );
}

/**
 * Write a comment to the secretariat, or a private note, about a selected quote or a whole
 * paragraph. Says where a comment goes and until when; outside the comment window it says why
 * nothing can be sent. Staff (who receive comments, never send them) see the paragraph's comments.
 */
export function ComposeSheet(props: ComposeSheetProps) {
  const { t } = useI18n();
  const { target, mode, access, paragraphComments } = props;
  const pendingIds = usePendingClientIds();
  const page = target.anchor.rects[0]?.page ?? target.paragraph.page;
  const { label } = target.paragraph;
  const caption = target.whole
    ? label
      ? t.reading.wholeLabelled(label, page)
      : t.readingRoom.wholeParagraph(target.paragraph.index + 1, page)
    : label
      ? `${t.readingRoom.selectedText(page)} · ${label}`
      : t.readingRoom.selectedText(page);
  const showsCommentMode = access.canComment || access.seesAllComments;

  return (
    <Sheet title={mode === 'comment' ? t.readingRoom.commentTitle : t.readingRoom.noteTitle} onClose={props.onClose} testId="compose-sheet">
      {showsCommentMode && access.canAnnotate && (
        <div className="segmented" role="group" aria-label={t.readingRoom.modeLabel}>
          <button type="button" aria-pressed={mode === 'comment'} onClick={() => props.onModeChange('comment')} data-testid="compose-mode-comment">
            {access.canComment ? t.readingRoom.comment : t.readingRoom.tabAllComments}
          </button>
          <button type="button" aria-pressed={mode === 'note'} onClick={() => props.onModeChange('note')} data-testid="compose-mode-note">
            {t.readingRoom.noteTitle}
          </button>
        </div>
      )}
      <QuoteBlock text={target.anchor.quote.exact} caption={caption} />
      {mode === 'note' ? (
        <NoteForm key="note" documentId={props.documentId} target={target} onDone={props.onDone} />
      ) : access.canComment ? (
        <CommentForm key="comment" documentId={props.documentId} target={target} meeting={props.meeting} onDone={props.onDone} />
      ) : (
        !access.seesAllComments && (
          <p className="alert alert-info" role="status">
            {t.readingRoom.cannotComment}
          </p>
        )
      )}
      {mode === 'comment' && paragraphComments.length > 0 && (
        <section className="compose-existing" aria-label={access.seesAllComments ? t.readingRoom.commentsHere : t.readingRoom.myCommentsHere}>
          <h3>{access.seesAllComments ? t.readingRoom.commentsHere : t.readingRoom.myCommentsHere}</h3>
          {paragraphComments.map((c) => (
            <CommentCard key={c.id} variant="panel" comment={c} pending={pendingIds.has(c.clientId)} showAuthor={access.seesAllComments} showQuote={c.anchor.quote.exact !== target.anchor.quote.exact} canTriage={access.canTriage} />
          ))}
        </section>
      )}
      {mode === 'comment' && access.seesAllComments && paragraphComments.length === 0 && <p className="empty-state">{t.readingRoom.noCommentsStaff}</p>}
    </Sheet>
  );
}
