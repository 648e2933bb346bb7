import type { HighlightColor } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import type { TextSelection } from '../hooks/useTextSelection';
import { COLORS, type ReadingAccess } from '../lib/readingTypes';

interface SelectionActionBarProps {
  selection: TextSelection;
  access: ReadingAccess;
  busy: boolean;
  error: unknown;
  onRetry: () => void;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onComment: () => void;
  onDismiss: () => void;
}

/**
 * What to do with the selected text, in big buttons at the bottom of the screen (within thumb
 * reach, and clear of the phone's own copy/share menu that opens above a selection).
 */
export function SelectionActionBar({ selection, access, busy, error, onRetry, onHighlight, onNote, onComment, onDismiss }: SelectionActionBarProps) {
  const { t } = useI18n();
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
      className="selection-bar"
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
      {!result.ok && paragraph && <p className="selection-bar-hint">{t.readingRoom.useWholeParagraph}</p>}
      {error != null && <ErrorMessage error={error} onRetry={onRetry} />}
    </div>
  );
}
