import { useCallback, useState } from 'react';

/** The reading view's text size and background, kept on this device. */
export interface ReadingPrefs {
  size: number;
  dark: boolean;
}

export const MIN_TEXT_PX = 16;
export const MAX_TEXT_PX = 32;
const STEP_PX = 2;
const DEFAULT_PREFS: ReadingPrefs = { size: 18, dark: false };
export const READING_PREFS_KEY = 'hopso.readingPrefs';

const clampSize = (n: number) => Math.min(MAX_TEXT_PX, Math.max(MIN_TEXT_PX, Math.round(n)));

function load(): ReadingPrefs {
  try {
    const raw = window.localStorage.getItem(READING_PREFS_KEY);
    if (!raw) return DEFAULT_PREFS;
    const v = JSON.parse(raw) as Partial<ReadingPrefs>;
    return { size: typeof v.size === 'number' && Number.isFinite(v.size) ? clampSize(v.size) : DEFAULT_PREFS.size, dark: v.dark === true };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function useReadingPrefs() {
  const [prefs, setPrefs] = useState<ReadingPrefs>(load);
  const update = useCallback((change: Partial<ReadingPrefs>) => {
    setPrefs((old) => {
      const next = { ...old, ...change, size: clampSize(change.size ?? old.size) };
      try {
        window.localStorage.setItem(READING_PREFS_KEY, JSON.stringify(next));
      } catch {
        // private mode: the choice lasts for this visit
      }
      return next;
    });
  }, []);
  return {
    prefs,
    smaller: () => update({ size: prefs.size - STEP_PX }),
    larger: () => update({ size: prefs.size + STEP_PX }),
    toggleDark: () => update({ dark: !prefs.dark }),
  };
}
