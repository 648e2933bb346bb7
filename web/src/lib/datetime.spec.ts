import { formatBytes, formatDateTime, formatOffset, isoToLocalInput, localInputToIso } from './datetime';

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

  it("writes the browser's own time zone without Intl, the same as with it", () => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of ['2025-07-10T01:00:00Z', '2025-12-31T23:59:00Z', '2026-03-01T00:00:00+07:00']) {
      expect(formatDateTime(iso, 'vi')).toBe(formatDateTime(iso, 'vi', here));
    }
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});
