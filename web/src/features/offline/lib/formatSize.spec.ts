import { formatSize } from './formatSize';

describe('formatSize', () => {
  it('writes megabytes with one decimal and the Vietnamese decimal comma', () => {
    expect(formatSize(13_002_342, 'vi')).toBe('12,4 MB');
    expect(formatSize(13_002_342, 'en')).toBe('12.4 MB');
  });

  it('writes small sizes without decimals', () => {
    expect(formatSize(512, 'vi')).toBe('512 B');
    expect(formatSize(20_480, 'vi')).toBe('20 KB');
  });
});
