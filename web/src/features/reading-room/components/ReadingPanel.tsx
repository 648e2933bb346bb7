import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation, Comment, StoredAnchor } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { ReadingAccess } from '../lib/readingTypes';
import { excerpt } from '../lib/selectionAnchor';
import { PendingChip } from '../../offline/components/PendingChip';
import { usePendingClientIds } from '../../offline/hooks/useOutbox';
import { useDeleteAnnotation, useUpdateAnnotation } from '../hooks/useAnnotationMutations';
import { CommentCard } from '../../comments/components/CommentCard';
import { ReadReceiptsList } from '../../documents/components/ReadReceiptsList';

type Tab = 'annotations' | 'comments' | 'detached' | 'receipts';

interface ReadingPanelProps {
  documentId: string;
  annotations: readonly Annotation[];
  comments: readonly Comment[];
  access: ReadingAccess;
  onJump: (anchor: StoredAnchor) => void;
  onEditAnnotation: (id: string) => void;
  onClose: () => void;
}

/** Reading order: page, then top to bottom. */
function byPosition(a: { anchor: StoredAnchor }, b: { anchor: StoredAnchor }): number {
  const ra = a.anchor.rects[0];
  const rb = b.anchor.rects[0];
  if (!ra || !rb) return 0;
  return ra.page - rb.page || rb.y + rb.h - (ra.y + ra.h);
}

function AnnotationRow({ annotation, detached, onJump, onEdit }: { annotation: Annotation; detached: boolean; onJump: () => void; onEdit: () => void }) {
  const { t } = useI18n();
  const rect = annotation.anchor.rects[0];
  const pending = usePendingClientIds().has(annotation.clientId);
  return (
    <li className="panel-item" data-testid={detached ? 'detached-item' : 'my-annotation'} data-annotation-id={annotation.id} data-pending={pending ? 'true' : undefined}>
      <span className={`panel-swatch swatch-${annotation.color}`} aria-hidden="true" />
      <div className="panel-item-main">
        {pending && <PendingChip />}
        <p className="panel-quote">“{excerpt(annotation.anchor.quote.exact, 140)}”</p>
        {annotation.note ? (
          <p className="panel-note" data-testid="my-annotation-note">
            {annotation.note}
          </p>
        ) : (
          <p className="muted panel-note-empty">{t.readingRoom.noNote}</p>
        )}
        {rect && <p className="muted panel-where">{t.readingRoom.page(rect.page)}</p>}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onJump} data-testid="jump">
            {detached ? t.readingRoom.openOldVersion : t.readingRoom.jump}
          </button>
          {!detached && (
            <button type="button" className="button button-ghost" onClick={onEdit} data-testid="edit-annotation">
              {t.readingRoom.edit}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

/**
 * One side of an edit made on two devices at once: the server kept the later edit and this copy of
 * the other, so nothing was silently lost. The delegate keeps whichever they want.
 */
function CommentRow({ comment, testId, jumpLabel, access, onJump }: { comment: Comment; testId: string; jumpLabel: string; access: ReadingAccess; onJump: () => void }) {
  // still in this device's outbox: not with the secretariat yet
  const pending = usePendingClientIds().has(comment.clientId);
  return (
    <li data-testid={testId} data-comment-id={comment.id}>
      <CommentCard
        variant="panel"
        comment={comment}
        pending={pending}
        showAuthor={access.seesAllComments}
        showQuote
        canTriage={access.canTriage}
        actions={
          <button type="button" className="button button-secondary" onClick={onJump} data-testid="jump">
            {jumpLabel}
          </button>
        }
      />
    </li>
  );
}

function ConflictCopyRow({ documentId, copy, original, onJump }: { documentId: string; copy: Annotation; original: Annotation | null; onJump: () => void }) {
  const { t } = useI18n();
  const update = useUpdateAnnotation(documentId);
  const remove = useDeleteAnnotation(documentId);
  const busy = update.isPending || remove.isPending;
  return (
    <li className="panel-item panel-conflict" data-testid="conflict-copy" data-annotation-id={copy.id} data-conflict-of={copy.conflictOf ?? undefined}>
      <span className={`panel-swatch swatch-${copy.color}`} aria-hidden="true" />
      <div className="panel-item-main">
        <span className="conflict-chip">{t.offline.conflictCopy}</span>
        <p className="muted">{t.offline.conflictHint}</p>
        <p className="panel-quote">“{excerpt(copy.anchor.quote.exact, 140)}”</p>
        {copy.note ? <p className="panel-note">{copy.note}</p> : <p className="muted panel-note-empty">{t.readingRoom.noNote}</p>}
        {original && (original.note || original.color !== copy.color) && (
          <p className="muted">
            {t.readingRoom.tabAnnotations}: {original.note || t.readingRoom.noNote}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onJump} data-testid="jump">
            {t.readingRoom.jump}
          </button>
          {original && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() =>
                update.mutate({ annotation: original, color: copy.color, note: copy.note }, { onSuccess: () => remove.mutate(copy) })
              }
              data-testid="conflict-use"
            >
              {t.offline.conflictUse}
            </button>
          )}
          <button type="button" className="button button-ghost" disabled={busy} onClick={() => remove.mutate(copy)} data-testid="conflict-delete">
            {t.offline.conflictDelete}
          </button>
        </div>
      </div>
    </li>
  );
}

/**
 * "Của tôi": my highlights and notes, my comments with their status and reply, and whatever a
 * new version of the document detached (kept, with its original quote, never hidden). For the
 * chair and the secretariat the comments are everyone's, and read receipts are one tab away.
 */
export function ReadingPanel({ documentId, annotations, comments, access, onJump, onEditAnnotation, onClose }: ReadingPanelProps) {
  const { t } = useI18n();
  const headingId = useId();
  const [tab, setTab] = useState<Tab>(access.seesAllComments ? 'comments' : 'annotations');
  // a conflict copy is the other side of an edit made on two devices at once: shown apart, never drawn
  const conflictCopies = annotations.filter((a) => a.conflictOf !== null);
  const placedAnnotations = annotations.filter((a) => !a.anchor.detached && a.conflictOf === null).sort(byPosition);
  const placedComments = comments.filter((c) => !c.anchor.detached).sort(byPosition);
  const detachedAnnotations = annotations.filter((a) => a.anchor.detached && a.conflictOf === null);
  const detachedComments = comments.filter((c) => c.anchor.detached);
  const detachedCount = detachedAnnotations.length + detachedComments.length;

  const annotationsTab = { id: 'annotations' as const, label: t.readingRoom.tabAnnotations, count: placedAnnotations.length };
  const commentsTab = { id: 'comments' as const, label: access.seesAllComments ? t.readingRoom.tabAllComments : t.readingRoom.tabComments, count: placedComments.length };
  const detachedTab = { id: 'detached' as const, label: t.readingRoom.tabDetached, count: detachedCount };
  // staff come for the delegates' comments and who has read; a delegate for their own highlights first
  const tabs: { id: Tab; label: string; count: number | null }[] = access.seesAllComments
    ? [commentsTab, { id: 'receipts', label: t.readingRoom.tabReceipts, count: null }, annotationsTab, detachedTab]
    : [annotationsTab, commentsTab, detachedTab];

  // Esc closes the panel as it closes a sheet (a sheet open above it takes its own Esc first),
  // and the focus goes back to where the reader opened it from
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <aside className="reading-panel" aria-labelledby={headingId} data-testid="my-panel">
      <div className="reading-panel-head">
        <h2 id={headingId}>{access.seesAllComments ? t.readingRoom.staffPanelTitle : t.readingRoom.panelTitle}</h2>
        <button type="button" className="button button-ghost button-icon" onClick={onClose} aria-label={t.readingRoom.closePanel} data-testid="my-panel-close">
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="panel-tabs" role="tablist" aria-label={t.readingRoom.tabs} data-count={tabs.length}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`${headingId}-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`${headingId}-panel`}
            className={tab === x.id ? 'is-active' : undefined}
            onClick={() => setTab(x.id)}
            data-testid={`my-tab-${x.id}`}
          >
            {x.label}
            {x.count !== null && <span className="tab-count">{x.count}</span>}
          </button>
        ))}
      </div>
      <div className="reading-panel-body" role="tabpanel" tabIndex={0} id={`${headingId}-panel`} aria-labelledby={`${headingId}-${tab}`}>
        {tab === 'annotations' && (
          <>
            <p className="private-hint">{t.readingRoom.privateHint}</p>
            {conflictCopies.length > 0 && (
              <ul className="panel-list">
                {conflictCopies.map((copy) => (
                  <ConflictCopyRow key={copy.id} documentId={documentId} copy={copy} original={annotations.find((a) => a.id === copy.conflictOf) ?? null} onJump={() => onJump(copy.anchor)} />
                ))}
              </ul>
            )}
            {placedAnnotations.length === 0 ? (
              <p className="empty-state">{t.readingRoom.noAnnotations}</p>
            ) : (
              <ul className="panel-list">
                {placedAnnotations.map((a) => (
                  <AnnotationRow key={a.id} annotation={a} detached={false} onJump={() => onJump(a.anchor)} onEdit={() => onEditAnnotation(a.id)} />
                ))}
              </ul>
            )}
          </>
        )}
        {tab === 'comments' &&
          (placedComments.length === 0 ? (
            <p className="empty-state">{access.seesAllComments ? t.readingRoom.noCommentsStaff : t.readingRoom.noComments}</p>
          ) : (
            <ul className="panel-list">
              {placedComments.map((c) => (
                <CommentRow key={c.id} comment={c} testId="my-comment" jumpLabel={t.readingRoom.jump} access={access} onJump={() => onJump(c.anchor)} />
              ))}
            </ul>
          ))}
        {tab === 'detached' && (
          <>
            {detachedCount === 0 ? (
              <p className="empty-state">{t.readingRoom.noDetached}</p>
            ) : (
              <>
                <p className="alert alert-info">{t.readingRoom.detachedIntro}</p>
                <ul className="panel-list">
                  {detachedAnnotations.map((a) => (
                    <AnnotationRow key={a.id} annotation={a} detached onJump={() => onJump(a.anchor)} onEdit={() => onEditAnnotation(a.id)} />
                  ))}
                  {detachedComments.map((c) => (
                    <CommentRow key={c.id} comment={c} testId="detached-item" jumpLabel={t.readingRoom.openOldVersion} access={access} onJump={() => onJump(c.anchor)} />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {tab === 'receipts' && <ReadReceiptsList documentId={documentId} />}
      </div>
    </aside>
  );
}
