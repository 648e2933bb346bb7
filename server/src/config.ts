import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
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
  ingest: { concurrency: number; timeoutMs: number; maxHeapMb: number; maxStreamBytes: number; maxContentBytes: number };
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
  /** `pretty` one-line logs for a person (development, the embedded database) or `json` for a collector. */
  logFormat: 'pretty' | 'json';
  /** Where uploaded files live: this machine's disk (dataDir/files) or an S3-compatible bucket. */
  storage: { kind: 'disk' } | { kind: 's3'; bucket: string; endpoint: string | null; region: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean };
  /** Bearer token for /api/metrics from outside the private network; unset: loopback and private addresses only. */
  metricsToken: string | null;
  /** Apply pending migrations at start (off when a one-shot migration service runs them, as in docker-compose.yml). */
  migrateAtStart: boolean;
  /** hopso's version, from the repository's package.json (answered by /api/health). */
  version: string;
  /**
   * The 32-byte key that seals councils' signing certificates (AES-256-GCM). Unset: the embedded
   * database's demo shape makes one in dataDir on first start; with DATABASE_URL signing is off.
   */
  signingKey: Buffer | null;
  /** Text recognition of scanned pages (see documents/ingest/ocr.ts): the ocrmypdf command and what one file may cost. */
  ocr: OcrConfig;
}

export interface OcrConfig {
  command: string;
  language: string;
  /** Longest one page's recognition may take (the first page's counts from the start). */
  pageTimeoutMs: number;
  maxMemoryMb: number;
  /** Where ocrmypdf works on a file (removed after each run and at each start). */
  tmpDir: string;
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

function packageVersion(): string {
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** A bad setting, named: the start stops with this message. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const blankAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const int = (fallback: number, min = 0) => z.preprocess(blankAsUnset, z.coerce.number().int().min(min).default(fallback));
const flag = z.preprocess(blankAsUnset, z.enum(['1', '0', 'true', 'false']).optional()).transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));
const text = z.preprocess(blankAsUnset, z.string().optional());

/** "true"/"false", a hop count, or addresses and subnets as Express takes them ("loopback, 10.0.0.0/8"). */
const trustProxy = z.preprocess(blankAsUnset, z.string().default('loopback')).transform((value): boolean | number | string => {
  const v = value.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
});

/** Every variable hopso reads (the README's table lists the same). */
const envSchema = z.object({
  NODE_ENV: text,
  PORT: int(3000, 0).pipe(z.number().max(65535)),
  HOST: z.preprocess(blankAsUnset, z.string().default('0.0.0.0')),
  DATABASE_URL: z.preprocess(blankAsUnset, z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional()),
  HOPSO_DATA_DIR: text,
  HOPSO_WEB_DIST: text,
  HOPSO_EMBEDDED_PG_PORT: int(5433, 1).pipe(z.number().max(65535)),
  HOPSO_SEED_DEMO: flag,
  HOPSO_MAX_UPLOAD_MB: int(DEFAULT_MAX_UPLOAD_MB, 1),
  HOPSO_MAX_PAGES: int(DEFAULT_MAX_PAGES, 1),
  HOPSO_SESSION_TTL_HOURS: int(24 * 7, 1),
  HOPSO_LOGIN_RATE_LIMIT: int(10, 1),
  HOPSO_LOGIN_ADDRESS_LIMIT: int(30, 1),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  HOPSO_LOG_FORMAT: z.preprocess(blankAsUnset, z.enum(['pretty', 'json']).optional()),
  HOPSO_SCALE_OUT: flag,
  HOPSO_INGEST_CONCURRENCY: int(2, 1),
  HOPSO_INGEST_TIMEOUT_S: int(180, 1),
  HOPSO_INGEST_MAX_HEAP_MB: int(768, 64),
  HOPSO_INGEST_MAX_STREAM_MB: int(64, 1),
  HOPSO_INGEST_MAX_CONTENT_MB: int(128, 1),
  HOPSO_MAX_BODY_KB: int(100, 1),
  HOPSO_TRUST_PROXY: trustProxy,
  HOPSO_ALLOWED_ORIGINS: z.preprocess(blankAsUnset, z.string().default('')),
  HOPSO_STORAGE: z.preprocess(blankAsUnset, z.enum(['disk', 's3']).default('disk')),
  HOPSO_S3_BUCKET: text,
  HOPSO_S3_ENDPOINT: z.preprocess(blankAsUnset, z.url().optional()),
  HOPSO_S3_REGION: z.preprocess(blankAsUnset, z.string().default('us-east-1')),
  HOPSO_S3_ACCESS_KEY_ID: text,
  HOPSO_S3_SECRET_ACCESS_KEY: text,
  HOPSO_S3_FORCE_PATH_STYLE: flag,
  HOPSO_MIGRATE_AT_START: flag,
  HOPSO_METRICS_TOKEN: z.preprocess(blankAsUnset, z.string().min(16, 'must be at least 16 characters').optional()),
  HOPSO_SIGNING_KEY: z.preprocess(blankAsUnset, z.string().optional()).transform((v, ctx) => {
    if (v === undefined) return null;
    const key = parseSigningKey(v);
    if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes, as 64 hex digits or in base64 (openssl rand -base64 32)' });
    return key;
  }),
  HOPSO_OCRMYPDF: z.preprocess(blankAsUnset, z.string().default('ocrmypdf')),
  HOPSO_OCR_LANGUAGE: z.preprocess(blankAsUnset, z.string().regex(/^[a-z_]+(\+[a-z_]+)*$/, 'Tesseract language codes, e.g. vie or vie+eng').default('vie')),
  HOPSO_OCR_PAGE_TIMEOUT_S: int(120, 1),
  HOPSO_OCR_MAX_MEMORY_MB: int(1536, 256),
});

/** 32 bytes written as 64 hex digits or as base64; anything else (a passphrase, a short key) is refused, never stretched. */
export function parseSigningKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(v) || /^[A-Za-z0-9_-]{43}=?$/.test(v)) {
    const key = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return key.length === 32 ? key : null;
  }
  return null;
}

/** Variables whose refused value is not repeated in the message (it would land in the start log). */
const SECRET_VARIABLES = new Set(['HOPSO_SIGNING_KEY']);

/** Reads and checks the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const shown = (name: string) => (typeof env[name] === 'string' && !SECRET_VARIABLES.has(name) ? ` (got "${env[name]}")` : '');
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${shown(String(i.path[0]))}`));
  }
  const e = parsed.data;
  if (e.HOPSO_STORAGE === 's3' && !e.HOPSO_S3_BUCKET) throw new ConfigError(['HOPSO_S3_BUCKET: required when HOPSO_STORAGE=s3']);
  const databaseUrl = e.DATABASE_URL ?? null;
  const dataDir = path.resolve(e.HOPSO_DATA_DIR ?? path.join(repoRoot, '.data'));
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir,
    embeddedPgPort: e.HOPSO_EMBEDDED_PG_PORT,
    seedDemo: e.HOPSO_SEED_DEMO ?? databaseUrl === null,
    maxUploadBytes: e.HOPSO_MAX_UPLOAD_MB * 1024 * 1024,
    maxPages: e.HOPSO_MAX_PAGES,
    sessionTtlHours: e.HOPSO_SESSION_TTL_HOURS,
    loginRateLimit: { limit: e.HOPSO_LOGIN_RATE_LIMIT, windowMs: 60_000 },
    webDistDir: path.resolve(e.HOPSO_WEB_DIST ?? path.join(repoRoot, 'web', 'dist')),
    logLevel: e.LOG_LEVEL,
    logFormat: e.HOPSO_LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
    socketScaleOut: e.HOPSO_SCALE_OUT ?? false,
    ingest: {
      concurrency: e.HOPSO_INGEST_CONCURRENCY,
      timeoutMs: e.HOPSO_INGEST_TIMEOUT_S * 1000,
      maxHeapMb: e.HOPSO_INGEST_MAX_HEAP_MB,
      maxStreamBytes: e.HOPSO_INGEST_MAX_STREAM_MB * 1024 * 1024,
      maxContentBytes: e.HOPSO_INGEST_MAX_CONTENT_MB * 1024 * 1024,
    },
    maxBodyBytes: e.HOPSO_MAX_BODY_KB * 1024,
    uploadTmpDir: path.join(dataDir, 'tmp', 'uploads'),
    ocr: {
      command: e.HOPSO_OCRMYPDF,
      language: e.HOPSO_OCR_LANGUAGE,
      pageTimeoutMs: e.HOPSO_OCR_PAGE_TIMEOUT_S * 1000,
      maxMemoryMb: e.HOPSO_OCR_MAX_MEMORY_MB,
      tmpDir: path.join(dataDir, 'tmp', 'ocr'),
    },
    trustProxy: e.HOPSO_TRUST_PROXY,
    allowedOrigins: e.HOPSO_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    loginAddressLimit: { limit: e.HOPSO_LOGIN_ADDRESS_LIMIT, windowMs: 60_000 },
    storage:
      e.HOPSO_STORAGE === 's3'
        ? {
            kind: 's3',
            bucket: e.HOPSO_S3_BUCKET!,
            endpoint: e.HOPSO_S3_ENDPOINT ?? null,
            region: e.HOPSO_S3_REGION,
            accessKeyId: e.HOPSO_S3_ACCESS_KEY_ID ?? null,
            secretAccessKey: e.HOPSO_S3_SECRET_ACCESS_KEY ?? null,
            forcePathStyle: e.HOPSO_S3_FORCE_PATH_STYLE ?? e.HOPSO_S3_ENDPOINT !== undefined,
          }
        : { kind: 'disk' },
    metricsToken: e.HOPSO_METRICS_TOKEN ?? null,
    migrateAtStart: e.HOPSO_MIGRATE_AT_START ?? true,
    version: packageVersion(),
    signingKey: e.HOPSO_SIGNING_KEY,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
