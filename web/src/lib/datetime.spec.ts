import { formatBytes, formatClock, formatDateTime, formatOffset, isoToLocalInput, isoToZonedInput, joinInputValue, localInputToIso, parseClock, parseDayMonthYear, splitInputValue, zonedInputToIso, zoneOffsetLabel } from './datetime';

describe('datetime-local conversion', () => {
  it('turns a datetime-local value into ISO with the Vietnam offset', () => {
    expect(localInputToIso('2025-07-10T08:00', -420)).toBe('2025-07-10T08:00:00+07:00');
  });

  it('keeps seconds and handles offsets west of UTC and half hours', () => {
    expect(localInputToIso('2025-01-31T23:59:30', 300)).toBe('2025-01-31T23:59:30-05:00');
    expect(localInputToIso('2025-01-31T09:15', -330)).toBe('2025-01-31T09:15:00+05:30');
  });

  it('refuses empty and impossible values', () => {
    expect(localInputToIso('', -420)).toBeNull();
    expect(localInputToIso('2025-02-30T08:00', -420)).toBeNull();
    expect(localInputToIso('2025-07-10T25:00', -420)).toBeNull();
    expect(localInputToIso('10/07/2025 08:00', -420)).toBeNull();
  });

  it('uses the runtime time zone when no offset is given', () => {
    const iso = localInputToIso('2025-07-10T08:00');
    expect(iso).toMatch(/^2025-07-10T08:00:00[+-]\d{2}:\d{2}$/);
    expect(isoToLocalInput(iso as string)).toBe('2025-07-10T08:00');
  });

  it('shows an instant in the given offset for the input', () => {
    expect(isoToLocalInput('2025-07-10T01:00:00Z', -420)).toBe('2025-07-10T08:00');
    expect(isoToLocalInput('2025-07-10T08:00:00+07:00', 0)).toBe('2025-07-10T01:00');
    expect(isoToLocalInput('not a date', -420)).toBe('');
  });

  it('round-trips', () => {
    const iso = localInputToIso('2026-12-31T17:45', -420) as string;
    expect(isoToLocalInput(iso, -420)).toBe('2026-12-31T17:45');
  });

  it('formats offsets', () => {
    expect(formatOffset(-420)).toBe('+07:00');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(210)).toBe('-03:30');
  });

  it('writes file sizes the Vietnamese way', () => {
    expect(formatBytes(2540, 'vi')).toBe('2,5 KB');
    expect(formatBytes(55711, 'en')).toBe('54 KB');
    expect(formatBytes(17, 'vi')).toBe('17 B');
  });

  it('writes date and time the way an invitation does', () => {
    expect(formatDateTime('2025-07-10T01:00:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('08:00 ngày 10/07/2025');
    expect(formatDateTime('2025-07-10T13:05:00Z', 'en', 'Asia/Ho_Chi_Minh')).toBe('10/07/2025, 20:05');
  });

  it("uses the councils' default zone when none is known, never the browser's", () => {
    for (const iso of ['2025-07-10T01:00:00Z', '2025-12-31T23:59:00Z', '2026-03-01T00:00:00+07:00']) {
      expect(formatDateTime(iso, 'vi')).toBe(formatDateTime(iso, 'vi', 'Asia/Ho_Chi_Minh'));
    }
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});

describe('the council\'s clock', () => {
  it('shows day/month/year and 24-hour time in the council\'s zone, not the browser\'s', () => {
    expect(formatDateTime('2026-08-12T01:00:00Z', 'en', 'Asia/Ho_Chi_Minh')).toBe('12/08/2026, 08:00');
    expect(formatDateTime('2026-08-12T13:00:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('20:00 ngày 12/08/2026');
    expect(formatDateTime('2026-08-12T13:00:00Z', 'vi', 'America/New_York')).toBe('09:00 ngày 12/08/2026');
    expect(formatClock('2026-08-12T00:05:00Z', 'Asia/Tokyo')).toBe('09:05');
    expect(zoneOffsetLabel('Asia/Ho_Chi_Minh')).toBe('UTC+07:00');
  });

  it('turns wall times of a zone into instants and back, across summer time', () => {
    expect(zonedInputToIso('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
    expect(zonedInputToIso('2026-03-28T03:30', 'Europe/Paris')).toBe('2026-03-28T03:30:00+01:00');
    expect(isoToZonedInput('2026-03-29T01:30:00Z', 'Europe/Paris')).toBe('2026-03-29T03:30');
    expect(zonedInputToIso('2026-02-30T08:00', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it('reads a typed day (day first) and a 24-hour time', () => {
    expect(parseDayMonthYear('12/8/2026')).toBe('2026-08-12');
    expect(parseDayMonthYear('31.12.2026')).toBe('2026-12-31');
    expect(parseDayMonthYear('30/02/2026')).toBeNull();
    expect(parseDayMonthYear('2026-08-12')).toBeNull();
    expect(['8:00', '08:00', '8h30', '0830', '14', '23:59'].map(parseClock)).toEqual(['08:00', '08:00', '08:30', '08:30', '14:00', '23:59']);
    expect(['24:00', '8:60', '8 AM', ''].map(parseClock)).toEqual([null, null, null, null]);
    expect(splitInputValue('2026-08-12T08:00')).toEqual(['12/08/2026', '08:00']);
    expect(joinInputValue('12/08/2026', '8h')).toBe('2026-08-12T08:00');
    expect(joinInputValue('12/08/2026', 'sáng')).toBe('');
  });
});
