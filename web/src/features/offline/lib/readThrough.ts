import { NetworkError } from '../../../lib/api-client';
import { isOffline } from './session';

/**
 * A read that prefers the server and falls back to this device's offline copy when there is no
 * connection. While the browser knows it is offline the copy answers first, without waiting for a
 * request that cannot succeed. Only network failures fall back: a refusal (403, 404) stays a refusal.
 */
export async function readThrough<T>(remote: () => Promise<T>, local: () => Promise<T | undefined>, store?: (value: T) => Promise<void>): Promise<T> {
  if (isOffline()) {
    const saved = await local().catch(() => undefined);
    if (saved !== undefined) return saved;
  }
  try {
    const value = await remote();
    if (store) void store(value).catch(() => undefined);
    return value;
  } catch (error) {
    if (error instanceof NetworkError) {
      const saved = await local().catch(() => undefined);
      if (saved !== undefined) return saved;
    }
    throw error;
  }
}
