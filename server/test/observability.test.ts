import type { HealthResponse, ReadyResponse, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { buildMeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';
import { socketFor } from './support/sockets';

const TOKEN = 'metrics-token-for-the-test-0001';
let server: TestServer;
beforeAll(async () => {
  // trusting forwarded addresses lets a test on loopback speak as a client on the public internet
  server = await startServer({ env: { HOPSO_METRICS_TOKEN: TOKEN, HOPSO_TRUST_PROXY: 'true' } });
});
afterAll(() => server?.stop());

/** The value of one sample line (`name{labels} value`) of a Prometheus exposition. */
function sample(text: string, pattern: RegExp): number | null {
  const line = text.split('\n').find((l) => !l.startsWith('#') && pattern.test(l));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('health and readiness', () => {
  it('answers /api/health (alive) and /api/ready with the database, the queue and the storage', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as HealthResponse).status).toBe('ok');
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()) as ReadyResponse).toEqual({ status: 'ready', database: 'up', queue: 'up', storage: 'up' });
  });
});

describe('the Prometheus endpoint', () => {
  it('reports request latency by route template, sockets, queue depth, ingest durations, event-loop lag and memory', async () => {
    const w = await buildMeetingWorld(server, { prefix: 'ob' });
    const socket = await socketFor(w.delegate);
    try {
      const pdf = await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] });
      const [doc] = ((await w.secretary.upload(w.meeting.id, [{ name: 'du-thao.pdf', data: pdf }])).body as UploadResult).documents;
      await w.secretary.waitReady(doc.id);
      await w.delegate.get(`/meetings/${w.meeting.id}`);

      const res = await fetch(`${server.url}/api/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      // a route's template, never its ids
      expect(sample(text, /^hopso_http_request_duration_seconds_count\{method="GET",route="\/api\/meetings\/:id",status="2xx"\}/)).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(w.meeting.id);
      expect(sample(text, /^hopso_sockets_connected /)).toBeGreaterThanOrEqual(1);
      expect(sample(text, /^hopso_ingest_queue_depth /)).toBe(0);
      expect(sample(text, /^hopso_ingest_duration_seconds_count /)).toBeGreaterThanOrEqual(1);
      expect(sample(text, /^hopso_nodejs_eventloop_lag_p99_seconds /)).not.toBeNull();
      expect(sample(text, /^hopso_process_resident_memory_bytes /)).toBeGreaterThan(10_000_000);
    } finally {
      socket.close();
    }
  });

  it('refuses a client outside the private network without the token, as a not found, and answers it with the token', async () => {
    const outside = { 'x-forwarded-for': '203.0.113.5' };
    const refused = await fetch(`${server.url}/api/metrics`, { headers: outside });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await fetch(`${server.url}/api/metrics`, { headers: { ...outside, authorization: 'Bearer wrong-token-of-the-same-len' } })).status).toBe(404);
    const allowed = await fetch(`${server.url}/api/metrics`, { headers: { ...outside, authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(sample(await allowed.text(), /^hopso_metrics_refused_total /)).toBe(2);
    // a private address behind the proxy needs no token
    expect((await fetch(`${server.url}/api/metrics`, { headers: { 'x-forwarded-for': '10.0.0.7' } })).status).toBe(200);
  });
});
