import { isPrivateAddress, metricsAllowed } from './metrics-access';

describe('metrics access', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.9', true],
    ['172.31.255.1', true],
    ['192.168.1.20', true],
    ['fd12:3456::1', true],
    ['172.32.0.1', false],
    ['203.0.113.5', false],
    ['::ffff:8.8.8.8', false],
    ['2001:db8::1', false],
    ['', false],
    ['not an address', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  const token = 'a-long-metrics-token-0123';
  it('lets a public client in only with the exact token', () => {
    expect(metricsAllowed('203.0.113.5', `Bearer ${token}`, token)).toBe(true);
    expect(metricsAllowed('203.0.113.5', `Bearer ${token}x`, token)).toBe(false);
    expect(metricsAllowed('203.0.113.5', token, token)).toBe(false);
    expect(metricsAllowed('203.0.113.5', undefined, token)).toBe(false);
    expect(metricsAllowed('203.0.113.5', 'Bearer ', null)).toBe(false);
    expect(metricsAllowed('10.0.0.4', undefined, token)).toBe(true);
  });
});
