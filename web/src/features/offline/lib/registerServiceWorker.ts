/// <reference types="vite-plugin-pwa/client" />

/**
 * The service worker precaches the built app shell (every hashed asset of the build), so the app
 * opens with no connection once it has been opened online. It never answers /api: data for
 * offline reading lives in IndexedDB. Only production builds have one (vite dev and unit tests don't).
 */
export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): () => void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return () => undefined;
  let timer: ReturnType<typeof setInterval> | null = null;
  let cancelled = false;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    if (cancelled) return;
    const updateSW = registerSW({
      onNeedRefresh: () => onUpdateReady(() => void updateSW(true)),
      onRegisteredSW: (_url, registration) => {
        // a council office deploys rarely, but a phone may stay open for days: look once an hour
        if (registration) timer = setInterval(() => void registration.update().catch(() => undefined), 60 * 60_000);
      },
    });
  });
  return () => {
    cancelled = true;
    if (timer) clearInterval(timer);
  };
}
