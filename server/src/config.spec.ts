import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('takes the defaults from an empty environment (disk storage, pretty logs outside production)', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.seedDemo).toBe(true);
    expect(c.storage).toEqual({ kind: 'disk' });
    expect(c.logFormat).toBe('pretty');
    expect(c.trustProxy).toBe('loopback');
    expect(c.metricsToken).toBeNull();
  });

  it('logs JSON in production and reads the S3 settings', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', HOPSO_STORAGE: 's3', HOPSO_S3_BUCKET: 'files', HOPSO_S3_ENDPOINT: 'http://minio:9000' });
    expect(c.logFormat).toBe('json');
    expect(c.seedDemo).toBe(false);
    expect(c.storage).toMatchObject({ kind: 's3', bucket: 'files', endpoint: 'http://minio:9000', forcePathStyle: true });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['HOPSO_MAX_UPLOAD_MB', '-5'],
    ['HOPSO_INGEST_CONCURRENCY', '1.5'],
    ['HOPSO_SEED_DEMO', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['HOPSO_STORAGE', 'ftp'],
    ['DATABASE_URL', 'mysql://x'],
    ['HOPSO_METRICS_TOKEN', 'short'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got "${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"\\)`));
  });

  it('asks for the bucket when S3 is chosen', () => {
    expect(() => loadConfig({ HOPSO_STORAGE: 's3' })).toThrow(/HOPSO_S3_BUCKET/);
  });

  it('reads the signing key as 64 hex digits or base64, and refuses anything else without repeating it', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ HOPSO_SIGNING_KEY: hex }).signingKey).toEqual(Buffer.from(hex, 'hex'));
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ HOPSO_SIGNING_KEY: b64 }).signingKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).signingKey).toBeNull();
    for (const bad of ['correct horse battery staple', 'ab'.repeat(16), Buffer.alloc(16).toString('base64')]) {
      expect(() => loadConfig({ HOPSO_SIGNING_KEY: bad })).toThrow(/HOPSO_SIGNING_KEY: must be 32 random bytes/);
      expect(() => loadConfig({ HOPSO_SIGNING_KEY: bad })).not.toThrow(bad);
    }
  });
});
