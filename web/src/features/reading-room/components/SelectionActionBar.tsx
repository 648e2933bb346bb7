import { useLayoutEffect, useState, type CSSProperties } from 'react';
import type { HighlightColor } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { TextSelection } from '../hooks/useTextSelection';
import { COLORS, type ReadingAccess } from '../lib/readingTypes';

interface SelectionActionBarProps {
  selection: TextSelection;
  /** The scrolling page area: with a mouse, the bar follows the selection as it scrolls. */
  scroller: HTMLElement | null;
  access: ReadingAccess;
  busy: boolean;
  /** The last attempt got no answer and the highlight is being sent again. */
  retrying: boolean;
  error: unknown;
  onRetry: () => void;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onComment: () => void;
  onDismiss: () => void;
}

const GAP = 8;
/** A mouse and room to spare: place the bar next to the selection rather than at the bottom. */
const BESIDE_SELECTION = '(min-width: 720px) and (pointer: fine)';

/** Where the bar goes with a mouse: just below the selection, or above it when there is no room below. */
function useBesideSelection(bar: HTMLElement | null, scroller: HTMLElement | null, selection: TextSelection): CSSProperties | undefined {
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!bar || !scroller || !window.matchMedia(BESIDE_SELECTION).matches) return undefined;
    const container = bar.offsetParent as HTMLElement | null;
    if (!container) return undefined;
    const update = () => {
      const current = document.getSelection();
      if (!current || current.rangeCount === 0 || current.isCollapsed) return;
      const r = current.getRangeAt(0).getBoundingClientRect();
      const c = container.getBoundingClientRect();
      const height = bar.offsetHeight;
      let top = r.bottom - c.top + GAP;
      if (top + height > c.height - GAP) top = r.top - c.top - height - GAP;
      top = Math.max(GAP, Math.min(top, c.height - height - GAP));
      setStyle({ top: `${top}px`, bottom: 'auto' });
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      scroller.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [bar, scroller, selection]);
  return style;
}

/**
 * What to do with the selected text, in big buttons. On a phone at the bottom of the screen
 * (within thumb reach, and clear of the phone's own copy/share menu that opens above a
 * selection); with a mouse, right below the selection.
 */
export function SelectionActionBar({ selection, scroller, access, busy, retrying, error, onRetry, onHighlight, onNote, onComment, onDismiss }: SelectionActionBarProps) {
  const { t } = useI18n();
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  const placement = useBesideSelection(bar, scroller, selection);
  const { result, paragraph } = selection;
  const usable = result.ok || paragraph !== null;
  const problem = result.ok
    ? null
    : result.problem === 'too-long'
      ? t.readingRoom.selectionTooLong
      : result.problem === 'outside-text'
        ? t.readingRoom.selectionOutside
        : t.readingRoom.selectionNotFound;

  return (
    <div
      ref={setBar}
      className="selection-bar"
      style={placement}
      role="toolbar"
      aria-label={t.readingRoom.selectionActions}
      data-testid="selection-actions"
      data-anchored={result.ok ? 'true' : 'false'}
      // keep the text selected while a button is pressed (a mouse press elsewhere would clear it)
      onMouseDown={(e) => e.preventDefault()}
    >
      {result.ok && access.canAnnotate ? (
        <div className="selection-bar-row">
          <span className="selection-bar-label">{t.readingRoom.highlight}</span>
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={t.readingRoom.highlightIn(t.highlightColors[color])}
              title={t.readingRoom.highlightIn(t.highlightColors[color])}
              disabled={busy}
              onClick={() => onHighlight(color)}
              data-testid={`highlight-color-${color}`}
            />
          ))}
        </div>
      ) : (
        problem && (
          <p className="selection-bar-problem" role="status" data-testid="selection-problem">
            {problem}
          </p>
        )
      )}
      {!result.ok && paragraph && <p className="selection-bar-hint">{t.readingRoom.useWholeParagraph}</p>}
      <div className="selection-bar-row">
        {access.canAnnotate && usable && (
          <button type="button" className="button button-secondary selection-bar-action" onClick={onNote} disabled={busy} data-testid="selection-note">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d="M5 4h14v11l-5 5H5zM14 20v-5h5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
            </svg>
            {t.readingRoom.note}
          </button>
        )}
        {access.canComment && usable && (
          <button type="button" className="button button-primary selection-bar-action" onClick={onComment} disabled={busy} data-testid="selection-comment">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d="M4 5h16v10H10l-5 4v-4H4z" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
            </svg>
            {t.readingRoom.comment}
          </button>
        )}
        <button type="button" className="button button-ghost button-icon" onClick={onDismiss} aria-label={t.readingRoom.dismissSelection} title={t.readingRoom.dismissSelection} data-testid="selection-dismiss">
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {retrying && (
        <p className="selection-bar-hint" role="status">
          {t.readingRoom.retrying}
        </p>
      )}
      {error != null && <ErrorMessage error={error} onRetry={onRetry} />}
    </div>
  );
}
