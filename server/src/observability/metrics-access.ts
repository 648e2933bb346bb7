import crypto from 'node:crypto';
import net from 'node:net';

const PRIVATE = new net.BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** Loopback or a private network (RFC 1918, IPv6 unique local); an IPv4-mapped IPv6 address counts as its IPv4 one. */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  if (net.isIPv4(address)) return PRIVATE.check(address, 'ipv4');
  if (net.isIPv6(address)) return PRIVATE.check(address, 'ipv6');
  return false;
}

/**
 * Metrics are for the operator: answered with the configured bearer token from anywhere, or without
 * one to a client on loopback or the private network. `clientAddress` is Express's req.ip, so a
 * request relayed by a trusted proxy (HOPSO_TRUST_PROXY) counts as its real client's.
 */
export function metricsAllowed(clientAddress: string | undefined, authorization: string | undefined, token: string | null): boolean {
  if (token && authorization?.startsWith('Bearer ')) {
    const given = Buffer.from(authorization.slice(7));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && crypto.timingSafeEqual(given, wanted)) return true;
  }
  return isPrivateAddress(clientAddress);
}
