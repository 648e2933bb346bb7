import { useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { Sheet } from '../../reading-room/components/Sheet';
import { useParagraphs } from '../../reading-room/hooks/useParagraphs';
import { excerpt } from '../../reading-room/lib/selectionAnchor';
import type { CitationDraft } from '../hooks/useSendGroupMessage';
import '../../reading-room/components/reading-room.css';

const MAX_SHOWN = 200;

/** "Trích dẫn": one of the group's documents, then one of its paragraphs, each a big row with its text. */
export function CitationPicker({ documents, onChoose, onClose }: { documents: readonly DocumentSummary[]; onChoose: (c: CitationDraft) => void; onClose: () => void }) {
  const { t } = useI18n();
  const filterId = useId();
  const ready = documents.filter((d) => d.currentVersion.status === 'ready');
  const [documentId, setDocumentId] = useState(ready[0]?.id ?? '');
  const [filter, setFilter] = useState('');
  const doc = ready.find((d) => d.id === documentId) ?? null;
  const paragraphs = useParagraphs(doc?.id ?? '', doc?.currentVersion.id ?? '');
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase('vi');
    return (paragraphs.data ?? []).filter((p) => p.text.trim() && (!q || p.text.toLocaleLowerCase('vi').includes(q))).slice(0, MAX_SHOWN);
  }, [paragraphs.data, filter]);

  return (
    <Sheet title={t.breakouts.citeTitle} onClose={onClose} testId="citation-picker">
      <p className="field-hint">{t.breakouts.citeHint}</p>
      {ready.length === 0 ? (
        <p className="muted">{t.breakouts.noFocusDocuments}</p>
      ) : (
        <>
          {ready.length > 1 && (
            <div className="citation-docs" role="radiogroup" aria-label={t.breakouts.documents}>
              {ready.map((d) => (
                <button
                  key={d.id}
                  type="button"
                  role="radio"
                  aria-checked={d.id === documentId}
                  className={`button ${d.id === documentId ? 'button-primary' : 'button-secondary'}`}
                  onClick={() => setDocumentId(d.id)}
                  data-testid="citation-document"
                >
                  {d.title}
                </button>
              ))}
            </div>
          )}
          <div className="field">
            <label htmlFor={filterId}>{t.breakouts.citeFilter}</label>
            <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="citation-filter" />
          </div>
          {paragraphs.isPending && <LoadingState />}
          {paragraphs.isError && <ErrorMessage error={paragraphs.error} onRetry={() => void paragraphs.refetch()} />}
          {paragraphs.data && shown.length === 0 && <p className="muted">{t.breakouts.noParagraphs}</p>}
          <ul className="choice-list">
            {doc &&
              shown.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="choice"
                    onClick={() => onChoose({ documentId: doc.id, paragraphId: p.id, paragraphIndex: p.index, page: p.page, excerpt: excerpt(p.text, 200) })}
                    data-testid="citation-paragraph"
                    data-paragraph-id={p.id}
                  >
                    <span className="choice-kicker">{t.breakouts.paragraphAt(p.index + 1, p.page)}</span>
                    <span className="choice-text">{excerpt(p.text, 140)}</span>
                  </button>
                </li>
              ))}
          </ul>
        </>
      )}
    </Sheet>
  );
}
