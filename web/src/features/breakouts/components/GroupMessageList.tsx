import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { GroupMessage } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { errorMessage } from '../../../lib/errorMessage';
import { useClockTime, useDateTime } from '../../../lib/councilTimeZone';
import type { CitationDraft, PendingMessage } from '../hooks/useSendGroupMessage';

/** Where a citation opens: the viewer at the paragraph (its page as a fallback), coming back here. */
export function citationHref(citation: CitationDraft, back: string): string {
  const params = new URLSearchParams({ page: String(citation.page), paragraph: citation.paragraphId, back });
  return `/documents/${encodeURIComponent(citation.documentId)}?${params.toString()}`;
}

export function CitationLink({ citation, title }: { citation: CitationDraft; title: string }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Link
      to={citationHref(citation, location.pathname)}
      className="group-citation"
      aria-label={t.breakouts.openCitation(title, citation.paragraphIndex + 1, citation.page)}
      data-testid="group-citation"
      data-paragraph-id={citation.paragraphId}
    >
      <span className="group-citation-source">
        {title} · {t.breakouts.paragraphAt(citation.paragraphIndex + 1, citation.page)}
      </span>
      <span className="group-citation-excerpt">{citation.excerpt}</span>
    </Link>
  );
}

interface Props {
  messages: readonly GroupMessage[];
  pending?: readonly PendingMessage[];
  myId: string;
  documentTitles: ReadonlyMap<string, string>;
  onRetry?: (message: PendingMessage) => void;
  onDiscard?: (clientId: string) => void;
  compact?: boolean;
  testId?: string;
  /** What an empty discussion says (members are invited to start it; staff just see that it is quiet). */
  emptyText?: string;
}

/** A group's discussion, oldest at the top, kept scrolled to the newest unless the reader scrolled up. */
export function GroupMessageList({ messages, pending = [], myId, documentTitles, onRetry, onDiscard, compact = false, testId = 'group-messages', emptyText }: Props) {
  const { t } = useI18n();
  const when = useDateTime();
  const clock = useClockTime();
  const box = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const stored = new Set(messages.map((m) => m.clientId));
  const waiting = pending.filter((p) => !stored.has(p.clientId));

  useEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, waiting.length]);

  const titleOf = (documentId: string) => documentTitles.get(documentId) ?? t.documents.title;

  return (
    <ol
      ref={box}
      className={`group-messages${compact ? ' is-compact' : ''}`}
      data-testid={testId}
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {messages.length === 0 && waiting.length === 0 && <li className="muted group-messages-empty">{emptyText ?? t.breakouts.noMessages}</li>}
      {messages.map((m) => (
        <li key={m.id} className={`group-message${m.authorId === myId ? ' is-mine' : ''}`} data-testid="group-message" data-message-id={m.id} data-client-id={m.clientId}>
          <p className="group-message-head">
            <strong>{m.authorId === myId ? t.breakouts.you : m.authorName}</strong>
            <span className="muted">
              {' '}
              · <time dateTime={m.createdAt} title={when(m.createdAt)}>{clock(m.createdAt)}</time>
            </span>
          </p>
          <p className="group-message-body" data-testid="group-message-body">
            {m.body}
          </p>
          {m.citation && <CitationLink citation={m.citation} title={titleOf(m.citation.documentId)} />}
        </li>
      ))}
      {waiting.map((p) => (
        <li key={p.clientId} className={`group-message is-mine is-pending${p.state === 'failed' ? ' is-failed' : ''}`} data-testid="group-message-pending" data-state={p.state}>
          <p className="group-message-head">
            <strong>{t.breakouts.you}</strong>
            <span className="muted"> · {p.state === 'sending' ? t.breakouts.sending : t.breakouts.notSent}</span>
          </p>
          <p className="group-message-body">{p.body}</p>
          {p.citation && <CitationLink citation={p.citation} title={titleOf(p.citation.documentId)} />}
          {p.state === 'failed' && (
            <div className="group-message-failed" role="alert">
              <p>{errorMessage(p.error, t)}</p>
              <div className="button-row">
                {onRetry && (
                  <button type="button" className="button button-primary" onClick={() => onRetry(p)} data-testid="group-message-retry">
                    {t.common.retry}
                  </button>
                )}
                {onDiscard && (
                  <button type="button" className="button button-ghost" onClick={() => onDiscard(p.clientId)}>
                    {t.breakouts.discard}
                  </button>
                )}
              </div>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
