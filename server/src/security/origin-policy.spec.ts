import { OriginPolicy } from './origin-policy';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://hop.example.vn']);

  it('lets the own host, the allowed origins and programs without an Origin through', () => {
    expect(policy.allows('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(policy.allows('https://hopso.xa.gov.vn', 'hopso.xa.gov.vn')).toBe(true);
    expect(policy.allows('https://HOP.example.vn/', 'other.host')).toBe(true);
    expect(policy.allows(undefined, 'hopso.xa.gov.vn')).toBe(true);
  });

  it('refuses other sites, look-alike hosts, opaque and malformed origins', () => {
    expect(policy.allows('https://evil.example', 'hopso.xa.gov.vn')).toBe(false);
    expect(policy.allows('https://hopso.xa.gov.vn.evil.example', 'hopso.xa.gov.vn')).toBe(false);
    expect(policy.allows('http://127.0.0.1:3001', '127.0.0.1:3000')).toBe(false);
    expect(policy.allows('null', 'hopso.xa.gov.vn')).toBe(false);
    expect(policy.allows('not a url', 'hopso.xa.gov.vn')).toBe(false);
  });
});
