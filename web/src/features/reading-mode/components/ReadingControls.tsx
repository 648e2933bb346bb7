import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { MAX_TEXT_PX, MIN_TEXT_PX, type useReadingPrefs } from '../hooks/useReadingPrefs';
import './reading-mode.css';

interface ReadingControlsProps {
  mode: 'pdf' | 'reading';
  prefs: ReturnType<typeof useReadingPrefs>;
  onSwitch: () => void;
  /** Shown in the reading view under the controls (read aloud). */
  children?: ReactNode;
}

/** One tap between the PDF pages and the reading view; in the reading view, text size and background. */
export function ReadingControls({ mode, prefs, onSwitch, children }: ReadingControlsProps) {
  const { t } = useI18n();
  const { size, dark } = prefs.prefs;
  return (
    <div className="reading-controls" data-testid="reading-controls">
      <button type="button" className="button" onClick={onSwitch} aria-pressed={mode === 'reading'} data-testid="reading-mode-toggle">
        {mode === 'reading' ? t.reading.switchToPdf : t.reading.switchToReading}
      </button>
      {mode === 'reading' && (
        <>
          <span className="visually-hidden">{t.reading.textSize}</span>
          <button type="button" className="button" onClick={prefs.smaller} disabled={size <= MIN_TEXT_PX} aria-label={t.reading.smaller} data-testid="reading-smaller">
            A−
          </button>
          <span className="reading-size" data-testid="reading-size" aria-live="polite">
            {t.reading.sizeValue(size)}
          </span>
          <button type="button" className="button" onClick={prefs.larger} disabled={size >= MAX_TEXT_PX} aria-label={t.reading.larger} data-testid="reading-larger">
            A+
          </button>
          <button type="button" className="button" onClick={prefs.toggleDark} aria-pressed={dark} data-testid="reading-dark">
            {dark ? t.reading.light : t.reading.dark}
          </button>
          {children}
        </>
      )}
    </div>
  );
}
