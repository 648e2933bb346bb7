/**
 * Which origins may send cookie-authenticated writes and open sockets: the server's own host, and
 * the ones configured in HOPSO_ALLOWED_ORIGINS. A request without an Origin header comes from a
 * program, not a page, so it is no cross-site forgery and passes.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  }

  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined || origin === '') return true;
    const normalised = origin.trim().toLowerCase().replace(/\/+$/, '');
    if (this.allowed.has(normalised)) return true;
    // the opaque origin of sandboxed frames, data: pages and some redirects
    if (normalised === 'null') return false;
    let url: URL;
    try {
      url = new URL(normalised);
    } catch {
      return false;
    }
    // the host, not the scheme: behind a TLS proxy the server itself may be reached over http
    return host !== undefined && url.host === host.trim().toLowerCase();
  }
}
