import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_PAGES, DEFAULT_MAX_UPLOAD_MB } from '@hopso/shared';

/** Every setting hopso reads from the environment, in one place. */
export interface AppConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when unset an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  /** Seed the demo council on first start (default: only with the embedded database). */
  seedDemo: boolean;
  maxUploadBytes: number;
  maxPages: number;
  sessionTtlHours: number;
  loginRateLimit: { limit: number; windowMs: number };
  webDistDir: string;
  logLevel: string;
  /** Share Socket.IO broadcasts between server processes through PostgreSQL. */
  socketScaleOut: boolean;
  /** What one PDF's ingest may cost (see documents/ingest/extract-in-worker.ts). */
  ingest: { concurrency: number; timeoutMs: number; maxHeapMb: number; maxStreamBytes: number };
  /** Largest JSON or form body, in bytes. */
  maxBodyBytes: number;
  /** Where uploads are streamed while they arrive, before they are checked. */
  uploadTmpDir: string;
  /** Express's `trust proxy`: which proxies may tell the client's address and scheme (X-Forwarded-*). */
  trustProxy: boolean | number | string;
  /** Origins besides the server's own that may send cookie-authenticated writes and open sockets. */
  allowedOrigins: string[];
  /** Failed logins per minute from one address across all accounts (password spraying). */
  loginAddressLimit: { limit: number; windowMs: number };
}

/** The repository root: the nearest folder upwards whose package.json declares the workspaces. */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && 'workspaces' in JSON.parse(fs.readFileSync(pkg, 'utf8'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
const repoRoot = findRepoRoot(__dirname);

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

/** "true"/"false", a hop count, or addresses and subnets as Express takes them ("loopback, 10.0.0.0/8"). */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw.trim() === '') return 'loopback';
  const value = raw.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function loadConfig(env = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || null;
  const seedRaw = env.HOPSO_SEED_DEMO;
  return {
    port: int('PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.HOPSO_DATA_DIR || path.join(repoRoot, '.data')),
    embeddedPgPort: int('HOPSO_EMBEDDED_PG_PORT', 5433),
    seedDemo: seedRaw === undefined || seedRaw === '' ? databaseUrl === null : seedRaw === '1' || seedRaw === 'true',
    maxUploadBytes: int('HOPSO_MAX_UPLOAD_MB', DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024,
    maxPages: int('HOPSO_MAX_PAGES', DEFAULT_MAX_PAGES),
    sessionTtlHours: int('HOPSO_SESSION_TTL_HOURS', 24 * 7),
    loginRateLimit: { limit: int('HOPSO_LOGIN_RATE_LIMIT', 10), windowMs: 60_000 },
    webDistDir: path.resolve(env.HOPSO_WEB_DIST || path.join(repoRoot, 'web', 'dist')),
    logLevel: env.LOG_LEVEL || 'info',
    socketScaleOut: env.HOPSO_SCALE_OUT === '1' || env.HOPSO_SCALE_OUT === 'true',
    ingest: {
      concurrency: Math.max(1, int('HOPSO_INGEST_CONCURRENCY', 2)),
      timeoutMs: int('HOPSO_INGEST_TIMEOUT_S', 180) * 1000,
      maxHeapMb: int('HOPSO_INGEST_MAX_HEAP_MB', 768),
      maxStreamBytes: int('HOPSO_INGEST_MAX_STREAM_MB', 64) * 1024 * 1024,
    },
    maxBodyBytes: int('HOPSO_MAX_BODY_KB', 100) * 1024,
    uploadTmpDir: path.join(path.resolve(env.HOPSO_DATA_DIR || path.join(repoRoot, '.data')), 'tmp', 'uploads'),
    trustProxy: trustProxy(env.HOPSO_TRUST_PROXY),
    allowedOrigins: (env.HOPSO_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    loginAddressLimit: { limit: int('HOPSO_LOGIN_ADDRESS_LIMIT', 30), windowMs: 60_000 },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
