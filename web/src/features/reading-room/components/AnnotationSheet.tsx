import { useState } from 'react';
import type { Annotation } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useDeleteAnnotation, useUpdateAnnotation } from '../hooks/useAnnotationMutations';
import { ColorChoice } from './ColorChoice';
import { PrivateHint } from './PrivateHint';
import { QuoteBlock } from './QuoteBlock';
import { Sheet } from './Sheet';
import { RetryingNotice } from './RetryingNotice';

interface AnnotationSheetProps {
  documentId: string;
  annotation: Annotation;
  /** Offered when this reader may comment and the highlight is in place on the version shown. */
  onComment: (() => void) | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** One of my highlights, opened: change its colour, write or edit its private note, delete it. */
export function AnnotationSheet({ documentId, annotation, onComment, onClose, onDone }: AnnotationSheetProps) {
  const { t } = useI18n();
  const [note, setNote] = useState(annotation.note);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateAnnotation(documentId);
  const remove = useDeleteAnnotation(documentId);
  const rect = annotation.anchor.rects[0];
  const noteChanged = note.trim() !== annotation.note;

  return (
    <Sheet title={t.readingRoom.annotationTitle} onClose={onClose} testId="annotation-sheet">
      <QuoteBlock text={annotation.anchor.quote.exact} caption={rect ? t.readingRoom.page(rect.page) : undefined} color={annotation.color} />
      <PrivateHint />
      <div className="field">
        <span className="field-label">{t.readingRoom.colorLabel}</span>
        <ColorChoice
          value={annotation.color}
          disabled={update.isPending}
          onChange={(color) => {
            if (color !== annotation.color) update.mutate({ annotation, color });
          }}
          testIdPrefix="annotation-color"
        />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ annotation, note: note.trim() }, { onSuccess: (outcome) => onDone(outcome.status === 'sent' ? t.readingRoom.noteSaved : t.offline.savedLocally) });
        }}
      >
        <TextAreaField label={t.readingRoom.noteLabel} value={note} rows={4} maxLength={10_000} onChange={(e) => setNote(e.target.value)} testId="annotation-note" />
        <RetryingNotice write={update} />
        {update.isError && <ErrorMessage error={update.error} />}
        <button type="submit" className="button button-primary button-block" disabled={!noteChanged || update.isPending} data-testid="annotation-save">
          {update.isPending ? t.common.saving : t.readingRoom.saveNote}
        </button>
      </form>
      <div className="sheet-actions">
        {onComment && (
          <button type="button" className="button button-secondary" onClick={onComment} data-testid="annotation-comment">
            {t.readingRoom.commentOnThis}
          </button>
        )}
        {confirming ? (
          <div className="confirm-row" role="group" aria-label={t.readingRoom.confirmDelete}>
            <p>{t.readingRoom.confirmDelete}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(annotation, { onSuccess: onClose })}
                data-testid="annotation-delete-confirm"
              >
                {t.readingRoom.confirmDeleteYes}
              </button>
              <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                {t.common.cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)} data-testid="annotation-delete">
            {t.readingRoom.deleteHighlight}
          </button>
        )}
        {remove.isError && <ErrorMessage error={remove.error} />}
      </div>
    </Sheet>
  );
}
