import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary, QuestionRef } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { queryKeys } from '../../../lib/queryKeys';
import { SelectField } from '../../../ui/SelectField';
import { documentsApi } from '../../documents/api/documentsApi';

/** What a question's form holds of a reference before it is sent. */
export interface RefDraft {
  documentId: string;
  paragraphId: string | null;
  /** Shown on the chip: the document's title, and the paragraph's place. */
  label: string;
}

export const MAX_REFS = 10;
const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 70)}…` : text);

/** The documents and paragraphs a written question refers to: a document, then (optionally) one of its paragraphs. */
export function QuestionRefsPicker({ documents, value, onChange }: { documents: readonly DocumentSummary[]; value: RefDraft[]; onChange: (refs: RefDraft[]) => void }) {
  const { t } = useI18n();
  const f = t.floor;
  const [documentId, setDocumentId] = useState('');
  const [paragraphId, setParagraphId] = useState('');
  const doc = documents.find((d) => d.id === documentId);
  const versionId = doc?.currentVersion.status === 'ready' ? doc.currentVersion.id : null;
  const paragraphs = useQuery({
    queryKey: queryKeys.paragraphs(documentId, versionId ?? ''),
    queryFn: () => documentsApi.paragraphs(documentId, versionId!),
    enabled: Boolean(versionId),
  });
  const usable = documents.filter((d) => d.currentVersion.status === 'ready');
  if (usable.length === 0) return null;
  const add = () => {
    if (!doc) return;
    const p = paragraphs.data?.find((x) => x.id === paragraphId) ?? null;
    if (value.some((r) => r.documentId === doc.id && r.paragraphId === (p?.id ?? null))) return;
    onChange([...value, { documentId: doc.id, paragraphId: p?.id ?? null, label: p ? (p.label ? `${doc.title}, ${p.label}` : f.refLabel(doc.title, p.index)) : doc.title }]);
    setParagraphId('');
  };
  return (
    <fieldset className="question-refs" data-testid="question-refs">
      <legend>{f.refs}</legend>
      {value.length > 0 && (
        <ul className="question-ref-chips">
          {value.map((r, i) => (
            <li key={`${r.documentId}:${r.paragraphId ?? ''}`} className="question-ref-chip" data-testid="question-ref-chip">
              <span>{r.label}</span>
              <button type="button" className="button button-ghost" aria-label={f.removeRef(r.label)} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {value.length >= MAX_REFS ? (
        <p className="muted">{f.refsMax}</p>
      ) : (
        <>
          <SelectField label={f.refDocument} value={documentId} onChange={(e) => (setDocumentId(e.target.value), setParagraphId(''))} testId="question-ref-document">
            <option value="">{f.chooseDocument}</option>
            {usable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </SelectField>
          {doc && (
            <SelectField label={f.refParagraph} value={paragraphId} onChange={(e) => setParagraphId(e.target.value)} testId="question-ref-paragraph">
              <option value="">{f.wholeDocument}</option>
              {paragraphs.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label ? `${p.label}: ` : `${p.index + 1}. `}
                  {excerpt(p.text)}
                </option>
              ))}
            </SelectField>
          )}
          {doc && (
            <button type="button" className="button button-secondary" onClick={add} data-testid="question-ref-add">
              {f.addRef}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}

/** A question's references, each opening the document at its paragraph. */
export function QuestionRefsList({ refs }: { refs: readonly QuestionRef[] }) {
  const { t } = useI18n();
  if (refs.length === 0) return null;
  return (
    <ul className="question-ref-links" data-testid="question-ref-links">
      {refs.map((r) => (
        <li key={`${r.documentId}:${r.paragraphId ?? ''}`}>
          <Link to={`/documents/${r.documentId}${r.paragraphId ? `?paragraph=${encodeURIComponent(r.paragraphId)}` : ''}`} data-testid="question-ref-link">
            {t.floor.refLabel(r.documentTitle, r.paragraphIndex)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
