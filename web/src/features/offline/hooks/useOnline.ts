import { useSyncExternalStore } from 'react';
import { connectivity } from '../lib/connectivity';

/** Whether the server can be reached now (the browser's own flag, and whether requests get answers). */
export function useOnline(): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.online, () => true);
}
