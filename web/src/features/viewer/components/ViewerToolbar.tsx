import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { useI18n } from '../../../i18n/useI18n';
import type { ZoomMode } from '../lib/zoom';
import { MAX_ZOOM, MIN_ZOOM } from '../lib/zoom';

interface ViewerToolbarProps {
  title: string;
  backTo: string;
  zoom: number;
  zoomMode: ZoomMode;
  currentPage: number;
  numPages: number;
  downloadUrl: string;
  searchOpen: boolean;
  onToggleSearch: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitWidth: () => void;
  onGoToPage: (page: number) => void;
}

/** Every viewer action is a labelled button: nothing depends on pinch or swipe gestures. */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const { t } = useI18n();
  const { currentPage, numPages, onGoToPage } = props;
  const pageInputId = useId();
  const [pageText, setPageText] = useState(String(currentPage));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setPageText(String(currentPage));
  }, [currentPage, editing]);

  const submitPage = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = Number.parseInt(pageText, 10);
    if (Number.isFinite(n)) onGoToPage(n);
    setEditing(false);
  };
  const percent = Math.round(props.zoom * 100);

  return (
    <header className="viewer-toolbar" aria-label={t.viewer.toolbar}>
      <div className="viewer-toolbar-row">
        <Link to={props.backTo} className="button button-ghost button-icon" aria-label={t.viewer.backToMeeting} data-testid="viewer-back">
          <span aria-hidden="true">←</span>
        </Link>
        <h1 className="viewer-title" title={props.title} data-testid="viewer-title">
          {props.title}
        </h1>
        <button
          type="button"
          className={`button button-ghost button-icon${props.searchOpen ? ' is-on' : ''}`}
          aria-label={t.viewer.search}
          aria-pressed={props.searchOpen}
          onClick={props.onToggleSearch}
          data-testid="viewer-search-toggle"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
            <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="M15 15l6 6" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
        </button>
        <a
          href={props.downloadUrl}
          download
          className="button button-ghost button-icon"
          aria-label={t.viewer.download}
          title={t.viewer.download}
          data-testid="viewer-download"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
            <path d="M12 3v12m0 0l-5-5m5 5l5-5M4 20h16" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="viewer-wide-only viewer-button-label">{t.viewer.download}</span>
        </a>
        {/* the language too, without leaving the document */}
        <LanguageSwitch />
      </div>
      <div className="viewer-toolbar-row viewer-toolbar-controls">
        <div className="viewer-group">
          <button
            type="button"
            className="button button-ghost button-icon"
            onClick={props.onZoomOut}
            disabled={props.zoom <= MIN_ZOOM + 0.001}
            aria-label={t.viewer.zoomOut}
            data-testid="viewer-zoom-out"
          >
            <span aria-hidden="true">−</span>
          </button>
          <button
            type="button"
            className={`button button-ghost viewer-fit${props.zoomMode.kind === 'fit' ? ' is-on' : ''}`}
            onClick={props.onFitWidth}
            aria-pressed={props.zoomMode.kind === 'fit'}
            data-testid="viewer-fit-width"
          >
            {t.viewer.fitWidth}
          </button>
          <button
            type="button"
            className="button button-ghost button-icon"
            onClick={props.onZoomIn}
            disabled={props.zoom >= MAX_ZOOM - 0.001}
            aria-label={t.viewer.zoomIn}
            data-testid="viewer-zoom-in"
          >
            <span aria-hidden="true">+</span>
          </button>
          <span className="viewer-zoom-level viewer-wide-only" aria-live="polite" data-testid="viewer-zoom-level">
            {t.viewer.zoomLevel(percent)}
          </span>
        </div>
        <form className="viewer-group viewer-goto" onSubmit={submitPage}>
          <label htmlFor={pageInputId} className="viewer-goto-label">
            {t.viewer.page}
          </label>
          <input
            id={pageInputId}
            className="input viewer-page-input"
            inputMode="numeric"
            pattern="[0-9]*"
            enterKeyHint="go"
            value={pageText}
            onFocus={(e) => {
              setEditing(true);
              e.target.select();
            }}
            onBlur={() => setEditing(false)}
            onChange={(e) => setPageText(e.target.value.replace(/\D/g, '').slice(0, 5))}
            aria-describedby={`${pageInputId}-total`}
            data-testid="viewer-page-input"
          />
          <span id={`${pageInputId}-total`} className="viewer-page-total" data-testid="viewer-page-total">
            {t.viewer.pageOf(numPages)}
          </span>
          <button type="submit" className="button button-ghost viewer-goto-submit viewer-wide-only">
            {t.viewer.goToPage}
          </button>
        </form>
      </div>
    </header>
  );
}
