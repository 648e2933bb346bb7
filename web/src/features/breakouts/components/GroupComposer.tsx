import { useId, useState, type FormEvent } from 'react';
import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { CitationDraft } from '../hooks/useSendGroupMessage';
import { CitationPicker } from './CitationPicker';

const MAX_BODY = 5000;

/** A big box and a big Send button; "Trích dẫn" attaches a paragraph of one of the group's documents. */
export function GroupComposer({ documents, disabled, onSend }: { documents: readonly DocumentSummary[]; disabled: boolean; onSend: (body: string, citation: CitationDraft | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [citation, setCitation] = useState<CitationDraft | null>(null);
  const [picking, setPicking] = useState(false);
  const titleOf = (documentId: string) => documents.find((d) => d.id === documentId)?.title ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text || disabled) return;
    onSend(text, citation);
    setBody('');
    setCitation(null);
  };

  return (
    <form className="group-composer" onSubmit={submit} data-testid="group-composer">
      <label htmlFor={id} className="visually-hidden">
        {t.breakouts.messageLabel}
      </label>
      {citation && (
        <div className="group-composer-citation" data-testid="composer-citation">
          <span>
            <strong>{titleOf(citation.documentId)}</strong> · {t.breakouts.paragraphAt(citation.paragraphIndex + 1, citation.page)}
            <span className="group-citation-excerpt">{citation.excerpt}</span>
          </span>
          <button type="button" className="button button-ghost button-icon" aria-label={t.breakouts.removeCitation} onClick={() => setCitation(null)}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
      <textarea
        id={id}
        className="group-composer-input"
        rows={3}
        maxLength={MAX_BODY}
        value={body}
        placeholder={t.breakouts.messagePlaceholder}
        disabled={disabled}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends on a keyboard; Enter alone makes a new line (phones have no Ctrl)
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
        data-testid="group-message-input"
      />
      <div className="group-composer-actions">
        <button type="button" className="button button-secondary" disabled={disabled || documents.length === 0} onClick={() => setPicking(true)} data-testid="group-cite">
          ❝ {t.breakouts.cite}
        </button>
        <button type="submit" className="button button-primary group-send" disabled={disabled || !body.trim()} data-testid="group-message-send">
          {t.breakouts.send} ➤
        </button>
      </div>
      {picking && (
        <CitationPicker
          documents={documents}
          onClose={() => setPicking(false)}
          onChoose={(c) => {
            setCitation(c);
            setPicking(false);
          }}
        />
      )}
    </form>
  );
}
