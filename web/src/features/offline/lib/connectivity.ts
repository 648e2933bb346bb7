import { onServerAnswer } from '../../../lib/api-client';

/**
 * Whether the server can be reached. navigator.onLine alone is not enough: a phone on a weak 4G
 * signal says it is online while nothing gets through. So a request that gets no answer marks the
 * server unreachable until the next answer; meanwhile a light probe asks every few seconds.
 */
const PROBE_MS = 5_000;
let reachable = true;
let probeTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function setReachable(value: boolean): void {
  if (reachable === value) return;
  reachable = value;
  if (!value) scheduleProbe();
  notify();
}

function scheduleProbe(): void {
  if (probeTimer || reachable) return;
  probeTimer = setTimeout(() => {
    probeTimer = null;
    if (reachable) return;
    // not through apiClient: a probe that fails must not count as one more failure to report
    fetch('/api/health', { cache: 'no-store', credentials: 'same-origin' })
      .then((res) => {
        if (res.status > 0) setReachable(true);
      })
      .catch(() => scheduleProbe());
  }, navigator.onLine === false ? PROBE_MS * 2 : PROBE_MS);
}

if (typeof window !== 'undefined') {
  onServerAnswer(setReachable);
  window.addEventListener('online', () => {
    // the browser has a network again: find out now rather than at the next probe
    if (!reachable) {
      if (probeTimer) clearTimeout(probeTimer);
      probeTimer = null;
      scheduleProbe();
    }
    notify();
  });
  window.addEventListener('offline', notify);
}

export const connectivity = {
  /** The browser has a network and the last request (or probe) got an answer. */
  online: (): boolean => (typeof navigator === 'undefined' || navigator.onLine !== false) && reachable,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A request outside apiClient (a PDF download) got no answer. */
  reportFailure: () => setReachable(false),
  reportAnswer: () => setReachable(true),
};
