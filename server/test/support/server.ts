import { spawn, type ChildProcess } from 'node:child_process';
import { noteServer } from './leftover-servers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { dbUrl, SERVER_MAIN, TEMPLATE_DB, TEST_DATA_DIR, TEST_PG_ADMIN_URL } from './test-env';

export interface TestServer {
  url: string;
  /** The server's process, where this test started it. */
  pid?: number;
  databaseUrl: string;
  dataDir: string;
  /** A direct connection to this server's database, for setup and for checking what was (not) written. */
  db: Client;
  logs(): string;
  stop(): Promise<void>;
  /** Kills the process at once (no shutdown), as a crash or a lost machine does. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  return name;
}

/** Starts the built server (`npm start`'s own entry point) against its own database. */
export async function startServer(opts: { seedDemo?: boolean; env?: Record<string, string>; databaseName?: string } = {}): Promise<TestServer> {
  const dbName = opts.databaseName ?? (await createTestDatabase());
  const port = await freePort();
  const dataDir = path.join(TEST_DATA_DIR, 'runs', dbName);
  fs.mkdirSync(dataDir, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: dbUrl(dbName),
      PORT: String(port),
      HOST: '127.0.0.1',
      HOPSO_DATA_DIR: dataDir,
      HOPSO_SEED_DEMO: opts.seedDemo ? '1' : '0',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  noteServer(child);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const db = new Client({ connectionString: dbUrl(dbName) });
  await db.connect();
  return {
    url,
    pid: child.pid,
    databaseUrl: dbUrl(dbName),
    dataDir,
    db,
    logs: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      await db.end().catch(() => undefined);
    },
    stop: async () => {
      await db.end();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}
