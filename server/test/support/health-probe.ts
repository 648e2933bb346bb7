import fs from 'node:fs';
import type { TestServer } from './server';

export interface HealthDuring<T> {
  result: T;
  /** Milliseconds each /api/health call took to answer, in order. */
  latencies: number[];
  /**
   * Each call's milliseconds less the time the server's main thread and this test's thread spent
   * runnable but waiting for a CPU (the kernel's run-queue wait, /proc/…/schedstat): what is left is
   * the server's event loop being busy, whatever else loads the machine (at load 24 on 2 cores a
   * probe took 1.7 s, mostly waiting its turn). Equal to `latencies` where schedstat is not there.
   */
  busyLatencies: number[];
  /** At least one /api/health answer arrived while `work` was still running. */
  answeredWhileRunning: boolean;
}

/** Run-queue wait (ms) of one thread so far: the second field of its schedstat; 0 where there is none. */
function runQueueWaitMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
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
  const busyLatencies: number[] = [];
  let answeredWhileRunning = false;
  const waited = () => runQueueWaitMs(server.pid) + runQueueWaitMs(process.pid);
  const probe = (async () => {
    do {
      const started = performance.now();
      const waitedBefore = waited();
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`/api/health answered ${res.status}`);
      const latency = performance.now() - started;
      latencies.push(latency);
      busyLatencies.push(Math.max(0, latency - (waited() - waitedBefore)));
      if (running) answeredWhileRunning = true;
      // pacing between probes, not a wait for anything
      if (running) await new Promise((r) => setTimeout(r, 50));
    } while (running);
  })();
  const [result] = await Promise.all([settled, probe]);
  return { result, latencies, busyLatencies, answeredWhileRunning };
}
