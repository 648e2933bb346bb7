declare global {
  interface Window {
    /** Filled by the inline script in index.html: the first screen's reads, started before the app loaded. */
    __hopsoEarly?: Record<string, Promise<Response>>;
  }
}

/** Early answers are for the first screen only; later reads must see later data. */
const USABLE_FOR_MS = 15_000;

/**
 * The answer index.html already asked for, once, if the app's first read of `path` comes soon
 * enough. Any write (a login, for one) makes the rest stale: they are dropped.
 */
export const earlyResponses = {
  take(path: string): Promise<Response> | undefined {
    const early = window.__hopsoEarly;
    if (!early || !(path in early)) return undefined;
    const answer = early[path];
    delete early[path];
    return performance.now() < USABLE_FOR_MS ? answer : undefined;
  },
  dropAll(): void {
    window.__hopsoEarly = {};
  },
};
