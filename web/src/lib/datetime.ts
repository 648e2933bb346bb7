import { DEFAULT_TIME_ZONE } from '@hopso/shared';
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

// one formatter per zone: making one costs a phone far more than using it
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZone: DEFAULT_TIME_ZONE });
    }
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** [day, month, year, hour, minute, second] of an instant on the wall clocks of `timeZone`. */
function zonedParts(date: Date, timeZone: string): number[] {
  const parts = zoneFormat(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('day'), get('month'), get('year'), get('hour') % 24, get('minute'), get('second')];
}

/** The zone's offset at an instant, signed as Date.getTimezoneOffset() (-420 for UTC+7). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const [day, month, year, hour, minute, second] = zonedParts(instant, timeZone);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return -Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** A wall time in `timeZone` ("2025-07-10T08:00") → ISO with that zone's offset then; null if unreadable. */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const probe = localInputToIso(value, 0);
  if (!probe) return null;
  const asUtc = new Date(probe);
  // the offset at the wall time, found from the offset at its UTC reading and corrected once (DST edges)
  const first = zoneOffsetMinutes(timeZone, asUtc);
  const offset = zoneOffsetMinutes(timeZone, new Date(asUtc.getTime() + first * 60_000));
  return localInputToIso(value, offset);
}

/** An instant → "2025-07-10T08:00" on the wall clocks of `timeZone`. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  return isoToLocalInput(iso, zoneOffsetMinutes(timeZone, instant));
}

/** "UTC+07:00" for the zone now: what the forms say times are entered in. */
export function zoneOffsetLabel(timeZone: string, at: Date = new Date()): string {
  return `UTC${formatOffset(zoneOffsetMinutes(timeZone, at))}`;
}

/**
 * Date and time for people, always day/month/year and 24-hour whatever the browser's locale, on the
 * council's wall clock (`timeZone`, the council default if none is known): "08:00 ngày 10/07/2025"
 * (the order a Vietnamese invitation uses) or "10/07/2025, 08:00" in English.
 */
export function formatDateTime(iso: string, language: Language, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [day, month, year, hour, minute] = zonedParts(date, timeZone);
  const dayText = `${pad(day)}/${pad(month)}/${year}`;
  const time = `${pad(hour)}:${pad(minute)}`;
  return language === 'vi' ? `${time} ngày ${dayText}` : `${dayText}, ${time}`;
}

/** "14:05" on the council's wall clock. */
export function formatClock(iso: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  const [, , , hour, minute] = zonedParts(date, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
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

/** "10/7/2025", "10-07-2025" or "10.07.2025" (day first, always) → "2025-07-10"; null if no such day. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "8:00", "08:00", "8h30", "0830" or "8" (24-hour, always) → "08:00"; null if no such time. */
export function parseClock(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:\s*[:hg.]\s*(\d{2})?|(\d{2}))?\s*$/i.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** "2025-07-10T08:00" → ["10/07/2025", "08:00"] for the two text boxes; empty strings for an empty value. */
export function splitInputValue(value: string): [string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? [`${m[3]}/${m[2]}/${m[1]}`, `${m[4]}:${m[5]}`] : ['', ''];
}

/** The two text boxes → "2025-07-10T08:00", or '' while either is unreadable. */
export function joinInputValue(dayText: string, clockText: string): string {
  const day = parseDayMonthYear(dayText);
  const clock = parseClock(clockText);
  return day && clock ? `${day}T${clock}` : '';
}
