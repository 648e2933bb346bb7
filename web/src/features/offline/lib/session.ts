import type { CurrentUser } from '@hopso/shared';
import { connectivity } from './connectivity';

/**
 * Who is signed in on this device, remembered so the app opens offline for the same person.
 * Only the public profile is kept (never a token: the session cookie stays httpOnly).
 */
const KEY = 'hopso.lastUser';
let currentUserId: string | null = null;

export const offlineSession = {
  get userId(): string | null {
    return currentUserId;
  },
  setUser(user: CurrentUser | null): void {
    currentUserId = user?.id ?? null;
    try {
      if (user) localStorage.setItem(KEY, JSON.stringify(user));
      else localStorage.removeItem(KEY);
    } catch {
      /* storage full or disabled: the app still works online */
    }
  },
  lastUser(): CurrentUser | null {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as CurrentUser) : null;
    } catch {
      return null;
    }
  },
};

/** No network, or the server gave no answer lately: reads go to the offline copy first, writes don't wait. */
export function isOffline(): boolean {
  return !connectivity.online();
}
