import type { TestServer } from './server';

export interface HealthDuring<T> {
  result: T;
  /** Milliseconds each /api/health call took to answer, in order. */
  latencies: number[];
  /** At least one /api/health answer arrived while `work` was still running. */
  answeredWhileRunning: boolean;
  /**
   * How late, at most, a 50 ms timer of this test process fired while the probes ran: the machine's own
   * scheduling delay (at load 20 on 2 cores, a second), which a probe's latency includes as well.
   */
  schedulingDelayMs: number;
}

/**
 * Calls /api/health again and again while `work` runs (and at least once), so a test can show
 * the server kept answering everyone else while it handled a hostile input.
 */
export async function healthDuring<T>(server: TestServer, work: Promise<T>): Promise<HealthDuring<T>> {
  let running = true;
  const settled = work.finally(() => {
    running = false;
  });
  const latencies: number[] = [];
  let answeredWhileRunning = false;
  let schedulingDelayMs = 0;
  let tick = performance.now();
  const clock = setInterval(() => {
    const now = performance.now();
    schedulingDelayMs = Math.max(schedulingDelayMs, now - tick - 50);
    tick = now;
  }, 50);
  const probe = (async () => {
    do {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`/api/health answered ${res.status}`);
      latencies.push(performance.now() - started);
      if (running) answeredWhileRunning = true;
      // pacing between probes, not a wait for anything
      if (running) await new Promise((r) => setTimeout(r, 50));
    } while (running);
  })();
  const [result] = await Promise.all([settled, probe]).finally(() => clearInterval(clock));
  return { result, latencies, answeredWhileRunning, schedulingDelayMs };
}
