export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}

/** GET /api/ready: whether this process can serve (its database, its job queue, its file store). */
export interface ReadyResponse {
  status: 'ready' | 'not-ready';
  database: 'up' | 'down';
  queue: 'up' | 'down';
  storage: 'up' | 'down';
}
