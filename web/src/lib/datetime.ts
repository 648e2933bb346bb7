import type { Language } from '../i18n/language';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "+07:00" for a Date.getTimezoneOffset() value of -420. */
export function formatOffset(timezoneOffsetMinutes: number): string {
  const east = -timezoneOffsetMinutes;
  const sign = east >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Value of an `<input type="datetime-local">` ("2025-07-10T08:00") → ISO 8601 with offset
 * ("2025-07-10T08:00:00+07:00"), read in the browser's time zone unless an offset is given.
 * Returns null for an empty or malformed value.
 */
export function localInputToIso(value: string, timezoneOffsetMinutes?: number): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  const probe = new Date(year, month - 1, day, hour, minute, second);
  if (
    probe.getFullYear() !== year ||
    probe.getMonth() !== month - 1 ||
    probe.getDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const offset = timezoneOffsetMinutes ?? probe.getTimezoneOffset();
  return `${y}-${mo}-${d}T${h}:${mi}:${pad(second)}${formatOffset(offset)}`;
}

/**
 * ISO instant → value for `<input type="datetime-local">` in the given offset
 * (the browser's own offset at that instant by default).
 */
export function isoToLocalInput(iso: string, timezoneOffsetMinutes?: number): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const offset = timezoneOffsetMinutes ?? instant.getTimezoneOffset();
  const shifted = new Date(instant.getTime() - offset * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Date and time for people, in the browser's time zone (or `timeZone`): "08:00 ngày 10/07/2025"
 * (the order a Vietnamese invitation uses) or "10/07/2025, 08:00" in English.
 */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [day, month, year, hour, minute] = timeZone ? zonedParts(date, timeZone) : localParts(date);
  const dayText = `${pad(day)}/${pad(month)}/${year}`;
  const time = `${pad(hour)}:${pad(minute)}`;
  return language === 'vi' ? `${time} ngày ${dayText}` : `${dayText}, ${time}`;
}

// The browser's own zone needs no Intl: the first Intl.DateTimeFormat a phone makes costs it
// about 100 ms of the first paint.
const localParts = (d: Date) => [d.getDate(), d.getMonth() + 1, d.getFullYear(), d.getHours(), d.getMinutes()];

function zonedParts(date: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('day'), get('month'), get('year'), get('hour'), get('minute')];
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
