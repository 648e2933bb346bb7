import { createContext } from 'react';
import type { Language } from './language';
import type { Dictionary } from './vi';

export interface I18nValue {
  language: Language;
  t: Dictionary;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);
