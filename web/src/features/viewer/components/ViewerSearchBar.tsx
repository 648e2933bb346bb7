import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';

interface ViewerSearchBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  hitCount: number;
  /** 0-based index of the active hit, -1 when none. */
  hitIndex: number;
  searching: boolean;
  onPrev: () => void;
  onNext: () => void;
  onClose: () => void;
}

const DEBOUNCE_MS = 300;

export function ViewerSearchBar({ query, onQueryChange, hitCount, hitIndex, searching, onPrev, onNext, onClose }: ViewerSearchBarProps) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    const timer = window.setTimeout(() => onQueryChange(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, onQueryChange]);

  const status = !query.trim()
    ? ''
    : searching
      ? t.viewer.searching
      : hitCount === 0
        ? t.viewer.noHits
        : t.viewer.hits(hitIndex + 1, hitCount);

  return (
    <div role="search" className="viewer-search" data-testid="viewer-search">
      <form
        className="viewer-search-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (text !== query) onQueryChange(text);
          else onNext();
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {t.viewer.searchLabel}
        </label>
        <input
          ref={inputRef}
          id={id}
          type="search"
          className="input viewer-search-input"
          placeholder={t.viewer.searchPlaceholder}
          value={text}
          enterKeyHint="search"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              onPrev();
            }
          }}
          data-testid="viewer-search-input"
        />
        <button type="button" className="button button-ghost button-icon" onClick={onPrev} disabled={hitCount === 0} aria-label={t.viewer.prevHit} data-testid="viewer-prev-hit">
          <span aria-hidden="true">▲</span>
        </button>
        <button type="button" className="button button-ghost button-icon" onClick={onNext} disabled={hitCount === 0} aria-label={t.viewer.nextHit} data-testid="viewer-next-hit">
          <span aria-hidden="true">▼</span>
        </button>
        <button type="button" className="button button-ghost button-icon" onClick={onClose} aria-label={t.viewer.closeSearch}>
          <span aria-hidden="true">✕</span>
        </button>
      </form>
      <p className="viewer-search-status" role="status" aria-live="polite" data-testid="viewer-search-status" data-hit-count={hitCount}>
        {status}
      </p>
    </div>
  );
}
