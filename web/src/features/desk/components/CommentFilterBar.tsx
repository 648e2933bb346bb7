import { useEffect, useRef, useState } from 'react';
import { COMMENT_STATUSES, type AgendaItem, type CommentFilters, type DocumentSummary, type Participant } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { DeskFilterName } from '../../comments/hooks/useDeskFilters';

interface CommentFilterBarProps {
  filters: CommentFilters;
  setFilters: (changes: Partial<Record<DeskFilterName, string | null>>) => void;
  clearFilters: () => void;
  agenda: readonly AgendaItem[];
  documents: readonly DocumentSummary[];
  /** People who may send comments (delegates and guests). */
  authors: readonly Participant[];
  /** "Đoạn 12, trang 3" of the paragraph filter, when one is set. */
  paragraphLabel: string | null;
}

/** Filters of the comment feed; every change goes to the URL. The search waits for a pause in typing. */
export function CommentFilterBar({ filters, setFilters, clearFilters, agenda, documents, authors, paragraphLabel }: CommentFilterBarProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState(filters.q ?? '');
  const debounced = useDebouncedValue(search, 350);

  // only the typed value drives this (not filters.q, or clearing the URL would put the old text back): the rest is read from a ref
  const latest = useRef({ q: filters.q, setFilters });
  latest.current = { q: filters.q, setFilters };
  useEffect(() => {
    if ((latest.current.q ?? '') !== debounced.trim()) latest.current.setFilters({ q: debounced.trim() || null });
  }, [debounced]);
  useEffect(() => {
    if (!filters.q) setSearch((s) => (s.trim() ? '' : s));
  }, [filters.q]);

  const active = Object.keys(filters).length > 0;
  const selectsSet = [filters.agendaItemId, filters.documentId, filters.status, filters.authorId].filter(Boolean).length;
  const [showSelects, setShowSelects] = useState(false);
  return (
    <section className="card desk-filters" aria-label={t.desk.filters} data-testid="desk-filters">
      <div className={`desk-filter-grid${showSelects ? '' : ' is-collapsed'}`}>
        <TextField
          label={t.desk.search}
          type="search"
          value={search}
          placeholder={t.desk.searchPlaceholder}
          onChange={(e) => setSearch(e.target.value)}
          testId="desk-search"
          className="desk-filter-search"
        />
        <button
          type="button"
          className="button button-ghost desk-filter-toggle"
          aria-expanded={showSelects}
          onClick={() => setShowSelects((v) => !v)}
          data-testid="filter-toggle"
        >
          {showSelects ? '▲' : '▼'} {t.desk.filters}
          {selectsSet > 0 && ` (${selectsSet})`}
        </button>
        <SelectField
          label={t.desk.filterAgenda}
          value={filters.agendaItemId ?? ''}
          onChange={(e) => setFilters({ agendaItemId: e.target.value || null })}
          testId="filter-agenda"
          className="desk-filter-select"
        >
          <option value="">{t.desk.allAgenda}</option>
          {agenda.map((item, i) => (
            <option key={item.id} value={item.id}>
              {`${t.meeting.itemNumber(i + 1)}: ${item.title}`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.desk.filterDocument}
          value={filters.documentId ?? ''}
          // a paragraph belongs to one document: changing the document drops the paragraph filter
          onChange={(e) => setFilters({ documentId: e.target.value || null, paragraphId: null })}
          testId="filter-document"
          className="desk-filter-select"
        >
          <option value="">{t.desk.allDocuments}</option>
          {documents.map((doc) => (
            <option key={doc.id} value={doc.id}>
              {doc.title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.desk.filterStatus} value={filters.status ?? ''} onChange={(e) => setFilters({ status: e.target.value || null })} testId="filter-status" className="desk-filter-select">
          <option value="">{t.desk.allStatuses}</option>
          {COMMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.commentStatus[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.desk.filterDelegate} value={filters.authorId ?? ''} onChange={(e) => setFilters({ authorId: e.target.value || null })} testId="filter-author" className="desk-filter-select">
          <option value="">{t.desk.allDelegates}</option>
          {authors.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.unit ? `${p.fullName} (${p.unit})` : p.fullName}
            </option>
          ))}
        </SelectField>
      </div>
      {(paragraphLabel || active) && (
        <div className="button-row desk-filter-actions">
          {paragraphLabel && (
            <span className="chip" data-testid="paragraph-filter">
              <span>
                <span className="muted">{t.desk.paragraphFilterActive}</span> {paragraphLabel}
              </span>
              <button type="button" className="button button-ghost" onClick={() => setFilters({ paragraphId: null })} aria-label={t.desk.clearParagraph}>
                ✕
              </button>
            </span>
          )}
          {active && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setSearch('');
                clearFilters();
              }}
              data-testid="clear-filters"
            >
              {t.desk.clearFilters}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
