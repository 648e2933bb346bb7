import { useState } from 'react';
import { paragraphName, type Paragraph } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { ReadAloud } from '../hooks/useReadAloud';
import { READ_ALOUD_RATES } from '../lib/readAloudQueue';

interface ReadAloudBarProps {
  readAloud: ReadAloud;
  paragraphs: readonly Paragraph[] | null;
  /** Where reading starts: the paragraph at the top of the reading view. */
  fromIndex: () => number;
}

/** "Đọc to": start from the current paragraph, pause, resume, skip, speed, stop; says so plainly when there is no Vietnamese voice. */
export function ReadAloudBar({ readAloud, paragraphs, fromIndex }: ReadAloudBarProps) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  const { state, availability } = readAloud;
  const current = state.status !== 'idle' ? paragraphs?.find((p) => p.index === state.index) : undefined;

  if (state.status === 'idle') {
    return (
      <div className="read-aloud" data-testid="read-aloud">
        <button
          type="button"
          className="button"
          disabled={!paragraphs || availability === 'loading'}
          onClick={() => {
            setAsked(true);
            if (availability === 'ready') readAloud.start(fromIndex());
          }}
          data-testid="read-aloud-start"
        >
          {t.reading.readAloud}
        </button>
        {asked && (availability === 'none' || availability === 'unsupported') && (
          <p className="alert alert-warning read-aloud-note" role="alert" data-testid="read-aloud-no-voice">
            {availability === 'none' ? t.reading.noVoice : t.reading.noSpeech}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="read-aloud" data-testid="read-aloud" data-status={state.status} data-index={state.index}>
      {state.status === 'speaking' ? (
        <button type="button" className="button" onClick={readAloud.pause} data-testid="read-aloud-pause">
          {t.reading.pause}
        </button>
      ) : (
        <button type="button" className="button" onClick={readAloud.resume} data-testid="read-aloud-resume">
          {t.reading.resume}
        </button>
      )}
      <button type="button" className="button" onClick={readAloud.skip} data-testid="read-aloud-skip">
        {t.reading.skip}
      </button>
      <label className="read-aloud-rate">
        <span className="visually-hidden">{t.reading.speed}</span>
        <select value={readAloud.rate} onChange={(e) => readAloud.changeRate(Number(e.target.value))} aria-label={t.reading.speed} data-testid="read-aloud-rate">
          {READ_ALOUD_RATES.map((r) => (
            <option key={r} value={r}>
              {t.reading.rate(r)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={readAloud.stop} data-testid="read-aloud-stop">
        {t.reading.stop}
      </button>
      {current && (
        <span className="read-aloud-now" aria-live="polite" data-testid="read-aloud-now">
          {state.status === 'speaking' ? t.reading.readingNow(paragraphName(current)) : t.reading.pausedAt(paragraphName(current))}
        </span>
      )}
    </div>
  );
}
