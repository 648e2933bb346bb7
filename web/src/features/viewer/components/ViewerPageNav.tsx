import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/useI18n';

interface ViewerPageNavProps {
  currentPage: number;
  numPages: number;
  onGoToPage: (page: number) => void;
  /** More buttons for the same thumb-reach spot (the reading room's "Của tôi"). */
  children?: ReactNode;
}

/** Previous / next page buttons around the page count, floating at the bottom within thumb reach. */
export function ViewerPageNav({ currentPage, numPages, onGoToPage, children }: ViewerPageNavProps) {
  const { t } = useI18n();
  return (
    <nav className="viewer-page-nav" aria-label={t.viewer.pageNav}>
      <button
        type="button"
        className="button button-icon"
        onClick={() => onGoToPage(currentPage - 1)}
        disabled={currentPage <= 1}
        aria-label={t.viewer.prevPage}
        data-testid="viewer-prev-page"
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="viewer-page-indicator" data-testid="page-indicator" aria-live="polite">
        <span className="visually-hidden">{t.viewer.page} </span>
        {currentPage} / {numPages}
      </span>
      <button
        type="button"
        className="button button-icon"
        onClick={() => onGoToPage(currentPage + 1)}
        disabled={currentPage >= numPages}
        aria-label={t.viewer.nextPage}
        data-testid="viewer-next-page"
      >
        <span aria-hidden="true">›</span>
      </button>
      {children}
    </nav>
  );
}
