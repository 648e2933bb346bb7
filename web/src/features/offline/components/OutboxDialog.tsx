import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { errorMessage } from '../../../lib/errorMessage';
import { ApiError } from '../../../lib/api-client';
import { useOnline } from '../hooks/useOnline';
import { useOutbox } from '../hooks/useOutbox';
import { outbox } from '../lib/outbox';
import { itemText, type StoredOutboxItem } from '../lib/outboxTypes';
import { syncEngine } from '../lib/syncEngine';
import { useModalDialog } from '../../../ui/useModalDialog';

function useKindLabel() {
  const { t } = useI18n();
  return (item: StoredOutboxItem): string => {
    switch (item.kind) {
      case 'annotation.create':
        return item.body.note ? t.offline.kindNote : t.offline.kindHighlight;
      case 'annotation.update':
        return t.offline.kindEdit;
      case 'annotation.delete':
        return t.offline.kindDelete;
      case 'comment.create':
        return t.offline.kindComment;
    }
  };
}

function OutboxRow({ item }: { item: StoredOutboxItem }) {
  const { t } = useI18n();
  const when = useDateTime();
  const kindLabel = useKindLabel();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const text = itemText(item);
  const quote = item.kind === 'annotation.create' || item.kind === 'comment.create' ? item.body.anchor.quote.exact : '';
  const refusal = item.refusal;
  const reason = refusal
    ? refusal.code === 'COMMENTS_CLOSED' && item.kind === 'comment.create'
      ? t.offline.lateComment
      : t.offline.refusedReason(errorMessage(new ApiError({ statusCode: refusal.status, code: refusal.code, message: refusal.message }), t))
    : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // no clipboard permission (http on a LAN): select the text so the phone's own copy works
      const range = document.createRange();
      const node = document.getElementById(`outbox-text-${item.seq}`);
      if (node) {
        range.selectNodeContents(node);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
      }
    }
    setCopied(true);
  };

  return (
    <li className={`outbox-item is-${item.state}`} data-testid="outbox-item" data-state={item.state} data-kind={item.kind} data-error-code={refusal?.code}>
      <div className="outbox-item-top">
        <strong>{kindLabel(item)}</strong>
        <span className={`badge ${item.state === 'refused' ? 'badge-refused' : 'badge-pending'}`}>{item.state === 'refused' ? t.offline.refused : t.offline.notSent}</span>
      </div>
      {item.documentTitle && <p className="outbox-doc">{item.documentTitle}</p>}
      {quote && quote !== text && <p className="outbox-quote">“{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}”</p>}
      {text && (
        <p className="outbox-text" id={`outbox-text-${item.seq}`} data-testid="outbox-text">
          {text}
        </p>
      )}
      <p className="muted outbox-when">{t.offline.writtenAt(when(item.createdAt))}</p>
      {reason && (
        <p className="alert alert-error outbox-reason" role="alert" data-testid="outbox-refusal">
          {reason}
        </p>
      )}
      {item.state === 'refused' && (
        <div className="button-row">
          {text && (
            <button type="button" className="button button-secondary" onClick={() => void copy()} data-testid="outbox-copy">
              {copied ? t.offline.copied : t.offline.copyText}
            </button>
          )}
          {confirming ? (
            <>
              <span className="outbox-confirm">{t.offline.discardConfirm}</span>
              <button type="button" className="button button-danger" onClick={() => void outbox.remove(item.seq)} data-testid="outbox-discard-confirm">
                {t.offline.discard}
              </button>
              <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
                {t.common.cancel}
              </button>
            </>
          ) : (
            <button type="button" className="button button-ghost" onClick={() => setConfirming(true)} data-testid="outbox-discard">
              {t.offline.discard}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The outbox, listed: what waits to be sent, and what the server refused, with its reason and the text to copy. */
export function OutboxDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const { ref, onBackdropClick } = useModalDialog(onClose);
  const { items, pending } = useOutbox();
  const online = useOnline();
  const [sending, setSending] = useState(false);

  return (
    <dialog
      ref={ref}
      className="outbox-dialog"
      aria-labelledby={titleId}
      data-testid="outbox-dialog"
      onClick={onBackdropClick}
    >
      <div className="outbox-dialog-head">
        <h2 id={titleId}>{t.offline.outboxTitle}</h2>
        <button type="button" className="button button-ghost button-icon" onClick={onClose} aria-label={t.common.close} data-testid="outbox-close">
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="outbox-dialog-body">
        {items.length === 0 ? (
          <p className="empty-state">{t.offline.outboxEmpty}</p>
        ) : (
          <>
            {pending > 0 && <p className="muted">{t.offline.outboxIntro}</p>}
            <ol className="outbox-list">
              {items.map((item) => (
                <OutboxRow key={item.seq} item={item} />
              ))}
            </ol>
          </>
        )}
        {pending > 0 && online && (
          <button
            type="button"
            className="button button-primary button-block"
            disabled={sending}
            onClick={() => {
              setSending(true);
              void syncEngine.flush().finally(() => setSending(false));
            }}
            data-testid="outbox-send-now"
          >
            {sending ? t.offline.sending : t.offline.sendNow}
          </button>
        )}
      </div>
    </dialog>
  );
}
