import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * This process's Prometheus metrics (each replica is scraped on its own). Besides prom-client's
 * defaults (event-loop lag, heap and resident memory, CPU, handles), what an operator watches on a
 * session day: request latency per route, sockets, the ingest queue and ingest durations.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'hopso_', eventLoopMonitoringPrecision: 20 });

export const httpSeconds = new Histogram({
  name: 'hopso_http_request_duration_seconds',
  help: 'HTTP request duration by method, route template and status class',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const ingestSeconds = new Histogram({
  name: 'hopso_ingest_duration_seconds',
  help: 'Time to read one PDF version into paragraphs, until it is ready',
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180],
  registers: [registry],
});

let countSockets: () => number = () => 0;
/** Where the socket gauge reads its count at each scrape (the Socket.IO server, once it exists). */
export function countSocketsWith(count: () => number): void {
  countSockets = count;
}
new Gauge({
  name: 'hopso_sockets_connected',
  help: 'Socket.IO connections open on this process',
  registers: [registry],
  collect() {
    this.set(countSockets());
  },
});

export const ingestQueueDepth = new Gauge({ name: 'hopso_ingest_queue_depth', help: 'Ingest jobs waiting in the shared queue', registers: [registry] });

export const metricsRefusals = new Counter({ name: 'hopso_metrics_refused_total', help: 'Requests for /api/metrics refused (no token, not from the private network)', registers: [registry] });
