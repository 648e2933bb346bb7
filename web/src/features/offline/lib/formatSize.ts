import type { Language } from '../../../i18n/language';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** "12,4 MB": one decimal from a megabyte up, as a phone's storage settings show it. */
export function formatSize(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit >= 2 ? 1 : 0;
  return `${new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
